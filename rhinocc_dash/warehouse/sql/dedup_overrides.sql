-- Coordinators' decisions known to this build, and whether both records were in it.
SELECT key_a, key_b, same, decided_by, decided_at, comment, applied
FROM dedup_overrides
ORDER BY decided_at DESC
