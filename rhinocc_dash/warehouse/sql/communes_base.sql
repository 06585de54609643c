-- Communes without geometry: identity, population, representative point.
SELECT code_insee, nom, departement, epci_siren, population, longitude, latitude
FROM communes
ORDER BY code_insee
