-- Merged pairs with both records' source and name.
SELECT p.rule, a.source AS source_a, a.nom AS nom_a, a.commune AS commune_a, b.source AS source_b,
       b.nom AS nom_b, b.commune AS commune_b
FROM dedup_pairs AS p
JOIN venue_records AS a ON a.record_id = p.record_id_a
JOIN venue_records AS b ON b.record_id = p.record_id_b
ORDER BY p.rule, a.record_id, b.record_id
