"""Every text a user reads, in French, in one place (tests assert against the same constants)."""

from __future__ import annotations

from pathlib import Path

APP_TITLE = "RhinOcc · tableau de bord de l'inclusion numérique"
HOME_TITLE = "Lieux d'inclusion numérique en Occitanie"
HOME_INTRO = (
    "Où trouver de l'aide au numérique en Occitanie, et où elle manque : les lieux de médiation numérique de "
    "six sources ouvertes, dédoublonnés, rapprochés des indicateurs de besoin (fragilité numérique, pauvreté, "
    "population)."
)
PAGE_HOME = "Accueil"

FLAG_LABELS = {
    "html_dans_le_texte": "Balises HTML dans le texte",
    "coordonnees_non_numeriques": "Coordonnées non numériques (ignorées)",
    "coordonnees_inversees": "Latitude et longitude inversées (corrigées)",
    "point_hors_region": "Point géocodé hors de la région (replacé sur sa commune)",
    "code_insee_complete": "Code commune sans son zéro initial (complété)",
    "code_insee_invalide": "Code commune inconnu de la liste 2026",
    "code_insee_ancien": "Ancien code commune (converti au COG 2026)",
    "code_postal_complete": "Code postal sans son zéro initial (complété)",
    "point_hors_commune_declaree": "Point hors de la commune déclarée",
    "point_hors_departement_declare": "Point hors du département déclaré",
    "commune_par_defaut": "Code postal partagé par plusieurs communes, aucune nommée : la plus peuplée, par défaut",
    "commune_deduite_du_nom": "Commune lue dans le nom ou l'adresse",
    "code_postal_incoherent": "Code postal qui ne dessert pas la commune du lieu",
    "point_hors_code_postal": "Point hors des communes de son code postal",
    "departement_declare_different": "Département déclaré différent de celui de la commune",
    "date_illisible": "Date de mise à jour illisible",
    "date_maj_manquante": "Date de mise à jour absente",
    "date_edition_liste": "Date de mise à jour = date d'édition de la liste",
    "horaires_non_reconnus": "Horaires non reconnus (texte d'origine conservé)",
    "horaires_partiels": "Horaires lus en partie (commentaires ignorés)",
    "vocabulaire_non_reconnu": "Codes de service ou de label non reconnus",
}

LOCATION_PRECISION = {
    "address": "adresse",
    "street": "rue",
    "commune": "commune",
    "postcode": "code postal",
    "none": "aucune",
}
# How a lieu's point was obtained, in the card.
LOCATION_WORDS = {
    "address": "localisé à l'adresse",
    "street": "localisé à la rue seulement (position approchée)",
    "commune": "position approximative : placé au centre de sa commune",
    "postcode": "position approximative : placé au centre de la commune de son code postal",
}
APPROXIMATE_PRECISIONS = ("commune", "postcode")

# The regional illectronism totals come from a presentation, not from a data file of the warehouse.
SOURCE_ILLECTRONISME = "RhinOcc, présentation 2023, d'après Insee 2019 (totaux régionaux)"
LIEUX_METHOD = "Lieux dédoublonnés par rhinocc-dash."

# Regional context quoted from the hub's 2023 presentation (see the sources folder's README).
ILLECTRONISME_PERSONNES = 1_160_000
USAGE_FAIBLE_PERSONNES = 1_660_000
A_ACCOMPAGNER_PERSONNES = 2_820_000
A_ACCOMPAGNER_PART = 47.5

BUILDING = "Construction de l'entrepôt de données…"
BUILD_DONE = "Entrepôt de données prêt."
BUILD_FAILED = "La construction de l'entrepôt a échoué."
NO_SOURCES_TITLE = "Données sources introuvables"


def missing_sources_message(sources: Path, missing) -> str:
    """Explain which source files are missing, where they are expected and where they come from."""
    lines = [
        f"Dossier des sources : {sources}",
        "Fichiers attendus et introuvables :",
    ]
    for entry in missing:
        origin = entry.origin.url() if entry.origin else "fichier dérivé"
        lines.append(
            f"  - {entry.path} — {entry.title}, {entry.producer} ({entry.vintage}) ; origine : {origin}"
        )
    lines += [
        "Indiquez le dossier avec --sources ou la variable RHINOCC_SOURCES,",
        "ou téléchargez les fichiers depuis leur origine publique : rhinocc-dash fetch --dest DOSSIER",
    ]
    return "\n".join(lines)


SIDEBAR_NOTE = (
    "Données ouvertes : RhinOcc, ANCT (France Services, Conseillers numériques, Aidants Connect), data·inclusion, "
    "La MedNum (indice de fragilité numérique), Insee (Filosofi 2019, populations légales 2023), IGN."
)
METRIC_LIEUX = "Lieux d'inclusion numérique"
METRIC_LIEUX_HELP = (
    "Lieux distincts après rapprochement des fiches décrivant le même lieu dans plusieurs sources."
)
METRIC_RECORDS = "Fiches des sources actuelles"
METRIC_RECORDS_HELP = (
    "Fiches acceptées des sources qui décrivent l'offre d'aujourd'hui ; l'édition antérieure de la liste "
    "France Services, gardée pour l'évolution, n'y est pas comptée."
)
METRIC_SOURCES = "Sources de lieux actuelles"
METRIC_COMMUNES = "Communes avec au moins un lieu"
METRIC_POPULATION = "Habitants"
METRIC_WITHIN_10KM = "Population à moins de 10 km d'un lieu"
METRIC_WITHIN_10KM_HELP = (
    "Part des habitants à 10 km ou moins, à vol d'oiseau, d'un lieu : la population de chaque commune est "
    "répartie sur une grille de points à l'intérieur de la commune (voir « Couverture »)."
)
CONTEXT_TITLE = "Contexte régional"
CONTEXT_ILLECTRONISME = "Personnes en situation d'illectronisme"
CONTEXT_USAGE_FAIBLE = "Personnes aux usages numériques faibles"
CONTEXT_A_ACCOMPAGNER = "Personnes à accompagner"
CONTEXT_PAUVRETE = "Taux de pauvreté (seuil à 60 %)"
CONTEXT_A_ACCOMPAGNER_HELP = (
    "Personnes en situation d'illectronisme et personnes aux usages numériques faibles."
)
CONTEXT_A_ACCOMPAGNER_SHARE = "soit {share} de la population de la région"
SOURCES_TITLE = "Sources des lieux"
SOURCES_COLUMNS = {
    "source": "Source",
    "vintage": "Millésime",
    "rows_read": "Lignes lues",
    "rows_accepted": "Acceptées",
    "rows_quarantined": "Mises de côté",
    "producer": "Producteur",
    "licence": "Licence",
}
LIEUX_BY_DEP_TITLE = "Lieux par département"

PAGE_MAP = "Carte"
MAP_TITLE = "Carte des lieux et des besoins"
MAP_INTRO = (
    "Les lieux d'inclusion numérique sur un fond d'indicateur de besoin. Filtrez dans le panneau de gauche, "
    "cliquez un lieu pour sa fiche ; l'adresse de la page garde la vue pour la partager."
)
FILTERS_TITLE = "Filtres"
FILTER_SEARCH = "Rechercher un lieu ou une commune"
FILTER_SEARCH_PLACEHOLDER = "ex. médiathèque, Figeac"
FILTER_DEPARTEMENTS = "Départements"
FILTER_EPCI = "EPCI"
FILTER_SOURCES = "Sources"
FILTER_LABELS = "Labels"
FILTER_SERVICES = "Services"
FILTER_PUBLICS = "Publics"
FILTER_SATURDAY = "Ouvert le samedi"
FILTER_EVENING = "Ouvert après 18 h"
FILTER_HOURS_HELP = "Seulement les lieux dont les horaires sont connus et lisibles."
FILTER_UPDATED = "Informations mises à jour"
FILTER_UPDATED_HELP = (
    "Selon la date de mise à jour la plus récente des fiches du lieu, comptée depuis le {today}."
)
MAP_OPTIONS = "Carte"
MAP_BASEMAP = "Fond de carte (Carto, nécessite Internet)"
MAP_BASEMAP_HELP = (
    "Sans connexion, désactivez-le : les contours des territoires suffisent à se repérer."
)
ALL_PLACEHOLDER = "Tous"
NONE_PLACEHOLDER = "Aucune"
MAP_LEVEL = "Échelle de l'indicateur"
MAP_INDICATOR = "Indicateur"
MAP_COLOUR_BY = "Couleur des lieux"
MAP_LAYERS = "Couches affichées"
MAP_COUNT = "Lieux affichés"
MAP_EMPTY = "Aucun lieu ne correspond à ces filtres. Élargissez la recherche ou retirez un filtre."
MAP_URL_NOTICE = "Certains paramètres de l'adresse n'étaient pas valides et ont été ignorés :"
MAP_TABLE = "Voir en tableau"
MAP_LEGEND_POINTS = "Lieux"
MAP_LEGEND_APPROXIMATE = (
    "Point pâle cerclé de gris : position approximative, au centre de la commune ({n} lieux sans "
    "adresse géolocalisée)."
)
MAP_LEGEND_QPV = (
    "Contour rouge : quartier prioritaire de la politique de la ville (génération 2015)"
)
MAP_LEGEND_DENSITY = (
    "Hexagones : nombre de lieux dans un rayon de 6 km (plus foncé = plus de lieux)"
)
MAP_QUANTILES = "Classes par quantiles."
MAP_INDICATOR_FOLLOWS_FILTERS = "Calculé sur les lieux affichés (les filtres s'appliquent)."
MAP_CARD_TITLE = "Fiche du lieu"
MAP_CARD_CLOSE = "Fermer la fiche"
MAP_TABLE_COLUMNS = {
    "nom": "Nom",
    "commune": "Commune",
    "departement": "Dép.",
    "categorie": "Label principal",
    "type": "Type",
    "services": "Services",
    "date_maj": "Mise à jour",
}


def updated_label(years) -> str:
    return (
        "toutes dates" if not years else f"depuis moins de {years} an" + ("s" if years > 1 else "")
    )


PAGE_COVERAGE = "Couverture"
COVERAGE_TITLE = "Couverture par département et par EPCI"
COVERAGE_INTRO = (
    "Quels territoires sont bien desservis, et à quelle distance d'un lieu vivent les habitants ? "
    "Cliquez une barre ou choisissez un département pour descendre au niveau des EPCI."
)
DISTANCE_MODEL_TITLE = "Comment les distances sont calculées"
DISTANCE_MODEL = (
    "Les sources ne disent pas où vivent les habitants à l'intérieur d'une commune : le modèle répartit la "
    "population municipale de chaque commune (Insee) sur une grille régulière de points à l'intérieur de son "
    "contour (un point tous les kilomètres au plus, une quinzaine au moins pour les petites communes), à parts "
    "égales. Pour chaque point, la distance au lieu le plus proche est mesurée à vol d'oiseau, en projection "
    "Lambert-93. Les chiffres sont ensuite pondérés par les habitants : « distance médiane » = la moitié des "
    "habitants vit plus près d'un lieu, l'autre moitié plus loin ; « à moins de 10 km » = la part des habitants "
    "dont le point est à 10 km ou moins.\n\n"
    "Ce modèle **sous-estime** les trajets réels (routes, relief : en montagne, 10 km à vol d'oiseau peuvent "
    "faire 30 minutes de route) et ignore les transports en commun ; il suppose une population uniforme dans "
    "la commune, alors qu'elle se concentre souvent au bourg (les distances des grandes communes rurales sont "
    "donc plutôt surestimées). Les lieux connus seulement par leur commune (sans adresse géolocalisée) sont "
    "placés au centre de la commune et marqués « position approximative ». Les lieux itinérants (bus France "
    "Services) comptent à leur adresse de rattachement."
)
COVERAGE_METRIC = "Indicateur du graphique"
COVERAGE_METRICS = {
    "lieux": ("Nombre de lieux", "lieux", False),
    "lieux_pour_10000": ("Lieux pour 10 000 habitants", "lieux / 10 000 hab.", False),
    "part_communes_avec_lieu": ("Part des communes ayant au moins un lieu", "%", True),
    "part_population_5km": ("Population à moins de 5 km d'un lieu", "%", True),
    "part_population_10km": ("Population à moins de 10 km d'un lieu", "%", True),
    "part_population_20km": ("Population à moins de 20 km d'un lieu", "%", True),
    "distance_mediane_km": (
        "Distance médiane des habitants au lieu le plus proche",
        "km",
        False,
    ),
}
COVERAGE_COLUMNS = {
    "code": "Code",
    "nom": "Nom",
    "lieux": "Lieux",
    "population": "Population 2023",
    "lieux_pour_10000": "Lieux / 10 000 hab.",
    "communes": "Communes",
    "communes_avec_lieu": "Communes avec lieu",
    "part_communes_avec_lieu": "% communes avec lieu",
    "part_population_5km": "% pop. < 5 km",
    "part_population_10km": "% pop. < 10 km",
    "part_population_20km": "% pop. < 20 km",
    "distance_mediane_km": "Distance médiane au lieu le plus proche (km)",
}
COVERAGE_METHOD = "Lieux dédoublonnés par rhinocc-dash ; distances à vol d'oiseau."
COVERAGE_EVOLUTION_METHOD = (
    "Sites France Services acceptés par rhinocc-dash, par édition de la liste."
)
COVERAGE_TABLE_TITLE = "Tableau par département (cliquez un en-tête pour trier)"
COVERAGE_LABELS_TITLE = "Lieux par label principal"
COVERAGE_FAMILIES_TITLE = "Part des lieux proposant chaque famille de services"
COVERAGE_DRILL = "Département à détailler"
COVERAGE_EPCI_TITLE = "EPCI du département"
COVERAGE_EPCI_NOTE = "Chiffres calculés sur les communes d'Occitanie de chaque EPCI."
COVERAGE_FARTHEST_TITLE = "Communes les plus éloignées d'un lieu"
COVERAGE_FARTHEST_COLUMNS = {
    "code_insee": "Code commune",
    "nom": "Commune",
    "departement": "Dép.",
    "population": "Population 2023",
    "distance_mediane_km": "Distance médiane des habitants au lieu le plus proche (km)",
    "part_population_10km": "Part des habitants à moins de 10 km",
}
COVERAGE_EVOLUTION_TITLE = (
    "Évolution : sites France Services, liste ANCT du 01/12/2022 au 01/08/2024"
)
COVERAGE_EVOLUTION_NOTE = (
    "Seules les deux éditions de la même liste ANCT sont comparées. Les autres sources ne mesurent pas la même "
    "chose : elles sont données ci-dessous chacune à son millésime, sans tendance."
)
COVERAGE_SOURCES_TITLE = "Fiches par source, chacune à son millésime"
DOWNLOAD_CSV = "Télécharger le tableau (CSV)"
REGION_NAME = "Occitanie"

PAGE_GAP = "Analyse des écarts"
GAP_TITLE = "Où le besoin est élevé et l'offre faible"
GAP_INTRO = (
    "Classement des territoires par écart entre le besoin (fragilité numérique, pauvreté, revenus) et l'offre "
    "de lieux d'inclusion numérique. Réglez le poids de chaque composante du besoin dans le panneau de gauche ; "
    "testez l'effet de lieux hypothétiques."
)
GAP_METHOD_TITLE = "Méthode : estimation de l'illectronisme et score d'écart"
GAP_METHOD = (
    "**Personnes en illectronisme (estimation modélisée).** Aucune source ne publie l'illectronisme par "
    "territoire. Le total régional de 1 160 000 personnes (présentation RhinOcc 2023, d'après Insee 2019) est "
    "réparti entre les communes au prorata de la population 2023 × le score IFN 2020 « compétences numériques "
    "et scolaires » (100 = moyenne régionale) ; une commune sans ce score reçoit la valeur de référence 100. "
    "Les arrondis sont répartis par la méthode des plus forts restes, de sorte que la somme régionale vaut "
    "exactement 1 160 000. C'est un ordre de grandeur, pas une mesure.\n\n"
    "**Score d'écart.** Pour chaque composante, chaque territoire reçoit son rang centile (0 à 100) parmi les "
    "territoires de la même échelle. Le besoin est la moyenne pondérée des centiles des composantes choisies "
    "(revenu médian inversé : plus bas = plus de besoin) ; l'offre est la moyenne, à poids égaux, des centiles "
    "de trois mesures : lieux pour 10 000 personnes en illectronisme estimées, accès à un lieu à moins de 10 km "
    "(nombre de lieux pour une commune, part de la population au-dessus), distance au lieu le plus proche "
    "(inversée). Écart = besoin − offre, de −100 à +100. Une composante manquante (taux de pauvreté couvert par "
    "le secret statistique, par exemple) est laissée de côté et les poids des autres sont rééchelonnés. "
    "Poids par défaut : IFN 2020 global, IFN 2020 compétences numériques, IFN 2023 et taux de pauvreté à 1, "
    "revenu médian et autres axes à 0."
)
GAP_LEVEL = "Échelle"
GAP_WEIGHTS = "Poids des composantes du besoin"
GAP_MIN_POPULATION = "Population minimale des territoires classés"
GAP_TOP = "Territoires affichés dans le classement"
GAP_WHATIF_TITLE = "Et si… on ouvrait un lieu ?"
GAP_WHATIF_HELP = (
    "Ajoutez des lieux hypothétiques (au point représentatif d'une commune, ou en cliquant une commune sur la "
    "carte des écarts à l'échelle communale). Ils ne vivent que dans cette session, jamais dans l'entrepôt."
)
GAP_WHATIF_COMMUNE = "Commune du lieu hypothétique"
GAP_WHATIF_ADD = "Ajouter un lieu hypothétique"
GAP_WHATIF_ADD_CLICKED = "Ajouter un lieu hypothétique à {nom}"
GAP_WHATIF_CLEAR = "Retirer les lieux hypothétiques"
GAP_WHATIF_LIST = "Lieux hypothétiques : {names}"
GAP_METRIC_SCORED = "Territoires classés"
GAP_METRIC_HYPOTHESES = "Lieux hypothétiques"
GAP_METRIC_NEWLY = "Habitants nouvellement à moins de 10 km"
GAP_SCATTER_TITLE = "Besoin et offre (rangs centiles)"
GAP_QUADRANT = "Besoin élevé, offre faible"
GAP_TABLE_TITLE = "Classement des écarts"
GAP_MAP_TITLE = "Carte du score d'écart"
GAP_SELECTED = "Territoire sélectionné"
GAP_METHOD_NOTE = (
    "Lieux dédoublonnés par rhinocc-dash. Illectronisme : estimation modélisée à partir du total régional "
    "RhinOcc 2023 (Insee 2019)."
)
GAP_HYPOTHETICAL = "Lieu hypothétique"
GAP_DOWNLOAD_GEOJSON = "Télécharger le classement (GeoJSON)"
GAP_COLUMNS = {
    "rang": "Rang",
    "evolution_rang": "Évolution du rang (+ monte, − descend)",
    "code": "Code",
    "nom": "Territoire",
    "departement": "Dép.",
    "population": "Population 2023",
    "illectronisme_estime": "Illectronisme (estimation modélisée)",
    "distance_lieu_km": "Distance médiane au lieu le plus proche (km)",
    "lieux": "Lieux",
    "score_besoin": "Besoin (centile)",
    "score_offre": "Offre (centile)",
    "ecart": "Écart",
    "pourquoi": "Pourquoi",
}

PAGE_DIRECTORY = "Annuaire"
DIRECTORY_TITLE = "Annuaire des lieux"
DIRECTORY_INTRO = (
    "Tous les lieux, filtrables comme sur la carte. Sélectionnez une ligne pour voir les fiches sources qui la "
    "composent ; exportez la sélection, y compris au standard national « lieux de médiation numérique »."
)
DIRECTORY_COUNT = "Lieux sélectionnés"
DIRECTORY_RECORDS = "Fiches sources de ce lieu"
DIRECTORY_SELECT = "Ou choisissez un lieu dans la liste"
DIRECTORY_PICK = "Sélectionnez une ligne du tableau pour afficher le détail du lieu."
DIRECTORY_EXPORT_STANDARD_CSV = "Standard national v1.0.2 (CSV)"
DIRECTORY_EXPORT_STANDARD_GEOJSON = "Standard national v1.0.2 (GeoJSON)"
DIRECTORY_LEFT_OUT = "{n} lieu(x) de la sélection ne peuvent pas être exportés au standard (champ obligatoire manquant)"
DIRECTORY_STANDARD_NOTE = (
    "Export au standard « lieux de médiation numérique » v1.0.2 (La MedNum, ANCT). Les champs obligatoires "
    "manquants ne sont jamais inventés : les lieux concernés sont listés ci-dessous. SIRET inconnu : "
    "« 00000000000000 », la valeur d'attente du standard. Code postal absent des fiches : celui de la commune."
)
RECORD_COLUMNS = {
    "source": "Source",
    "source_vintage": "Millésime",
    "source_row": "Ligne du fichier",
    "nom": "Nom",
    "adresse": "Adresse",
    "commune": "Commune",
    "date_maj": "Mise à jour",
    "date_maj_precision": "Précision",
    "location_precision": "Localisation",
    "horaires_original": "Horaires (texte d'origine)",
    "flags": "Alertes",
}

PAGE_QUALITY = "Qualité des données"
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
SIGN_IN = "Se connecter"
SIGN_IN_OIDC = "Se connecter (compte de l'organisation)"
SIGN_OUT = "Se déconnecter"
SIGNED_IN = "Connecté : {name}"
SIGN_IN_NAME = "Identifiant de mainteneur"
SIGN_IN_PASSWORD = "Mot de passe"
SIGN_IN_FAILED = "Identifiant ou mot de passe incorrect."
SIGN_IN_LOCKED = "Trop d'essais infructueux : réessayez dans {minutes} min."
NO_MAINTAINERS = (
    "Aucun compte de mainteneur n'est configuré. Créez-en un avec « rhinocc-dash maintainer add NOM » "
    "(le mot de passe est gardé haché dans .streamlit/secrets.toml)."
)
QUALITY_QUARANTINE_NOTE = "Lignes lues = acceptées + mises de côté, pour chaque source."
QUALITY_LOCATION_NOTE = (
    "Fiches localisées à l'adresse, à la commune ou au code postal seulement, et alertes de localisation "
    "(point hors de la commune ou du département déclaré, point hors d'Occitanie…)."
)
QUALITY_TO_CHECK_NOTE = (
    "Lieux dont l'information a plus de {years} ans (au {today}), n'est pas datée, ou manque d'horaires, de "
    "contact ou d'adresse. La fiche la plus récente des sources date du 01/08/2024 (France Services)."
)
QUALITY_TO_CHECK_YEARS = "Information plus ancienne que (années)"
QUALITY_COLUMNS = {
    "source": "Source",
    "fiches": "Fiches",
    "plus_ancienne": "Plus ancienne",
    "plus_recente": "Plus récente",
    "part_sans_date": "Sans date",
    "part_plus_de_1_ans": "Plus d'1 an",
    "part_plus_de_2_ans": "Plus de 2 ans",
    "part_plus_de_3_ans": "Plus de 3 ans",
    "address": "À l'adresse",
    "commune": "À la commune",
    "postcode": "Au code postal",
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

PAGE_REPORT = "Rapport"
REPORT_TITLE = "Rapport par département"
REPORT_INTRO = (
    "Un rapport autonome à emporter : chiffres clés, carte, couverture par EPCI, communes où l'écart besoin − "
    "offre est le plus grand, fraîcheur des données et sources. Un seul fichier HTML, lisible hors connexion."
)
REPORT_CHOOSE = "Département"
REPORT_DOWNLOAD = "Télécharger le rapport (HTML)"
REPORT_PDF_NOTE = (
    "Pour un PDF : ouvrez le rapport dans un navigateur et choisissez « Imprimer » puis « Enregistrer en PDF » "
    "(mise en page A4 prévue). Aucune bibliothèque installée ici ne sait rendre les graphiques interactifs "
    "en PDF sans navigateur."
)
REPORT_PREVIEW = "Aperçu des chiffres clés"
