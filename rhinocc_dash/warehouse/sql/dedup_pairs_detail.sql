-- Candidate pairs with both records' source, name and commune, their outcome and distance.
SELECT p.rule, p.status, p.distance_m,
       a.source || ':' || a.source_id AS key_a, a.source AS source_a, a.nom AS nom_a,
       a.commune AS commune_a,
       b.source || ':' || b.source_id AS key_b, b.source AS source_b, b.nom AS nom_b,
       b.commune AS commune_b
FROM dedup_pairs AS p
JOIN venue_records AS a ON a.record_id = p.record_id_a
JOIN venue_records AS b ON b.record_id = p.record_id_b
ORDER BY p.status DESC, p.rule, a.record_id, b.record_id
