-- The stable key (« source:identifier ») of every accepted record.
SELECT source || ':' || source_id AS key FROM venue_records ORDER BY 1
