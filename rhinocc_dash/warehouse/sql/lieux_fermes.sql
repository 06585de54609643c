-- The lieux closed for good (an accepted « fermé définitivement » correction), newest first: they
-- left the counts at the build that applied the decision and stay listed here.
SELECT nom, commune, departement, ferme_le, request_id
FROM lieux_fermes
ORDER BY ferme_le DESC, nom
