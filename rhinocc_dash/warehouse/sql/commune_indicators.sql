-- Need indicators per commune.
SELECT *
FROM commune_indicators
ORDER BY code_insee
