-- What the build read from each venue file: rows, where they went, encoding and notes.
SELECT source, vintage, rows_in_file, rows_outside_region, rows_read, rows_accepted,
       rows_quarantined, encoding, notes
FROM source_stats
ORDER BY source
