-- France Services sites (both editions) and Conseiller numérique lieux d'activité, as accepted records.
SELECT record_id, source, source_vintage, nom, code_insee, departement, latitude, longitude, itinerant
FROM venue_records
WHERE source IN ('france_services_2024', 'france_services_2022', 'cnfs')
ORDER BY record_id
