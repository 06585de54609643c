-- One row per venue source: vintage, rows read, accepted and quarantined, producer and licence.
SELECT
    t.source,
    t.vintage,
    t.rows_read,
    t.rows_accepted,
    t.rows_quarantined,
    s.producer,
    s.licence,
    s.origin_url
FROM source_stats AS t
LEFT JOIN sources AS s ON s.key = t.source
ORDER BY t.source
