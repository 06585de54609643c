"""Page « Rapport »: the département and regional reports (screen and PDF), the report command."""

from __future__ import annotations

from ..shared.config import REGION

REPORT_TITLE = "Rapport par département"
REPORT_INTRO = (
    "Un rapport autonome à emporter : chiffres clés, carte, couverture par EPCI, communes où l'écart besoin − "
    "offre est le plus grand, fraîcheur des données et sources. Un seul fichier HTML, lisible hors connexion."
)
REPORT_CHOOSE = "Département"
REPORT_DOWNLOAD = "Télécharger le rapport (HTML)"
REPORT_RATE = "Lieux pour 10 000 habitants"
REPORT_ILLECTRONISME = "Illectronisme (estimation modélisée)"
REPORT_ILLECTRONISME_SOURCE = "Illectronisme : {source}, réparti par modèle."
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
REPORT_ILLECTRONISME_NOTE = "Ordre de grandeur : total régional ({source}) réparti"
REPORT_ESTIMATE_NOTE = (
    "L'illectronisme par territoire est une estimation modélisée : le total régional "
    "({total} personnes, {source}) réparti au prorata de la population et de l'axe « compétences "
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
# PDF reports (issue 14)
REPORT_DOWNLOAD_PDF = "Télécharger le rapport (PDF)"
REPORT_SCOPE = "Rapport"
REPORT_SCOPES = {
    "departement": "Un département",
    "region": f"Toute la région (les {len(REGION.departements)} départements comparés)",
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
