"""Page « Écarts »: the gap analysis, its method and the what-if."""

from __future__ import annotations

GAP_TITLE = "Où le besoin est élevé et l'offre faible"
GAP_INTRO = (
    "Classement des territoires par écart entre le besoin (fragilité numérique, pauvreté, revenus) et l'offre "
    "de lieux d'inclusion numérique. Réglez le poids de chaque composante du besoin dans le panneau de gauche ; "
    "testez l'effet de lieux hypothétiques."
)
GAP_METHOD_TITLE = "Méthode : estimation de l'illectronisme et score d'écart"
GAP_METHOD = (
    "**Personnes en illectronisme (estimation modélisée).** Aucune source ne publie l'illectronisme par "
    "territoire. Le total régional de {total} personnes ({source}) est "
    "réparti entre les communes au prorata de la population 2023 × le score IFN 2020 « compétences numériques "
    "et scolaires » (100 = moyenne régionale) ; une commune sans ce score reçoit la valeur de référence 100. "
    "Les arrondis sont répartis par la méthode des plus forts restes, de sorte que la somme régionale vaut "
    "exactement {total}. C'est un ordre de grandeur, pas une mesure.\n\n"
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


def gap_method_note(source: str) -> str:
    """How the gap figures were made; `source`: the regional illectronism total's source (« » when none)."""
    return "Lieux dédoublonnés par rhinocc-dash. Illectronisme : " + (
        f"estimation modélisée à partir du total régional ({source})."
        if source
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
