-- Each lieu's source records by their stable key (« source:identifier »), to match lieux across versions.
SELECT lr.lieu_id, vr.source || ':' || vr.source_id AS key
FROM lieu_records AS lr
JOIN venue_records AS vr USING (record_id)
WHERE coalesce(vr.source_id, '') <> ''
ORDER BY 1, 2
