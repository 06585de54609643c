"""Every text a user reads, in French, in one place (tests assert against the same constants)."""

from __future__ import annotations

from pathlib import Path

from .config import REGION

# Figures of the region's context (its settings file, `regions/<name>.toml`): None when it has none.
_CONTEXT = REGION.context
_TOTAL = (
    f"{_CONTEXT['illectronisme']:,}".replace(",", "\u202f")
    if _CONTEXT.get("illectronisme")
    else "—"
)
_TOTAL_SOURCE = _CONTEXT.get("source", "")

APP_TITLE = f"{REGION.hub or REGION.name} · tableau de bord de l'inclusion numérique"
HOME_TITLE = f"Lieux d'inclusion numérique {REGION.in_name}"
HOME_INTRO = (
    f"Où trouver de l'aide au numérique {REGION.in_name}, et où elle manque : les lieux de médiation numérique de "
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
SOURCE_ILLECTRONISME = _TOTAL_SOURCE
LIEUX_METHOD = "Lieux dédoublonnés par rhinocc-dash."

# Regional context quoted from the hub's 2023 presentation (see the sources folder's README).
ILLECTRONISME_PERSONNES = _CONTEXT.get("illectronisme")
USAGE_FAIBLE_PERSONNES = _CONTEXT.get("usages_faibles")
A_ACCOMPAGNER_PERSONNES = _CONTEXT.get("a_accompagner")
A_ACCOMPAGNER_PART = _CONTEXT.get("a_accompagner_part")
NO_CONTEXT = (
    "Pas de chiffres de contexte (illectronisme, personnes à accompagner) pour ce territoire dans ses "
    "réglages : l'estimation de l'illectronisme par commune n'est pas calculée."
)

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


DATA_AGE = (
    "Données : sources de lieux publiées entre {oldest} et {newest} (détail par source en page Qualité) ; "
    "les lieux ouverts ou fermés depuis n'y figurent pas."
)
DATE_PRECISION = {
    "day": "jour",
    "month": "mois",
    "edition": "date d'édition de la liste",
}
LEFT_OUT_COLUMNS = {
    "lieu_id": "Identifiant",
    "nom": "Nom",
    "commune": "Commune",
    "raison": "Raison",
}
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
CONTEXT_A_ACCOMPAGNER_SHARE = (
    "soit {share} de la population selon la source (part calculée par la source sur la population Insee "
    "de 2019) ; rapportées aux {population} habitants de 2023, ces {people} de personnes en font {ours}."
)
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
LIEUX_BY_DEP_COLUMNS = {
    "code": "Code",
    "nom": "Département",
    "population": "Habitants (2023)",
    "lieux": "Lieux",
}

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
FILTER_PUBLICS_NOTE = (
    "{n} lieux sur {total} n'indiquent aucun public : le filtre « Publics » les écarte."
)
FILTER_HOURS_HELP = "Seulement les lieux dont les horaires sont connus et lisibles."
FILTER_UPDATED = "Informations mises à jour"
FILTER_UPDATED_HELP = (
    "Selon la date de mise à jour la plus récente des fiches du lieu, comptée depuis le {today}."
)
MAP_OPTIONS = "Carte"
MAP_BASEMAP = "Fond de carte (Carto, nécessite Internet)"
MAP_BASEMAP_HELP = (
    "Sans fond de carte, la carte dessine les contours des départements et des communes et le nom des "
    "principales villes, depuis les données du tableau de bord : elle reste lisible sans connexion. "
    "Si le serveur de fonds de carte ne répond pas, la carte y revient d'elle-même."
)
MAP_TILES_UNREACHABLE = (
    "Le serveur du fond de carte (Carto) ne répond pas depuis ce navigateur : la carte affiche les "
    "contours des territoires et le nom des principales villes à la place."
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
MAP_RASTER_NOTE = (
    "Trop de communes pour les envoyer une à une : elles sont dessinées en image, sans info-bulle. "
    "Choisissez un ou plusieurs départements (filtre « Départements ») pour les survoler."
)
MAP_CARD_TITLE = "Fiche du lieu"
MAP_CARD_OPEN = "Ouvrir la fiche : {nom}"
# The CSV of a list of lieux holds more than the screen: contact, hours in French and in OSM form.
LIEUX_EXPORT_COLUMNS = {
    "nom": "Nom",
    "adresse": "Adresse",
    "code_postal": "Code postal",
    "commune": "Commune",
    "departement": "Département",
    "categorie": "Label principal",
    "labels": "Labels officiels",
    "type": "Type",
    "services": "Services",
    "publics": "Publics",
    "horaires_semaine": "Horaires",
    "horaires": "Horaires (syntaxe OpenStreetMap)",
    "telephone": "Téléphone",
    "courriel": "Courriel",
    "site_web": "Site web",
    "date_maj": "Mise à jour",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "lieu_id": "Identifiant rhinocc-dash",
}
MAP_TABLE_COLUMNS = {
    "nom": "Nom",
    "commune": "Commune",
    "departement": "Dép.",
    "categorie": "Label principal",
    "type": "Type",
    "services": "Services",
    "date_maj": "Mise à jour",
}


def vintage_text(vintage) -> str:
    """« 01/08/2024 » for 2024-08-01, « 12/2022 » for 2022-12 (other vintages as written)."""
    parts = str(vintage).split("-")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts):
        return "/".join(reversed(parts))
    return str(vintage)


def updated_label(years, count=None) -> str:
    if not years:
        return "toutes dates"
    label = f"depuis moins de {years} an" + ("s" if years > 1 else "")
    return f"{label} ({count} lieux)" if count is not None else label


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
    "lieux": ("Nombre de lieux", "lieux", "count"),
    "lieux_pour_10000": ("Lieux pour 10 000 habitants", "lieux pour 10 000 habitants", "rate"),
    "part_communes_avec_lieu": ("Communes ayant au moins un lieu", "% des communes", "share"),
    "part_population_5km": ("Habitants à moins de 5 km d'un lieu", "% des habitants", "share"),
    "part_population_10km": ("Habitants à moins de 10 km d'un lieu", "% des habitants", "share"),
    "population_au_dela_10km": ("Habitants à plus de 10 km d'un lieu", "habitants", "people"),
    "distance_mediane_km": (
        "Distance médiane des habitants au lieu le plus proche",
        "km, à vol d'oiseau",
        "km",
    ),
}
COVERAGE_COLUMNS = {
    "code": "Code",
    "nom": "Nom",
    "lieux": "Lieux",
    "population": "Habitants (2023)",
    "lieux_pour_10000": "Lieux pour 10 000 hab.",
    "communes": "Communes",
    "communes_avec_lieu": "Communes avec un lieu",
    "part_communes_avec_lieu": "Part des communes avec un lieu",
    "part_population_5km": "Habitants à moins de 5 km",
    "part_population_10km": "Habitants à moins de 10 km",
    "population_au_dela_10km": "Habitants à plus de 10 km",
    "distance_mediane_km": "Distance médiane (km)",
}
COVERAGE_KINDS = {
    "lieux_pour_10000": "decimal2",
    "distance_mediane_km": "decimal1",
    "part_communes_avec_lieu": "percent",
    "part_population_5km": "percent",
    "part_population_10km": "percent",
}
COVERAGE_AVERAGE = "moyenne par territoire"
COVERAGE_METHOD = (
    "Lieux dédoublonnés par rhinocc-dash ; distances à vol d'oiseau depuis la population répartie dans "
    "chaque commune."
)
COVERAGE_EVOLUTION_METHOD = (
    "Sites France Services acceptés par rhinocc-dash, par édition de la liste."
)
COVERAGE_TABLE_TITLE = "Tableau par département (cliquez un en-tête pour trier)"
COVERAGE_LABELS_TITLE = "Lieux par label principal"
COVERAGE_LABELS_NOTE = (
    "Un lieu compte une fois, sous son label le plus spécifique ; un label de programme national n'est compté "
    "que si le lieu figure sur la liste officielle du programme."
)
EVOLUTION_COLUMNS = {
    "departement": "Département",
    "sites_2022": "Sites au 01/12/2022",
    "sites_2024": "Sites au 01/08/2024",
    "evolution": "Évolution",
}
COVERAGE_FAMILIES_TITLE = "Part des lieux proposant chaque famille de services"
COVERAGE_DRILL = "Département à détailler"
COVERAGE_TABS = (
    "Par EPCI",
    "Labels",
    "Familles de services",
    "France Services 2022 → 2024",
    "Fiches par source",
    "Historique des versions",
)
COVERAGE_EPCI_TITLE = "EPCI du département"
COVERAGE_EPCI_NOTE = "Chiffres calculés sur les communes de chaque EPCI situées dans la région."
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
REGION_NAME = REGION.name

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
    f"territoire. Le total régional de {_TOTAL} personnes ({_TOTAL_SOURCE}) est "
    "réparti entre les communes au prorata de la population 2023 × le score IFN 2020 « compétences numériques "
    "et scolaires » (100 = moyenne régionale) ; une commune sans ce score reçoit la valeur de référence 100. "
    "Les arrondis sont répartis par la méthode des plus forts restes, de sorte que la somme régionale vaut "
    f"exactement {_TOTAL}. C'est un ordre de grandeur, pas une mesure.\n\n"
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
GAP_MIN_POPULATION_HELP = (
    "Par défaut, les communes de moins de {n} habitants ne sont pas classées : leurs indicateurs reposent "
    "sur trop peu de personnes et elles occuperaient la tête du classement. Leurs scores sont calculés ; "
    "mettez 0 pour les classer aussi."
)
GAP_WHATIF_PLACEHOLDER = "ex. Mende, Saint-Affrique"
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
GAP_METHOD_NOTE = "Lieux dédoublonnés par rhinocc-dash. Illectronisme : " + (
    f"estimation modélisée à partir du total régional ({_TOTAL_SOURCE})."
    if _TOTAL_SOURCE
    else "non estimé (aucun total régional dans les réglages du territoire)."
)
GAP_HYPOTHETICAL = "Lieu hypothétique"
GAP_FOCUS = "Département mis en évidence (nuage de points et carte des communes)"
GAP_WHOLE_REGION = "Toute la région"
GAP_MINIMUM_NOTE = (
    "Classement des territoires d'au moins {n} habitants ({out} territoires plus petits, non classés, gardent "
    "leurs scores ; voir le réglage dans le panneau de gauche)."
)
GAP_METRIC_NEWLY_HELP = (
    "Habitants à plus de 10 km de tout lieu aujourd'hui qui seraient à 10 km ou moins d'un des lieux "
    "hypothétiques (population municipale 2023 répartie dans chaque commune)."
)
GAP_HYPOTHESES_TITLE = "Communes de vos lieux hypothétiques"
GAP_RANK_BEFORE = "Rang sans le lieu"
GAP_RANK_AFTER = "Rang avec le lieu"
GAP_MAP_FOCUS = (
    "Communes du département : {dep} (choisissez le département au-dessus du nuage de points)."
)
GAP_MAP_LABEL = "Score d'écart besoin − offre"
GAP_MAP_DARKER = "rouge foncé = écart élevé (besoin fort, offre faible)"
GAP_KINDS = {
    "illectronisme_estime": "estimate",
    "score_besoin": "decimal0",
    "score_offre": "decimal0",
    "ecart": "decimal0",
    "distance_lieu_km": "decimal1",
    "rang": "int",
    "evolution_rang": "int",
    "rang_avant": "int",
}
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
DIRECTORY_SELECT_PLACEHOLDER = "Tapez le nom d'un lieu ou d'une commune"
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
    "date_maj_precision": "Précision de la date",
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

PAGE_REPORT = "Rapport"
REPORT_TITLE = "Rapport par département"
REPORT_INTRO = (
    "Un rapport autonome à emporter : chiffres clés, carte, couverture par EPCI, communes où l'écart besoin − "
    "offre est le plus grand, fraîcheur des données et sources. Un seul fichier HTML, lisible hors connexion."
)
REPORT_CHOOSE = "Département"
REPORT_DOWNLOAD = "Télécharger le rapport (HTML)"
REPORT_PDF_NOTE = (
    "Le fichier s'ouvre dans n'importe quel navigateur, même sans connexion. Pour l'imprimer ou le joindre "
    "en PDF : « Imprimer », puis « Enregistrer au format PDF » (mise en page A4)."
)
REPORT_PREVIEW = "Aperçu des chiffres clés"

# Département report (blocks drawn to HTML and PDF; see views/report_pdf.py, views/report_departement.py).
REPORT_HEADING = "Inclusion numérique · {name} ({dep})"
REPORT_GENERATED = (
    "Rapport rhinocc-dash du {today}, établi à partir de données ouvertes (sources et millésimes en fin de "
    "document). Les distances sont à vol d'oiseau."
)
REPORT_SUMMARY_TITLE = "En bref"
REPORT_SUMMARY = (
    "Le département compte **{lieux} lieux** d'inclusion numérique, soit **{rate} pour 10 000 habitants** "
    "({region} : {region_rate}).",
    "La moitié des habitants vit à moins de **{median} km** à vol d'oiseau d'un lieu ({region} : "
    "{region_median} km) ; **{beyond} habitants** ({beyond_share}) vivent à plus de 10 km du plus proche.",
    "{with_lieu} communes sur {communes} ont au moins un lieu sur leur territoire.",
    "**{illectronisme} personnes** seraient en situation d'illectronisme (estimation modélisée, "
    "un ordre de grandeur).",
    "Communes où le besoin est le plus élevé au regard de l'offre : {gaps}.",
)
REPORT_KEY_FIGURES = "Chiffres clés"
REPORT_FIGURES = {
    "lieux": "Lieux d'inclusion numérique",
    "lieux_pour_10000": "Lieux pour 10 000 habitants",
    "population": "Habitants",
    "communes_avec_lieu": "Communes ayant au moins un lieu",
    "part_population_10km": "Habitants à moins de 10 km d'un lieu",
    "distance_mediane_km": "Distance médiane des habitants au lieu le plus proche",
    "taux_pauvrete": "Taux de pauvreté",
    "ifn2020_global": "Indice de fragilité numérique 2020",
    "illectronisme_estime": "Personnes en illectronisme (estimation modélisée)",
}
REPORT_LIEUX_NOTE = "Lieux dédoublonnés à partir de {n} sources actuelles"
REPORT_DISTANCE_NOTE = "À vol d'oiseau ; la moitié des habitants vit plus près"
REPORT_WITHIN_NOTE = "À vol d'oiseau, habitants répartis dans chaque commune"
REPORT_IFN_NOTE = "{source} ; 100 = moyenne régionale, plus haut = plus fragile"
REPORT_ILLECTRONISME_NOTE = f"Ordre de grandeur : total régional ({_TOTAL_SOURCE}) réparti"
REPORT_ESTIMATE_NOTE = (
    "L'illectronisme par territoire est une estimation modélisée : le total régional "
    f"({_TOTAL} personnes, {_TOTAL_SOURCE}) réparti au prorata de la population et de l'axe « compétences "
    "numériques » de l'IFN 2020. C'est un ordre de grandeur, pas un comptage."
)
REPORT_MAP_TITLE = "Carte et couverture"
REPORT_MAP_CHART = "Lieux et distance médiane au lieu le plus proche · {name}"
REPORT_EPCI_RATE = "Lieux pour 10 000 habitants, par EPCI"
REPORT_EPCI_WITHIN = "Habitants à moins de 10 km d'un lieu, par EPCI"
REPORT_EPCI_LABELS = "Lieux par label principal, par EPCI"
REPORT_EPCI_NOTE = (
    "EPCI ayant au moins une commune dans le département (leurs communes de la région) ; la ligne en "
    "pointillés est la valeur du département."
)
REPORT_GAPS_TITLE = "Communes où l'écart besoin − offre est le plus grand"
REPORT_GAPS_NOTE = (
    "Score d'écart : rang centile du besoin (IFN 2020, compétences numériques, IFN 2023, pauvreté) moins "
    "rang centile de l'offre, parmi les {n} communes de la région ; communes de moins de {minimum} "
    "habitants non classées."
)
REPORT_GAP_COLUMNS = {
    "rang": "Rang régional",
    "nom": "Commune",
    "population": "Habitants (2023)",
    "illectronisme_estime": "Illectronisme (estimation)",
    "distance_lieu_km": "Distance médiane au lieu le plus proche (km)",
    "ecart": "Écart besoin − offre",
    "pourquoi": "Pourquoi",
}
REPORT_FRESHNESS_TITLE = "Fraîcheur des fiches du département"
REPORT_FRESHNESS_NOTE = (
    "Âge des fiches au {today}, selon la date de mise à jour déclarée par chaque source."
)
REPORT_SOURCES_TITLE = "Sources"
REPORT_GLOSSARY_TITLE = "Lexique"
REPORT_GLOSSARY = {
    "Lieu d'inclusion numérique": (
        "Structure qui accompagne les habitants dans leurs usages du numérique (France Services, "
        "conseillers numériques, médiathèques, associations…). Un lieu présent dans plusieurs sources est "
        "compté une fois."
    ),
    "IFN": (
        "Indice de fragilité numérique (MedNum) : 100 = moyenne de la région ; au-dessus, la population "
        "risque davantage d'être exclue du numérique (accès, compétences, capacités)."
    ),
    "Illectronisme": "Difficulté ou incapacité à utiliser les outils numériques au quotidien.",
    "EPCI": (
        "Établissement public de coopération intercommunale : communauté de communes, d'agglomération, "
        "communauté urbaine ou métropole."
    ),
    "Rang centile": (
        "Position d'un territoire parmi tous les autres, de 0 à 100 : 90 signifie qu'il dépasse 90 % des "
        "territoires pour cette mesure."
    ),
    "À vol d'oiseau": (
        "Distance en ligne droite, sans tenir compte des routes ni du relief : le trajet réel est plus long."
    ),
    "Distance médiane": (
        "La moitié des habitants vit plus près d'un lieu que cette distance, l'autre moitié plus loin."
    ),
}

# Snapshots and data updates (issue 12).
PUBLISHING_FIRST = "Première publication des données (aucune version publiée sur ce serveur)…"
WAREHOUSE_UNREADABLE = (
    "L'entrepôt de données {path} est illisible ({problem}). Reconstruisez-le : `make warehouse` "
    "(ou `rhinocc-dash publish --comment …`) ; un mainteneur peut aussi revenir à une version "
    "précédente avec `rhinocc-dash rollback VERSION`."
)
SNAPSHOT_FALLBACK = (
    "La version publiée {current} est illisible ({problem}) : affichage de la version {used}, la "
    "plus récente lisible. Prévenez un mainteneur."
)
NEW_VERSION = "Nouvelle version des données publiée ({version}) : affichée désormais."
PAGE_UPDATE = "Mise à jour des données"
UPDATE_TITLE = "Mise à jour des données"
UPDATE_INTRO = (
    "Apporter un nouvel export RhinOcc, une nouvelle liste France Services ou un nouveau fichier des "
    "Conseillers numériques : le fichier est reconnu, vérifié, comparé avec la version en ligne, puis "
    "publié (ou abandonné). Chaque publication est une version complète, conservée : on peut y revenir "
    "en un clic. Réservé aux mainteneurs connectés ; la lecture reste publique."
)
UPDATE_SIGN_IN_FIRST = (
    "Connectez-vous pour mettre à jour les données (comptes des mainteneurs du hub)."
)
UPDATE_STEP_FILES = "1. Fichiers à apporter"
UPDATE_STEP_BUILD = "2. Construction de la version candidate"
UPDATE_STEP_REPORT = "3. Rapport de validation"
UPDATE_STEP_COMPARE = "4. Ce qui change par rapport à la version en ligne"
UPDATE_STEP_PUBLISH = "5. Publier ou abandonner"
UPDATE_STEP_SNAPSHOTS = "6. Versions publiées"
UPDATE_UPLOAD = "Déposer un ou plusieurs fichiers (CSV, JSON, GeoJSON)"
UPDATE_UPLOAD_HELP = (
    "Sources reconnues : export RhinOcc (colonnes actuelles ou anciennes rh_id, geo_lat, geo_lon), liste "
    "France Services (CSV ou GeoJSON), lieux des Conseillers numériques, structures data·inclusion, "
    "structures Aidants Connect. 20 Mo au plus par fichier."
)
UPDATE_FROM_ORIGIN = "Ou télécharger depuis l'origine publique (connexion nécessaire)"
UPDATE_ORIGIN_SOURCE = "Source à télécharger"
UPDATE_ORIGIN_BUTTON = "Télécharger depuis l'origine"
UPDATE_NO_ORIGIN = "Cette source n'a pas d'origine publique connue : déposez le fichier."
UPDATE_DOWNLOADING = "Téléchargement…"
UPDATE_DOWNLOAD_FAILED = (
    "Téléchargement impossible (pas de connexion, ou fichier différent de celui attendu) : déposez le "
    "fichier à la main."
)
UPDATE_OK = "reconnu"
UPDATE_FORCE = "« {name} » n'est pas reconnu : de quelle source s'agit-il ?"
UPDATE_FORCE_NONE = "(choisir une source)"
UPDATE_TWICE = "Deux fichiers pour la même source : n'en gardez qu'un."
UPDATE_FILE_COLUMNS = {
    "fichier": "Fichier",
    "source": "Source reconnue",
    "disposition": "Disposition des colonnes",
    "lignes": "Lignes",
    "encodage": "Encodage",
    "millesime": "Millésime",
    "statut": "Statut",
}
UPDATE_VINTAGE = "Millésime de « {name} » ({source})"
UPDATE_VINTAGE_HELP = "Proposé d'après : {origin}. Format AAAA-MM ou AAAA-MM-JJ."
UPDATE_CHECK = "Vérifier et comparer (construit une version candidate, sans rien publier)"
UPDATE_QUEUED = "en attente"
UPDATE_BUILDING = "Étape {step}/{total} · {label}"
UPDATE_BUILD_FAILED = (
    "La version candidate n'a pas pu être construite ; la version en ligne est intacte. "
    "Raison : {error}"
)
UPDATE_RESTART = "Recommencer"
UPDATE_STATS_COLUMNS = {
    "source": "Source",
    "vintage": "Millésime",
    "encoding": "Encodage",
    "rows_in_file": "Lignes du fichier",
    "rows_outside_region": "Hors région",
    "rows_read": "Lignes lues",
    "rows_accepted": "Acceptées",
    "rows_quarantined": "Mises de côté",
    "sans_localisation_precise": "Sans localisation précise",
    "notes": "Remarques (colonnes absentes…)",
}
UPDATE_NO_REJECT = "Aucune ligne mise de côté."
UPDATE_FIRST = "Aucune version publiée : la candidate sera la première."
UPDATE_COUNT_LABELS = (
    "Fiches ajoutées",
    "Fiches retirées",
    "Fiches modifiées",
    "Lieux ajoutés",
    "Lieux retirés",
    "Lieux modifiés",
)
UPDATE_SOURCE_COLUMNS = {
    "source": "Source",
    "fiches_avant": "Fiches en ligne",
    "fiches_apres": "Fiches candidates",
    "ajoutees": "Ajoutées",
    "retirees": "Retirées",
    "modifiees": "Modifiées",
}
UPDATE_FIGURES_TITLE = "Chiffres clés, avant et après"
UPDATE_FIGURE_NAMES = {
    "lieux": "Lieux",
    "lieux_pour_10000": "Lieux pour 10 000 habitants",
    "part_population_10km": "Habitants à moins de 10 km d'un lieu",
}
UPDATE_DEP_TITLE = "Lieux par département"
UPDATE_DEP_COLUMNS = {
    "code": "Code",
    "nom": "Département",
    "lieux_avant": "En ligne",
    "lieux_apres": "Candidate",
    "ajoutes": "Ajoutés",
    "retires": "Retirés",
    "modifies": "Modifiés",
    "evolution": "Évolution",
}
UPDATE_TOP_TITLE = "Classement des écarts : les 20 premières communes, avant et après"
UPDATE_TOP_COLUMNS = {
    "code": "Code",
    "nom": "Commune",
    "rang_avant": "Rang en ligne",
    "rang_apres": "Rang candidat",
    "mouvement": "Mouvement",
}
UPDATE_MAP_TITLE = "Lieux ajoutés (vert) et retirés (rouge)"
UPDATE_ADDED = "Ajouté"
UPDATE_REMOVED = "Retiré"
UPDATE_CHANGED_TITLE = "Fiches modifiées ({n}) et champs concernés"
UPDATE_CHANGED_COLUMNS = {
    "key": "Fiche",
    "source": "Source",
    "nom": "Nom",
    "champs": "Champs modifiés",
}
UPDATE_COMMENT = "Commentaire de publication (obligatoire : pourquoi cette version)"
UPDATE_PUBLISH = "Publier cette version"
UPDATE_DISCARD = "Abandonner"
UPDATE_PUBLISHED = "Version {version} publiée : elle est maintenant en ligne pour tous."
UPDATE_NO_SNAPSHOT = "Aucune version publiée pour l'instant."
UPDATE_SNAPSHOT_COLUMNS = {
    "version": "Version",
    "courante": "En ligne",
    "published_at": "Publiée le",
    "published_by": "Par",
    "comment": "Commentaire",
    "lieux": "Lieux",
    "size_bytes": "Taille (Mo)",
    "files": "Fichiers remplacés",
}
UPDATE_MANIFEST_OF = "Version"
UPDATE_MANIFEST = "Manifeste (fichiers, empreintes SHA-256, lignes, millésimes)"
UPDATE_ROLLBACK_CONFIRM = "Remettre en ligne la version {version} pour tous les visiteurs"
UPDATE_ROLLBACK = "Revenir à cette version"
UPDATE_ROLLED_BACK = "Version {version} remise en ligne."
UPDATE_AUDIT = "Journal des opérations (publications, retours, connexions)"
HISTORY_TITLE = "Lieux à chaque version publiée, par label principal"
HISTORY_ONE = (
    "Une seule version publiée pour l'instant : l'historique se construira avec les prochaines "
    "publications (page « Mise à jour des données »). L'évolution des sites France Services entre "
    "les listes de 2022 et 2024 est dans l'onglet « France Services 2022 → 2024 »."
)
HISTORY_NOTE = (
    "Chaque barre est une version publiée (date de publication) ; sous la date, les millésimes des "
    "sources de lieux qu'elle contient."
)
HISTORY_DEP_TITLE = "Lieux par département, à chaque version"


def version_label(version: str) -> str:
    """« 01/12/2026 05:41:30 (UTC) » for the snapshot 2026-12-01T05-41-30Z (other names as they are)."""
    day, _, time_ = str(version).partition("T")
    parts = day.split("-")
    if len(parts) != 3 or not time_:
        return str(version)
    return f"{'/'.join(reversed(parts))} {time_.rstrip('Z').replace('-', ':')} (UTC)"


REPORT_HISTORY_TITLE = "Évolution de l'offre dans le département"
REPORT_HISTORY_COLUMNS = {
    "version": "Version publiée",
    "millesimes": "Millésimes des sources de lieux",
    "lieux": "Lieux",
}
REPORT_HISTORY_NOTE = (
    "Une ligne par version publiée des données (voir « Mise à jour des données ») ; l'évolution des "
    "sites France Services entre les listes de 2022 et 2024 figure en page Couverture."
)

# Bad input and source status (issue 15)
FLAG_LABELS.update(
    {
        "date_future": "Date de mise à jour dans le futur (écartée)",
        "date_improbable": "Date de mise à jour antérieure à 1990 (écartée)",
    }
)
SOURCE_STATUS_BANNER = (
    "Données incomplètes : cet entrepôt a été construit sans certaines sources, ou avec une partie "
    "seulement de leurs lignes. Les chiffres qui en dépendent (lieux, couverture, écarts) sont "
    "sous-estimés."
)
SOURCE_STATUS_ABSENT = "absente de cet entrepôt"
SOURCE_STATUS_PARTIAL = (
    "incomplète : {rows} lignes sur {reference} lors de la dernière construction complète"
)
SOURCE_STATUS_PARTIAL_ROWS = "incomplète : {rows} lignes"
SOURCE_STATUS_CAUSE = " (cause : {reason})"

# PDF reports (issue 14)
REPORT_DOWNLOAD_PDF = "Télécharger le rapport (PDF)"
REPORT_SCOPE = "Rapport"
REPORT_SCOPES = {
    "departement": "Un département",
    "region": "Toute la région (les 13 départements comparés)",
}
REPORT_FILES_NOTE = (
    "Le PDF (A4, mis en page sur le serveur) reprend les mêmes chiffres que le fichier HTML ; sa première "
    "page résume le rapport. Le HTML s'ouvre dans n'importe quel navigateur, même sans connexion."
)
REPORT_REGION_HEADING = "Inclusion numérique · {name} : les {n} départements comparés"
REPORT_DATED = "Rapport du {today}"
REPORT_TOP_GAPS_TITLE = "Les trois plus grands écarts besoin − offre"
REPORT_TOP_GAPS_COLUMNS = {
    "rang": "Rang régional",
    "nom": "Commune",
    "population": "Habitants (2023)",
    "ecart": "Écart",
    "pourquoi": "Pourquoi",
}
REPORT_REGION_SUMMARY = (
    "La région compte **{lieux} lieux** d'inclusion numérique, soit **{rate} pour 10 000 habitants** ; "
    "de {low_rate} ({low_name}) à {high_rate} ({high_name}) selon le département.",
    "La moitié des habitants vit à moins de **{median} km** à vol d'oiseau d'un lieu ; **{beyond} habitants** "
    "({beyond_share}) vivent à plus de 10 km du plus proche (le plus grand nombre : {top_name}, {top_beyond}).",
    "{with_lieu} communes sur {communes} ont au moins un lieu sur leur territoire.",
    "**{illectronisme} personnes** seraient en situation d'illectronisme (estimation modélisée, "
    "un ordre de grandeur).",
    "Communes où le besoin est le plus élevé au regard de l'offre : {gaps}.",
)
REPORT_COMPARE_TITLE = "Les départements comparés"
REPORT_COMPARE_COLUMNS = {
    "nom": "Département",
    "lieux": "Lieux",
    "lieux_pour_10000": "Lieux pour 10 000 habitants",
    "part_population_10km": "Habitants à moins de 10 km d'un lieu",
    "population_au_dela_10km": "Habitants à plus de 10 km",
    "distance_mediane_km": "Distance médiane au lieu (km)",
    "taux_pauvrete": "Taux de pauvreté",
}
REPORT_COMPARE_NOTE = (
    "Distances à vol d'oiseau, habitants répartis dans chaque commune ; dernière ligne : la région entière. "
    "Sources : {population} ; {poverty}."
)
REPORT_COMPARE_CHARTS = {
    "lieux_pour_10000": "Lieux pour 10 000 habitants, par département",
    "part_population_10km": "Habitants à moins de 10 km d'un lieu, par département",
    "distance_mediane_km": "Distance médiane des habitants au lieu le plus proche, par département",
    "taux_pauvrete": "Taux de pauvreté, par département",
}
REPORT_CHARTS_NOTE = "La ligne en pointillés est la valeur de la région entière."
REPORT_REGION_GAPS_TITLE = "Communes de la région où l'écart besoin − offre est le plus grand"
REPORT_REGION_GAP_COLUMNS = {
    "rang": "Rang",
    "nom": "Commune",
    "departement_nom": "Département",
    "population": "Habitants (2023)",
    "illectronisme_estime": "Illectronisme (estimation)",
    "distance_lieu_km": "Distance médiane au lieu le plus proche (km)",
    "ecart": "Écart besoin − offre",
    "pourquoi": "Pourquoi",
}
REPORT_REGION_FRESHNESS_TITLE = "Fraîcheur des fiches de la région"
REPORT_MAP_LEGEND = "Distance médiane au lieu (plus foncé = plus loin)"
REPORT_MAP_LIEUX = "Lieux"
REPORT_MAP_NOTE = "Contours : {communes}. Lieux : {lieux} sources actuelles, dédoublonnées."
REPORT_FOOTER_SOURCES = "Sources : lieux {lieux} ; {others}. Détail en fin de document."
REPORT_EDITION = "Données : version publiée {snapshot}, entrepôt construit le {built_at} ; rhinocc-dash {version}"
REPORT_EDITION_UNPUBLISHED = (
    "Données : entrepôt {file} (hors versions publiées), "
    "construit le {built_at} ; rhinocc-dash {version}"
)
REPORT_PAGE = "page"
REPORT_CLI_WRITTEN = "Rapport écrit : {path} ({pages}{size} ko, {seconds} s)"
REPORT_CLI_PAGES = "{n} pages, "
REPORT_CLI_UNKNOWN = "Département inconnu : {dep}. Codes possibles : {codes}."
REPORT_CLI_NO_WAREHOUSE = (
    "Aucun entrepôt de données : {db}. Publiez d'abord une version (make warehouse)."
)


# Workshop mode (« Mode atelier »): a presentation for a room, one idea per screen.
PAGE_WORKSHOP = "Mode atelier"
WORKSHOP_PREVIOUS = "← Précédent"
WORKSHOP_NEXT = "Suivant →"
WORKSHOP_POSITION = "Écran {n} / {total}"
WORKSHOP_JUMP = "Aller à"
WORKSHOP_KEYS = "Flèches ← → du clavier : écran précédent / suivant."
WORKSHOP_EXIT = "Quitter le mode atelier"
WORKSHOP_QR = "Ouvrir cet écran sur son téléphone"
WORKSHOP_QR_HELP = (
    "Le QR code mène à l'adresse de cet écran ; une adresse locale (localhost) est remplacée par "
    "l'adresse de cet ordinateur sur le réseau de la salle."
)
WORKSHOP_QR_LOCAL = (
    "Cet ordinateur n'est sur aucun réseau : les téléphones ne pourront pas ouvrir cette adresse."
)
WORKSHOP_UNKNOWN_SCREEN = "Écran « {value} » inconnu : retour au premier écran."
WORKSHOP_UNKNOWN_DEPS = "Départements ignorés dans l'adresse : {values}."
WORKSHOP_TITLES = {
    "contexte": "Le besoin : qui accompagner ?",
    "offre": "L'offre : les lieux d'inclusion numérique",
    "carte": "Où sont les lieux ?",
    "departement": "{nom} ({code})",
    "simulation": "Et si on ouvrait un lieu ?",
}
WORKSHOP_CONTEXT_PEOPLE = "personnes à accompagner"
WORKSHOP_CONTEXT_SHARE = "de la population (selon la source)"
WORKSHOP_CONTEXT_NONE = (
    "Aucun chiffre de contexte régional dans les réglages de ce territoire : seul le taux de "
    "pauvreté (Insee) est affiché."
)
WORKSHOP_OFFER_LIEUX = "lieux d'inclusion numérique"
WORKSHOP_OFFER_WITHIN = "des habitants à moins de 10 km d'un lieu"
WORKSHOP_OFFER_COMMUNES = "communes ont au moins un lieu"
WORKSHOP_MAP_LEGEND = "Chaque point est un lieu, coloré selon son label principal."
WORKSHOP_DEP_GAPS = "Les trois plus grands écarts besoin − offre"
WORKSHOP_DEP_NO_GAP = "Aucune commune classée dans ce département."
WORKSHOP_WHATIF_PICK = "Commune où ouvrir un lieu"
WORKSHOP_WHATIF_NEWLY = "habitants de plus à moins de 10 km d'un lieu"
WORKSHOP_WHATIF_INTRO = (
    "Choisissez une commune : la carte y place un lieu hypothétique et le chiffre dit combien "
    "d'habitants passeraient à moins de 10 km d'un lieu. Les communes proposées d'abord sont les plus "
    "grands écarts de la région."
)
WORKSHOP_WHATIF_NONE = "Aucun lieu ajouté : choisissez une commune."
WORKSHOP_SOURCE = "Sources : {sources}."
