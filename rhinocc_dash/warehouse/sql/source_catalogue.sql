-- Every source file of the build: kind, short name, title, producer, vintage, licence, rows, checksum, origin.
SELECT s.key, s.kind, s.current, s.name, s.title, s.producer, s.vintage, s.licence, s.path, s.rows,
       t.rows_read, t.rows_accepted, t.rows_quarantined, s.sha256, s.origin_url
FROM sources AS s
LEFT JOIN source_stats AS t ON t.source = s.key
ORDER BY s.position
