-- Every accepted record with the fields the quality page measures.
SELECT record_id, source, source_vintage, source_row, nom, adresse, code_postal, commune, departement,
       location_precision, commune_method, horaires, date_maj, services, publics, telephone, courriel,
       site_web, flags
FROM venue_records
ORDER BY record_id
