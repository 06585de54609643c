-- EPCI with the départements of their Occitanie members.
SELECT siren, nom, departements FROM epci ORDER BY nom
