-- Lieux carrying the APTIC label (the Pass numérique is accepted there), with their EPCI.
SELECT l.lieu_id, l.nom, l.commune, l.code_insee, l.departement, c.epci_siren, l.sources
FROM lieux AS l
LEFT JOIN communes AS c USING (code_insee)
WHERE list_contains(l.labels, 'APTIC')
ORDER BY l.departement, l.nom
