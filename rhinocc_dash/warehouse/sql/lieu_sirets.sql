-- The SIRET of each lieu, taken from its records (the smallest when several differ).
SELECT lr.lieu_id, min(r.siret) AS siret
FROM lieu_records AS lr
JOIN venue_records AS r USING (record_id)
WHERE r.siret IS NOT NULL AND length(r.siret) = 14
GROUP BY lr.lieu_id
