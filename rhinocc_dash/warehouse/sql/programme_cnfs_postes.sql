-- Conseiller numérique posts granted per host structure by the 2021 selection committees.
SELECT * FROM programme_cnfs_postes ORDER BY source_row
