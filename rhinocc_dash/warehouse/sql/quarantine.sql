-- Rows not accepted, with their reason.
SELECT source, source_row, reason_code, reason, raw FROM quarantine ORDER BY source, source_row
