-- Counts of the home page: lieux, source records of today's offer, current venue sources.
SELECT
    (SELECT count(*) FROM lieux) AS lieux,
    (SELECT count(*) FROM venue_records AS r JOIN sources AS s ON s.key = r.source
      WHERE s.current) AS records,
    (SELECT count(*) FROM sources WHERE kind = 'lieux' AND current) AS sources
