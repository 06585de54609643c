-- One row per venue source: vintage, rows read, accepted and quarantined, producer and licence.
SELECT
    s.source,
    s.vintage,
    s.rows_read,
    s.rows_accepted,
    s.rows_quarantined,
    b.producer,
    b.licence,
    b.origin_url
FROM source_stats AS s
LEFT JOIN build_info AS b ON b.kind = 'file' AND b.name = s.source
ORDER BY s.source
