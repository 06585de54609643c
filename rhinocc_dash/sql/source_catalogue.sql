-- Every source file of the build: producer, vintage, licence, rows, checksum, origin.
SELECT b.name AS source, b.value AS titre, b.producer, b.vintage, b.licence, b.path, b.rows, s.rows_read,
       s.rows_accepted, s.rows_quarantined, b.sha256, b.origin_url
FROM build_info AS b
LEFT JOIN source_stats AS s ON s.source = b.name
WHERE b.kind = 'file'
ORDER BY b.path
