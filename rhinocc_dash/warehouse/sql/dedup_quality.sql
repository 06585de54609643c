-- Precision and recall of the build's matching on the hand-labelled pairs.
SELECT * FROM dedup_quality
