-- Accepted source records per source and département (every vintage, for the evolution view).
SELECT record_id, source, source_vintage, departement
FROM venue_records
ORDER BY record_id
