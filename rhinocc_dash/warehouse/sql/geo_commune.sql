-- Display geometry of communes.
SELECT code_insee AS code, nom, geometry FROM communes ORDER BY code_insee
