-- Lieux by number of source records merged into them.
SELECT n_records, count(*) AS lieux FROM lieux GROUP BY n_records ORDER BY n_records
