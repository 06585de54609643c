-- How records were merged into lieux: matched pairs per rule.
SELECT rule, count(*) AS pairs FROM dedup_pairs GROUP BY rule ORDER BY pairs DESC
