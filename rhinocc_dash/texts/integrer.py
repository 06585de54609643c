"""French texts of the embed mode (« Intégrer cette vue ») and of the open-data section."""

from ..shared.config import REGION

HUB = REGION.hub or REGION.name

EMBED_SOURCE = (
    "Source : {hub}, lieux de médiation numérique (sources publiées entre {oldest} et {newest})"
)
EMBED_OPEN_FULL = "Ouvrir le tableau de bord complet"
EMBED_OPEN_FULL_LABEL = "Ouvrir le tableau de bord complet dans un nouvel onglet, sur la même vue"
EMBED_REFUSED = (
    "Cette page ne s'affiche pas dans une page intégrée (connexion des mainteneurs, mise à jour des "
    "données) : ouvrez-la dans le tableau de bord."
)
EMBED_SIGN_IN_REFUSED = "La connexion n'est pas possible dans une page intégrée."

OFFER_BUTTON = "Intégrer cette vue"
OFFER_HELP = "Le code à coller dans une page web (WordPress : bloc « HTML personnalisé »)"
OFFER_INTRO = (
    "Copiez ce code dans votre page : il affiche cette vue (mêmes filtres, territoire, niveau et "
    "indicateur), sans le menu, avec un lien vers le tableau de bord complet."
)
OFFER_SIZE = "Hauteur du cadre (pixels)"
OFFER_ALLOWED = "Sites autorisés à intégrer le tableau de bord : {sites}."
OFFER_NONE_ALLOWED = (
    "Aucun site extérieur n'est autorisé pour l'instant : le cadre ne s'affichera que sur ce site. "
    "L'administrateur ajoute un site avec `rhinocc-dash serve --integrer-depuis https://…` "
    "(ou RHINOCC_INTEGRER_DEPUIS dans la configuration de déploiement)."
)
OFFER_NO_ADDRESS = "Adresse publique du tableau de bord inconnue : remplacez le début de l'adresse par celle du site."
IFRAME_TITLE = "{page} — {hub}, tableau de bord de l'inclusion numérique"

OPEN_DATA_TITLE = "Données ouvertes"
OPEN_DATA_INTRO = (
    "Les lieux de cette version au standard national « lieux de médiation numérique » v1.0.2, pour la "
    "région et chaque département (CSV et GeoJSON), décrits par un fichier datapackage.json "
    "(Frictionless : licences, sources et millésimes, schéma, nombre de lignes, empreinte sha256)."
)
OPEN_DATA_VERSION = "Version du {date} ({version}) · {n} fichiers · {size}"
OPEN_DATA_COLUMNS = {
    "fichier": "Fichier",
    "titre": "Contenu",
    "lignes": "Lieux",
    "taille": "Taille",
    "lien": "Lien",
}
OPEN_DATA_EARLIER = "Versions antérieures : /donnees/<version>/ (par exemple {example})."
OPEN_DATA_NONE = (
    "Aucun fichier de données ouvertes pour cette version : ils sont écrits à chaque publication "
    "(ou au démarrage de `rhinocc-dash serve`)."
)
OPEN_DATA_FAILED = (
    "L'export des données ouvertes de cette version a échoué le {date} : {reason}. La version est "
    "publiée (ses chiffres sont justes) ; l'export est retenté au prochain démarrage du service."
)
