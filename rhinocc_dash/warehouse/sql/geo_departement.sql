-- Display geometry of départements.
SELECT code, nom, geometry FROM departements ORDER BY code
