-- Distance to the nearest lieu and lieux around each commune.
SELECT * FROM commune_access ORDER BY code_insee
