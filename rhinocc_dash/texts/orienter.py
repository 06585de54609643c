"""French texts of the « Orienter une personne » page and of its fiche d'orientation."""

from __future__ import annotations

from ..shared.config import REGION

PAGE_TITLE = "Orienter une personne"
INTRO = (
    "Pour les aidants, travailleurs sociaux, agents France Services et conseillers numériques : "
    "à partir du lieu de vie de la personne et de son besoin, les lieux les plus proches qui y "
    "répondent, ouverts quand elle peut s'y rendre, et une fiche à lui remettre."
)
PRIVACY = (
    "Rien sur la personne n'est enregistré ni journalisé sur le serveur : ni nom, ni adresse, ni "
    "note. L'adresse tapée sert seulement à la recherche (envoyée à la Base Adresse Nationale) ; "
    "la note ne va que dans la fiche."
)

WHERE_TITLE = "1. Où habite la personne ?"
WHERE_MODE = "Point de départ"
WHERE_MODES = {
    "commune": "Une commune ou un code postal",
    "adresse": "Une adresse",
    "lieu": "Autour d'un lieu de la liste",
}
COMMUNE_LABEL = "Commune ou code postal (tapez pour voir les suggestions)"
COMMUNE_PLACEHOLDER = "Ex. : Figeac, 46100, beziers…"
COMMUNE_UNKNOWN = f"Aucune commune {REGION.in_name} ne correspond à « {{text}} »."
COMMUNE_SEVERAL = "Plusieurs communes correspondent à « {text} » : choisissez-en une."
COMMUNE_PICK = "Communes correspondantes"
ADDRESS_LABEL = "Adresse (numéro et rue)"
ADDRESS_HELP = (
    "Géocodée par la Base Adresse Nationale ; la commune choisie ci-dessus sert de repli."
)
ADDRESS_NEEDS_COMMUNE = (
    "Choisissez aussi la commune : elle sert de repli si l'adresse n'est pas trouvée."
)
ADDRESS_UNREACHABLE = (
    "La Base Adresse Nationale ne répond pas (pas de réseau ?) : la recherche part du centre de la "
    "commune."
)
ADDRESS_NOT_FOUND = (
    "Adresse introuvable dans la Base Adresse Nationale : « {text} ». La recherche part du centre "
    "de la commune."
)
ADDRESS_OUTSIDE = (
    f"Cette adresse n'est pas {REGION.in_name} (« {{text}} ») : la recherche part du centre de la commune."
)
LIEU_LABEL = "Lieu de départ"
LIEU_PLACEHOLDER = "Choisissez un lieu"
POINT_NONE = "Choisissez une commune, une adresse ou un lieu pour lancer la recherche."
POINT_COMMUNE = "Point de départ : centre de la commune de {nom}."
POINT_ADDRESS = "Point de départ : {label}."
POINT_LIEU = "Point de départ : le lieu « {nom} »."

NEED_TITLE = "2. De quoi a-t-elle besoin ?"
GRID = (
    "**La grille de décision des aidants** : selon l'urgence et ce que la personne peut faire "
    "elle-même, on peut **faire à sa place** (avec un mandat Aidants Connect), l'**accompagner** "
    "pour qu'elle le fasse, ou l'**orienter** vers un lieu de médiation numérique."
)
DO_FOR_LABEL = "Faire à la place de la personne (lieux avec des aidants habilités Aidants Connect)"
DO_FOR_HELP = (
    "Un mandat Aidants Connect est un accord signé par la personne qui autorise un aidant habilité "
    "à faire une démarche en ligne à sa place, en toute sécurité, pour une durée et des démarches "
    "choisies."
)
SERVICES_LABEL = "Accompagner ou orienter : le besoin (services du standard national)"
CHOOSE = "Choisissez une ou plusieurs options"
PUBLICS_LABEL = "Public de la personne"
SPECIFIC_LABEL = "Prise en charge spécifique"
FREE_LABEL = "Gratuit"
NO_APPOINTMENT_LABEL = "Sans rendez-vous"
PASS_LABEL = "Accepte le Pass numérique (APTIC)"
TOUT_PUBLIC_NOTE = "Un lieu « Tout public » compte comme adapté à chaque public."

WHEN_TITLE = "3. Quand peut-elle y aller ?"
WHEN_LABEL = "Moment"
WHEN_OPTIONS = {
    "": "Peu importe",
    "maintenant": "Ouvert maintenant",
    "samedi": "Le samedi",
    "soir": "Après 18 h",
    "jour": "Tel jour à telle heure",
}
WHEN_DAY = "Jour"
WHEN_TIME = "Heure"
WHEN_NOTE = (
    "Heure de Paris ; jours fériés français pris en compte quand les horaires les mentionnent."
)

RESULTS_TITLE = "4. Les lieux les plus proches"
RESULTS_CAPTION = (
    "Distance à vol d'oiseau depuis le point de départ, dans un rayon de {radius} km ; "
    "au plus {limit} lieux : d'abord ceux qui répondent à tout, puis ceux dont un critère n'est "
    "pas renseigné."
)
RESULTS_NONE = "Aucun lieu dans un rayon de {radius} km ne répond à ces critères."
WIDEN = "Élargir à {radius} km"
WIDEN_NOTE = "Moins de {n} lieux répondent à tout dans ce rayon."
UNKNOWN_SHARE = "{criterion} : {unknown} lieux sur {total} ne le renseignent pas."
NOT_IN_DATA = (
    "Gratuité, rendez-vous, prise en charge spécifique et modalités d'accès ne figurent dans aucune "
    "des sources chargées : ces critères sont « non renseignés » pour tous les lieux, à vérifier "
    "par téléphone."
)
CRITERIA = {
    "aidants_connect": "Aidants Connect",
    "pass_numerique": "Pass numérique",
    "services": "Service demandé",
    "publics": "Public",
    "specific": "Prise en charge spécifique",
    "free": "Gratuité",
    "no_appointment": "Sans rendez-vous",
    "when": "Horaires",
}
NOT_FILLED = "non renseigné : {criteria}"
MAP_LABEL = "Carte du point de départ et des lieux trouvés"
MAP_POINT = (
    "Point de départ : cercle noir ; lieux trouvés : points de couleur (leur rang dans l'infobulle)"
)
TABLE_LABEL = "Les mêmes lieux en tableau"
TABLE_COLUMNS = {
    "rang": "Rang",
    "nom": "Lieu",
    "commune": "Commune",
    "distance": "Distance",
    "ouvert": "Ouvert maintenant",
    "aujourdhui": "Aujourd'hui",
}
PICK_LABEL = "Mettre « {nom} » dans la fiche"

FICHE_TITLE = "5. La fiche d'orientation"
FICHE_MAX = "Cochez jusqu'à 3 lieux ci-dessus pour préparer la fiche."
FICHE_TOO_MANY = "La fiche tient sur une page : seuls les 3 premiers lieux cochés y figurent."
NOTE_LABEL = "Note pour la personne (facultative, dans la fiche seulement, jamais enregistrée)"
FICHE_PDF = "Télécharger la fiche (PDF)"
FICHE_HTML = "Télécharger la fiche imprimable (page web)"

FICHE_HEADING = "Fiche d'orientation"
FICHE_NEED = "Votre besoin"
FICHE_WHERE = "Où aller"
FICHE_WEEK = "Horaires"
FICHE_PHONE = "Téléphone"
FICHE_MAIL = "Courriel"
FICHE_WEB = "Site"
FICHE_DISTANCE = "À {km} de votre point de départ (à vol d'oiseau)"
FICHE_NOTE = "Note de votre aidant"
FICHE_QR = "Scannez pour retrouver cette recherche"
FICHE_SOURCES = (
    f"Informations issues des données ouvertes sur les lieux d'inclusion numérique {REGION.in_name} "
    "(RhinOcc, France Services, Conseillers numériques, Aidants Connect, data·inclusion), mises à jour "
    "le {dates} : appelez avant de vous déplacer."
)
NEED_ANY = "Un accompagnement au numérique"
NEED_DO_FOR = "Faire une démarche en ligne avec un aidant habilité Aidants Connect"
NEED_PASS = "Avec le Pass numérique"
NEED_FREE = "Gratuit"
NEED_NO_APPOINTMENT = "Sans rendez-vous"

OPEN_NOW = "Ouvert maintenant"
CLOSED_NOW = "Fermé maintenant"
HOURS_UNKNOWN = "Horaires inconnus"
CARD_ADDRESS = "Adresse"
CARD_DISTANCE = "Distance"
CARD_TODAY = "Aujourd'hui"
CARD_CONTACT = "Contact"
CARD_LABELS = "Labels"
CARD_SERVICES = "Services"
CARD_UPDATED = "Information du"
CARD_SOURCES = "Sources"
