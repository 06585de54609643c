-- Priority neighbourhoods (2015 generation) outlines.
SELECT code_qp, nom_qp, code_commune, departement, geometry FROM qpv ORDER BY code_qp
