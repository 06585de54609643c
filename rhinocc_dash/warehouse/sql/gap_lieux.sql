-- Positions of the lieux, for distances with hypothetical lieux added.
SELECT lieu_id, code_insee, longitude, latitude FROM lieux ORDER BY lieu_id
