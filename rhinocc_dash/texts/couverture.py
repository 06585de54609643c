"""Page « Couverture »: coverage per département, distance model, evolution."""

from __future__ import annotations

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
COVERAGE_BY_DEP = "{label}, par département"
COVERAGE_NO_SERVICE = "Service non renseigné"
COVERAGE_FAMILY_COLUMNS = {"departement": "Département", "lieux": "Lieux"}
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
