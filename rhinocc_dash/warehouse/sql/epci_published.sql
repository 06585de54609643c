-- EPCI names and the values published for the whole EPCI (IFN 2023, Filosofi 2019).
SELECT
    siren AS code,
    nom,
    ifn2023_total, ifn2023_sans_thd, ifn2023_sans_4g, ifn2023_pauvrete, ifn2023_plus_65_ans,
    ifn2023_peu_diplomes,
    revenu_median,
    taux_pauvrete
FROM epci
ORDER BY siren
