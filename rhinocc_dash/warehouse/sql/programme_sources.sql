-- Metadata of the programme files (same columns as the source catalogue, plus what was read).
SELECT * FROM programme_sources ORDER BY key
