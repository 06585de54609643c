-- Poverty rate and median income of one territory row (département code, 76 or FR); Filosofi 2019.
SELECT taux_pauvrete, revenu_median
FROM departement_indicators
WHERE code = ?
