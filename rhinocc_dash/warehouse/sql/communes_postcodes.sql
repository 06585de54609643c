-- Postcodes of each commune (Etalab, COG 2026).
SELECT code_insee, codes_postaux FROM communes ORDER BY code_insee
