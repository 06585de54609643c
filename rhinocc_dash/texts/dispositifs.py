"""French texts of the page « Dispositifs nationaux » and of the reports' programme sections."""

from __future__ import annotations

from ..shared.config import REGION

PAGE_TITLE = "Dispositifs nationaux"
TITLE = f"Dispositifs nationaux {REGION.in_name}"
INTRO = (
    "Où en sont France Services, les Conseillers numériques, Aidants Connect et le Pass numérique, "
    "département par département, rapportés à la population et au besoin. Chaque chiffre porte son "
    "millésime : les chiffres Aidants Connect (mars 2021) et Conseiller numérique (postes accordés en 2021) "
    "sont anciens et ne se comparent pas directement aux listes France Services de 2022 et 2024."
)
VINTAGES_TITLE = "Millésimes des chiffres de cette page"
VINTAGE_PASS = (
    "Pass numérique : label APTIC des lieux des annuaires (voir la page Qualité des données)"
)
NEED_NOTE = (
    "Population : populations légales 2023 (Insee). « Personnes en illectronisme » : estimation modélisée "
    "(total régional réparti entre les communes, voir la page Analyse des écarts), un ordre de grandeur, "
    "pas une mesure."
)
DEPARTEMENT = "Département"
REGION_ROW = REGION.name

# France Services
FS_TITLE = "France Services"
FS_INTRO = (
    "Sites France Services de la liste ANCT du 01/08/2024, comparés à la liste du 01/12/2022, et distance "
    "des habitants au France Services le plus proche (tous sites de 2024, y compris antennes ; les bus et "
    "sites itinérants sont comptés à l'adresse de leur point d'attache). L'État s'est engagé à ce que chacun "
    "ait un France Services à moins de 30 minutes : la distance à vol d'oiseau en donne un ordre d'idée, "
    "pas le temps de trajet."
)
FS_METRIC = "Mesure France Services"
_BEYOND = "Part des habitants à plus de {km} km (vol d'oiseau)"
_PER_ILL = "{what} pour 10 000 personnes en illectronisme (estimation)"
FS_METRICS = {
    "part_au_dela_10km": (_BEYOND.format(km=10), "% des habitants", "share"),
    "part_au_dela_20km": (_BEYOND.format(km=20), "% des habitants", "share"),
    "sites_pour_10000": ("Sites France Services 2024 pour 10 000 habitants", "sites", "rate"),
    "sites_pour_10000_illectronisme": (_PER_ILL.format(what="Sites 2024"), "sites", "rate"),
    "evolution": ("Évolution du nombre de sites, 12/2022 → 08/2024", "sites", "count"),
}
FS_COLUMNS = {
    "code": "Code",
    "nom": DEPARTEMENT,
    "population": "Population 2023",
    "sites_2022": "Sites au 01/12/2022",
    "sites_2024": "Sites au 01/08/2024",
    "evolution": "Évolution",
    "sites_pour_10000": "Sites 2024 pour 10 000 hab.",
    "sites_pour_10000_illectronisme": "Sites 2024 pour 10 000 pers. en illectronisme (estim.)",
    "population_au_dela_10km": "Habitants à plus de 10 km d'un France Services (vol d'oiseau)",
    "part_au_dela_10km": "Part à plus de 10 km",
    "population_au_dela_20km": "Habitants à plus de 20 km d'un France Services (vol d'oiseau)",
    "part_au_dela_20km": "Part à plus de 20 km",
}
FS_KINDS = {
    "population": "int",
    "sites_pour_10000": "decimal2",
    "sites_pour_10000_illectronisme": "decimal2",
    "population_au_dela_10km": "int",
    "population_au_dela_20km": "int",
}
FS_METHOD = (
    "Distance à vol d'oiseau de chaque habitant (population de chaque commune répartie sur une grille "
    "dans la commune) au site France Services 2024 le plus proche, quel qu'il soit : les autres lieux "
    "d'inclusion numérique ne comptent pas ici."
)
FS_FARTHEST_TITLE = "Communes les plus éloignées d'un France Services"
FS_FARTHEST_COLUMNS = {
    "code_insee": "Code commune",
    "nom": "Commune",
    "departement": DEPARTEMENT,
    "population": "Population 2023",
    "distance_mediane_km": "Distance médiane au France Services le plus proche (km, vol d'oiseau)",
    "part_population_10km": "Part des habitants à moins de 10 km",
}
FS_MAP_TITLE = "Sites France Services 2024 sur l'indicateur de besoin"
FS_MAP_NEED = "Indicateur de besoin de la carte"
FS_MAP_SITES = "Site France Services (08/2024)"
FS_MAP_TABLE = "Voir la carte en tableau (sites France Services 2024)"
FS_SITES_COLUMNS = {
    "nom": "Site France Services",
    "departement": DEPARTEMENT,
    "itinerant": "Itinérant",
}

# Conseillers numériques
CNFS_TITLE = "Conseillers numériques France Services"
CNFS_SECTORS = {"postes_publics": "Structures publiques", "postes_prives": "Structures privées"}
CNFS_INTRO = (
    "Postes de Conseiller numérique accordés aux structures d'accueil par les comités de sélection de "
    "mars-avril 2021 (une ligne par structure dans le fichier régional), avec le type de structure, la zone de "
    "revitalisation rurale (ZRR), le quartier prioritaire (QPV) et l'investissement estimé de l'État ; à côté, "
    "les lieux d'activité des conseillers de décembre 2022. Les postes de 2021 ne disent pas combien de "
    "conseillers sont en poste aujourd'hui."
)
CNFS_COLUMNS = {
    "code": "Code",
    "nom": DEPARTEMENT,
    "structures": "Structures d'accueil (2021)",
    "postes": "Postes accordés (2021)",
    "postes_publics": "dont structures publiques",
    "postes_prives": "dont structures privées",
    "postes_zrr": "dont en ZRR",
    "postes_qpv": "dont en QPV",
    "investissement_eur": "Investissement estimé de l'État (€, 2021)",
    "postes_pour_10000": "Postes pour 10 000 hab.",
    "postes_pour_10000_illectronisme": "Postes pour 10 000 pers. en illectronisme (estim.)",
    "lieux_activite_2022": "Lieux d'activité (12/2022)",
    "valeurs_manquantes": "Valeurs rejetées (non comptées)",
}
CNFS_KINDS = {
    "investissement_eur": "int",
    "postes_pour_10000": "decimal2",
    "postes_pour_10000_illectronisme": "decimal2",
}
CNFS_CHART = "Postes de Conseiller numérique accordés en 2021, par type de structure"
CNFS_QPV_NOTE = (
    "QPV : le fichier n'écrit « oui » que pour les structures situées en quartier prioritaire ; les autres "
    "sont comptées hors QPV. Investissement : estimation de l'État inscrite dans le fichier, en euros."
)

# Aidants Connect
AC_TITLE = "Aidants Connect"
AC_INTRO = (
    "Structures habilitées à Aidants Connect au 15/03/2021, avec leurs compteurs à cette date : mandats "
    "créés, usagers accompagnés, agents formés. Ces chiffres ont plus de trois ans d'écart avec la liste "
    "France Services de 2024."
)
AC_COLUMNS = {
    "code": "Code",
    "nom": DEPARTEMENT,
    "structures": "Structures habilitées (03/2021)",
    "structures_sans_mandat": "dont sans aucun mandat",
    "mandats": "Mandats (03/2021)",
    "usagers": "Usagers accompagnés (03/2021)",
    "agents_formes": "Agents formés (03/2021)",
    "structures_pour_10000": "Structures pour 10 000 hab.",
    "mandats_pour_10000": "Mandats pour 10 000 hab.",
    "mandats_pour_10000_illectronisme": "Mandats pour 10 000 pers. en illectronisme (estim.)",
    "valeurs_manquantes": "Valeurs rejetées (non comptées)",
}
AC_KINDS = {
    "structures_pour_10000": "decimal2",
    "mandats_pour_10000": "decimal2",
    "mandats_pour_10000_illectronisme": "decimal1",
}
AC_METRIC = "Mesure Aidants Connect"
AC_METRICS = {
    "mandats": ("Mandats créés au 15/03/2021", "mandats", "count"),
    "mandats_pour_10000_illectronisme": (
        _PER_ILL.format(what="Mandats 03/2021"),
        "mandats",
        "rate",
    ),
    "structures": ("Structures habilitées au 15/03/2021", "structures", "count"),
    "agents_formes": ("Agents formés au 15/03/2021", "agents", "count"),
}
AC_INACTIVE_TITLE = "Structures habilitées sans aucun mandat (03/2021)"
AC_INACTIVE_NOTE = "{n} structures habilitées sur {total} n'avaient aucun mandat au 15/03/2021."
AC_INACTIVE_COLUMNS = {
    "nom": "Structure",
    "departement": DEPARTEMENT,
    "code_postal": "Code postal",
    "usagers": "Usagers accompagnés",
    "agents_formes": "Agents formés",
}
REJECTS_TITLE = "Valeurs rejetées dans les fichiers des dispositifs"
REJECTS_NONE = "Aucune valeur rejetée : tous les compteurs des deux fichiers sont valides."
REJECTS_NOTE = (
    "{n} valeurs n'ont pas pu être lues comme des nombres (texte, nombre négatif, chiffres groupés…) : "
    "elles ne sont pas comptées (ni comme zéro), et les totaux ci-dessus les excluent."
)
REJECTS_COLUMNS = {
    "source": "Fichier",
    "source_row": "Ligne",
    "identifiant": "Identifiant",
    "nom": "Structure",
    "champ": "Champ",
    "valeur": "Valeur lue",
    "raison": "Raison",
}
MISSING_FILE = "Fichier des dispositifs non lu ({name}) : {note}. Ses chiffres manquent."

# Pass numérique
PASS_TITLE = "Pass numérique (APTIC)"
PASS_INTRO = (
    "Lieux qui portent le label APTIC dans les annuaires (le Pass numérique y est accepté, d'après les "
    "sources). Les territoires où le Pass est distribué sont cités tels que la source les donne, sans les "
    "étendre à d'autres territoires."
)
PASS_TERRITORIES_TEXT = (
    "Territoires où le Pass numérique est distribué, d'après la source : {territories}. "
    "(Source : {source}.)"
)
PASS_NO_TERRITORIES = "Aucun territoire de distribution du Pass numérique dans les réglages."
PASS_COLUMNS = {"nom": "Lieu", "commune": "Commune", "departement": DEPARTEMENT}
PASS_COUNT = "{n} lieux portent le label APTIC."

# Regional context quoted from the hub (its figures are in the region's settings, `[programmes]`)
CONTEXT_TITLE = f"Contexte régional cité (formation {REGION.hub or REGION.name})"
CONTEXT_AC_LABEL = "Aidants formés à Aidants Connect"
CONTEXT_AC_DETAIL = "en {sessions} sessions, dans {deps} départements"
CONTEXT_CNFS_LABEL = "Conseillers numériques formés par {trainer}"
CONTEXT_CNFS_DETAIL = "dans {deps} départements"
CONTEXT_NOTE = (
    "Chiffres cités tels quels, sans répartition par territoire (aucun fichier de données ne les donne). "
    "Source : {source}."
)
NO_CONTEXT = "Pas de chiffres de contexte sur les dispositifs dans les réglages de la région."

# EPCI
EPCI_TITLE = "Par EPCI"
EPCI_CHOOSE = "Département dont afficher les EPCI"
EPCI_COLUMNS = {
    "code": "SIREN",
    "nom": "EPCI",
    "population": "Population 2023 (communes de la région)",
    "sites_france_services_2024": "Sites France Services (08/2024)",
    "postes_conseillers_2021": "Postes de Conseiller numérique (2021)",
    "structures_aidants_connect_2021": "Structures Aidants Connect (03/2021)",
    "mandats_aidants_connect_2021": "Mandats Aidants Connect (03/2021)",
}
EPCI_NOTE = (
    "Comptés sur les communes de la région de chaque EPCI ayant au moins une commune dans le département. "
    "Structures Aidants Connect : commune déduite de leur code postal (le fichier n'a ni commune ni "
    "coordonnées). Postes : structures dont la commune est connue."
)

# Deployment and need
COMPARE_TITLE = "Déploiement et besoin"
COMPARE_INTRO = (
    "Pour chaque dispositif, les départements classés par besoin, à côté de leur couverture par le "
    "dispositif. Attention : que la couverture suive ou non le besoin ne dit rien de l'efficacité du "
    "dispositif. Une corrélation n'est pas une évaluation : les choix d'implantation dépendent aussi des "
    "candidatures, des structures existantes, des distances et des moyens de chaque territoire."
)
COMPARE_NEED = "Indicateur de besoin"
_ILL_SHARE = ("% de la population, estimation modélisée", "share")
NEED_MEASURES = {
    "ifn2020_global": ("Indice de fragilité numérique 2020", "100 = moyenne nationale", "rate"),
    "taux_pauvrete": ("Taux de pauvreté 2019", "% de la population", "rate"),
    "part_illectronisme_estime": ("Part estimée de personnes en illectronisme", *_ILL_SHARE),
}
COMPARE_PROGRAMME = "Dispositif"
_PER_ILL_SHORT = "{what} pour 10 000 pers. en illectronisme"
COVERAGE_MEASURES = {
    "france_services": (
        "sites_pour_10000",
        ("France Services 2024 pour 10 000 hab.", "sites pour 10 000 hab.", "rate"),
    ),
    "cnfs": (
        "postes_pour_10000_illectronisme",
        (_PER_ILL_SHORT.format(what="Postes de Conseiller numérique 2021"), "postes", "rate"),
    ),
    "aidants_connect": (
        "mandats_pour_10000_illectronisme",
        (_PER_ILL_SHORT.format(what="Mandats Aidants Connect 03/2021"), "mandats", "rate"),
    ),
}
PROGRAMME_NAMES = {
    "france_services": "France Services (08/2024)",
    "cnfs": "Conseillers numériques (postes 2021)",
    "aidants_connect": "Aidants Connect (03/2021)",
}
COMPARE_COLUMNS = {
    "code": "Code",
    "nom": DEPARTEMENT,
    "rang_besoin": "Rang du besoin (1 = le plus élevé)",
    "rang_couverture": "Rang de la couverture (1 = la meilleure)",
}
COMPARE_CORRELATION = (
    "Corrélation des rangs (Spearman) entre besoin et couverture : {rho}, sur {n} départements. "
    "Proche de +1 : les départements au besoin le plus élevé sont aussi les mieux couverts ; proche de 0 : "
    "aucun lien visible ; proche de −1 : l'inverse. Ce n'est pas une évaluation du dispositif."
)

# Reports
REPORT_TITLE = "Dispositifs nationaux"
REPORT_INTRO = (
    "France Services (liste du 01/08/2024 et du 01/12/2022), Conseillers numériques (postes accordés en 2021), "
    "Aidants Connect (compteurs au 15/03/2021) : des millésimes différents, qui ne s'additionnent pas."
)
REPORT_FARTHEST = "Communes les plus éloignées d'un France Services"
REPORT_REGION_FS = "France Services par département (08/2024)"
REPORT_REGION_CNFS = "Conseillers numériques par département (postes 2021)"
REPORT_REGION_AC = "Aidants Connect par département (03/2021)"
