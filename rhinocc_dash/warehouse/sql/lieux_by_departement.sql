-- Lieux and population per département.
SELECT
    d.code,
    d.nom,
    d.population,
    count(l.lieu_id) AS lieux
FROM departements AS d
LEFT JOIN lieux AS l ON l.departement = d.code
GROUP BY d.code, d.nom, d.population
ORDER BY d.code
