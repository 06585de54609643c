-- Candidate pairs per rule and outcome (merged, or refused and why).
SELECT rule, status, count(*) AS pairs FROM dedup_pairs GROUP BY rule, status ORDER BY rule, status
