-- Lieux with the fields coverage needs.
SELECT l.lieu_id, l.code_insee, l.departement, c.epci_siren, l.labels, l.services
FROM lieux AS l
JOIN communes AS c USING (code_insee)
ORDER BY l.lieu_id
