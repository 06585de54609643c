-- Every lieu with its EPCI, for the map and the directory (filtered in memory by pure functions).
SELECT
    l.*,
    c.epci_siren
FROM lieux AS l
JOIN communes AS c USING (code_insee)
ORDER BY l.lieu_id
