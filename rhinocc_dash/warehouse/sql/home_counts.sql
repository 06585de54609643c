-- Counts of the home page: lieux, accepted source records, venue sources.
SELECT
    (SELECT count(*) FROM lieux) AS lieux,
    (SELECT count(*) FROM venue_records) AS records,
    (SELECT count(*) FROM source_stats) AS sources
