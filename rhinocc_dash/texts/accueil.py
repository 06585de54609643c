"""Page « Accueil »: key figures, the region's context, the sources."""

from __future__ import annotations

from ..shared.config import REGION

HOME_TITLE = f"Lieux d'inclusion numérique {REGION.in_name}"
HOME_INTRO = (
    f"Où trouver de l'aide au numérique {REGION.in_name}, et où elle manque : les lieux de médiation "
    "numérique des sources ouvertes (hub régional, État, data·inclusion), dédoublonnés, rapprochés des "
    "indicateurs de besoin (fragilité numérique, pauvreté, population)."
)
LIEUX_METHOD = "Lieux dédoublonnés par rhinocc-dash."
NO_CONTEXT = (
    "Pas de chiffres de contexte (illectronisme, personnes à accompagner) pour ce territoire dans ses "
    "réglages : l'estimation de l'illectronisme par commune n'est pas calculée."
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
LIEUX_BY_DEP_CHART = "Nombre de lieux par département"
LIEUX_BY_DEP_UNIT = "lieux"
LIEUX_BY_DEP_AVERAGE = "moyenne par département"
LIEUX_BY_DEP_ALT = "{title} (barres) : {values} ; {average} en moyenne par département."
LIEUX_BY_DEP_TITLE = "Lieux par département"
LIEUX_BY_DEP_COLUMNS = {
    "code": "Code",
    "nom": "Département",
    "population": "Habitants (2023)",
    "lieux": "Lieux",
}
