-- Where people live (modelled): grid points inside each commune, their inhabitants and nearest lieu.
SELECT code_insee, x, y, population, nearest_lieu_km, lieux_within_10km
FROM population_points
ORDER BY code_insee, y, x
