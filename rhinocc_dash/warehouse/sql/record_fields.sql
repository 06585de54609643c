-- Accepted records with their stable key and the fields a maintainer compares between two versions.
SELECT source || ':' || source_id AS key, source, source_id, nom, adresse, commune, departement,
       latitude, longitude, horaires, telephone, courriel, site_web, services, publics, labels
FROM venue_records
WHERE coalesce(source_id, '') <> ''
ORDER BY key
