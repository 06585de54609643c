"""Page « Carte »: the map, its legends, its table and its CSV."""

from __future__ import annotations

MAP_TITLE = "Carte des lieux et des besoins"
MAP_INTRO = (
    "Les lieux d'inclusion numérique sur un fond d'indicateur de besoin. Filtrez dans le panneau de gauche, "
    "cliquez un lieu pour sa fiche ; l'adresse de la page garde la vue pour la partager."
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
