"""Page « Qualité »: completeness, freshness, duplicates, catalogue."""

from __future__ import annotations

QUALITY_TITLE = "Qualité des données"
QUALITY_INTRO = (
    "Ce que valent les sources, champ par champ : complétude, fraîcheur, doublons rapprochés, lignes mises de "
    "côté, localisation. De quoi faire une liste de lieux à mettre à jour."
)
QUALITY_TABS = (
    "Complétude",
    "Fraîcheur",
    "Doublons",
    "Lignes mises de côté",
    "Localisation",
    "Catalogue",
    "À mettre à jour",
)
QUALITY_COMPLETENESS_NOTE = (
    "Part des fiches acceptées dont le champ est renseigné (et lisible pour les horaires)."
)
QUALITY_FRESHNESS_NOTE = "Dates de mise à jour des fiches, comptées depuis le {today}."
QUALITY_DEDUP_NOTE = (
    "Paires de fiches candidates, par règle et par issue. Règles, de la plus forte à la plus faible : même "
    "identifiant national, même adresse (numéro et voie, abréviations officielles FANTOIR et NF Z10-011), moins "
    "de 150 m et noms proches, France Services officielle et fiche qui se déclare France Services à moins de "
    "150 m, même SIRET dans la même commune, même voie sans numéro et noms proches, fiche localisée à la commune "
    "au nom quasi identique. Le nom de la commune est ignoré dans la comparaison des noms. Une fusion est "
    "refusée si elle réunit deux sites distincts de la liste officielle France Services, si elle réunit des "
    "points situés à plus de {spread} m (sauf même adresse, le géocodage de l'une étant faux), ou si un "
    "coordinateur l'a refusée."
)
DEDUP_RULES = {
    "identifiant": "même identifiant",
    "adresse": "même adresse",
    "proximite_nom": "moins de 150 m, nom proche",
    "proximite_label": "France Services officielle et fiche qui s'en déclare, moins de 150 m",
    "siret": "même SIRET",
    "voie_nom": "même voie sans numéro, nom proche",
    "commune_nom": "même commune, nom quasi identique",
    "coordinateur": "décision d'un coordinateur",
}
DEDUP_STATUS = {
    "fusion": "fusionnées",
    "refusee_distance": "refusée : points trop éloignés",
    "refusee_liste_officielle": "refusée : deux sites de la liste officielle",
    "refusee_coordinateur": "refusée par un coordinateur",
}
DEDUP_COLUMNS = {
    "rule": "Règle",
    "status": "Issue",
    "pairs": "Paires",
    "distance_m": "Distance (m)",
    "key_a": "Fiche A",
    "source_a": "Source A",
    "nom_a": "Nom A",
    "commune_a": "Commune A",
    "key_b": "Fiche B",
    "source_b": "Source B",
    "nom_b": "Nom B",
    "commune_b": "Commune B",
    "same": "Décision",
    "category": "Catégorie de tirage",
    "note": "Pourquoi",
    "decided_by": "Par",
    "decided_at": "Le (UTC)",
    "comment": "Commentaire",
    "applied": "Appliquée dans l'entrepôt affiché",
    "lieu_id": "Lieu",
    "nom": "Nom",
    "commune": "Commune",
    "departement": "Dép.",
    "etendue_m": "Écart entre points (m)",
    "n_records": "Fiches",
}
SAME_WORDS = {True: "même lieu", False: "pas le même lieu"}
DEDUP_PRECISION = "Précision du rapprochement"
DEDUP_PRECISION_HELP = (
    "Parmi les paires étiquetées que le rapprochement met dans un même lieu, la part qui sont vraiment le même "
    "lieu (une précision basse fusionne à tort des lieux distincts)."
)
DEDUP_RECALL = "Rappel du rapprochement"
DEDUP_RECALL_HELP = (
    "Parmi les paires étiquetées « même lieu », la part que le rapprochement réunit (un rappel bas laisse des "
    "doublons sur la carte)."
)
DEDUP_LABELLED = "Paires étiquetées à la main"
DEDUP_MEASURE_NOTE = (
    "Mesuré à chaque construction sur un jeu de paires jugées à la main (tests/data/dedup_labels.csv) : "
    "{fp} fusion(s) à tort, {fn} doublon(s) non réunis."
)
DEDUP_NOT_MEASURED = (
    "Le jeu de paires étiquetées n'était pas disponible lors de la construction : pas de mesure."
)
DEDUP_DISAGREEMENTS = (
    "Voir les {n} paires étiquetées où le rapprochement diffère du jugement humain"
)
DEDUP_SPREAD_NOTE = (
    "{n} lieux réunissent des fiches situées à plus de {spread} m les unes des autres : toutes donnent la même "
    "adresse, l'un des géocodages est donc faux (le lieu est placé au point de sa fiche la plus officielle)."
)
DEDUP_DECISIONS_TITLE = "Décisions des coordinateurs"
DEDUP_DECISIONS_HELP = (
    "Deux fiches rapprochées à tort, ou un doublon oublié : indiquez les deux fiches (colonnes « Fiche A » et "
    "« Fiche B » ci-dessus, ou « source:identifiant ») et votre décision. Elle est gardée hors de l'entrepôt et "
    "appliquée à chaque construction suivante."
)
DEDUP_KEY_A = "Fiche A (source:identifiant)"
DEDUP_KEY_B = "Fiche B (source:identifiant)"
DEDUP_DECISION = "Décision"
DEDUP_COMMENT = "Commentaire (facultatif)"
DEDUP_RECORD = "Enregistrer la décision"
DEDUP_RECORDED = (
    "Décision enregistrée : elle sera appliquée à la prochaine construction de l'entrepôt."
)
DEDUP_UNKNOWN_KEY = (
    "Fiche inconnue dans cet entrepôt : {keys}. Copiez l'identifiant depuis le tableau des paires."
)
DEDUP_SAME_KEY = "Choisissez deux fiches différentes."
QUALITY_QUARANTINE_NOTE = "Lignes lues = acceptées + mises de côté, pour chaque source."
QUALITY_LOCATION_NOTE = (
    "Fiches localisées à l'adresse, à la commune ou au code postal seulement, et alertes de localisation "
    "(point hors de la commune ou du département déclaré, point hors de la région…)."
)
QUALITY_TO_CHECK_NOTE = (
    "Lieux dont l'information a plus de {years} ans (au {today}), n'est pas datée, ou manque d'horaires, de "
    "contact ou d'adresse. Les seuils proposés sont ceux qui départagent les lieux : toutes les sources "
    "actuelles datent de 2021 à 2024."
)
QUALITY_TO_CHECK_YEARS = "Information plus ancienne que (années)"
QUALITY_SECTION = "Rubrique"
READABLE_COLUMNS = {
    "source": "Source",
    "source_row": "Ligne",
    "nom": "Nom",
    "commune": "Commune",
    "departement": "Dép.",
    "location_precision": "Localisation",
    "flags": "Alertes",
}
QUALITY_COLUMNS = {
    "source": "Source",
    "fiches": "Fiches",
    "plus_ancienne": "Plus ancienne",
    "plus_recente": "Plus récente",
    "part_sans_date": "Sans date",
    "part_plus_de_1_ans": "Plus d'1 an",
    "part_plus_de_2_ans": "Plus de 2 ans",
    "part_plus_de_3_ans": "Plus de 3 ans",
    "precision_adresse": "Localisées à l'adresse",
    "precision_rue": "À la rue seulement",
    "precision_commune": "Au centre de la commune",
    "precision_code_postal": "Au code postal",
    "commune": "Commune",
    "rule": "Règle",
    "pairs": "Paires",
    "n_records": "Fiches par lieu",
    "lieux": "Lieux",
    "source_row": "Ligne",
    "reason_code": "Code",
    "reason": "Raison",
    "raw": "Ligne d'origine",
    "a_verifier": "À vérifier",
    "nom": "Nom",
    "departement": "Dép.",
    "date_maj": "Mise à jour",
    "lieu_id": "Identifiant",
}
CATALOGUE_COLUMNS = {
    "name": "Nom",
    "title": "Données",
    "producer": "Producteur",
    "vintage": "Millésime",
    "licence": "Licence",
    "path": "Fichier",
    "rows": "Lignes du fichier",
    "rows_read": "Lignes lues",
    "rows_accepted": "Acceptées",
    "rows_quarantined": "Mises de côté",
    "sha256": "Empreinte SHA-256",
    "origin_url": "Origine",
}
