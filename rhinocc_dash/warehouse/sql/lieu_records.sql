-- Source records behind one lieu.
SELECT
    r.record_id, r.source, r.source_vintage, r.source_row, r.nom, r.adresse, r.commune, r.date_maj,
    r.date_maj_precision, r.location_precision, r.horaires_original, r.flags
FROM lieu_records AS lr
JOIN venue_records AS r USING (record_id)
WHERE lr.lieu_id = ?
ORDER BY r.source, r.record_id
