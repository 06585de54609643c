-- Key figures of the home page.
SELECT
    (SELECT count(*) FROM lieux) AS lieux,
    (SELECT count(*) FROM venue_records) AS records,
    (SELECT count(*) FROM source_stats) AS sources,
    (SELECT count(*) FROM commune_access WHERE lieux_in_commune > 0) AS communes_with_lieu,
    (SELECT count(*) FROM communes) AS communes,
    (SELECT sum(population) FROM communes) AS population,
    (SELECT sum(c.population) FILTER (WHERE a.lieux_within_10km > 0) / sum(c.population)
       FROM communes AS c JOIN commune_access AS a USING (code_insee)) AS share_within_10km
