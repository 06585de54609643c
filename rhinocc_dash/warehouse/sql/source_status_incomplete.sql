-- Sources a build run with --allow-partial recorded as absent or partial: name, vintage, rows, reference, reason.
SELECT s.key, c.name, c.vintage, s.file, s.status, s.rows_accepted, s.rows_reference, s.reason
FROM source_status AS s
JOIN sources AS c USING (key)
WHERE s.status <> 'present'
ORDER BY c.position
