-- The 13 départements.
SELECT code, nom FROM departements ORDER BY code
