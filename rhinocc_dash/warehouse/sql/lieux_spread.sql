-- Lieux whose records, located at their address, lie more than a given distance apart.
SELECT lieu_id, nom, commune, departement, etendue_m, n_records
FROM lieux
WHERE etendue_m > ?
ORDER BY etendue_m DESC
