-- Labelled pairs the matcher decides otherwise, with both records' names.
SELECT d.same, d.category, d.note, d.key_a, a.nom AS nom_a, a.commune AS commune_a, d.key_b,
       b.nom AS nom_b, b.commune AS commune_b
FROM dedup_disagreements AS d
LEFT JOIN venue_records AS a ON a.source || ':' || a.source_id = d.key_a
LEFT JOIN venue_records AS b ON b.source || ':' || b.source_id = d.key_b
ORDER BY d.key_a, d.key_b
