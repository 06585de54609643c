-- Cells of the programme files that were rejected (text, negative, grouped digits…), with the reason.
SELECT * FROM programme_rejects ORDER BY source, source_row, champ
