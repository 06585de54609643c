-- Aidants Connect habilitated structures (2021) with their counts, and the commune and EPCI where the
-- venue pipeline located their address (none for a structure set aside there).
SELECT
    a.*,
    r.code_insee,
    c.epci_siren
FROM programme_aidants_connect AS a
LEFT JOIN venue_records AS r
    ON r.source = 'aidants_connect' AND r.source_id = a.data_pass_id
LEFT JOIN communes AS c ON c.code_insee = r.code_insee
ORDER BY a.source_row
