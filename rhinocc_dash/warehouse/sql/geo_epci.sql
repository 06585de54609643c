-- Display geometry of EPCI (Occitanie part).
SELECT siren AS code, nom, geometry FROM epci ORDER BY siren
