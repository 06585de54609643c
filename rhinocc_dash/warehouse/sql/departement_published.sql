-- Département names and the Filosofi 2019 values published for them.
SELECT d.code, d.nom, i.revenu_median, i.taux_pauvrete
FROM departements AS d
JOIN departement_indicators AS i USING (code)
ORDER BY d.code
