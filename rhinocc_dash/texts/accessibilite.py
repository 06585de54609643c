"""French texts of accessibility: the names given to Streamlit's, Plotly's and the map's own controls,
and the « Déclaration d'accessibilité » page."""

from __future__ import annotations

# Streamlit, Plotly and the map library name their controls in English; assistive technologies read
# these names aloud. Each is replaced in the browser by rhinocc_dash/ui/a11y_fr.js.
ENGLISH_NAMES = {
    "Skip to main content": "Aller au contenu principal",
    "Link to heading": "Lien vers ce titre",
    "Fullscreen": "Plein écran",
    "Close fullscreen": "Quitter le plein écran",
    "Exit fullscreen": "Quitter le plein écran",
    "Clear all": "Tout effacer",
    "Clear value": "Effacer",
    "Open": "Ouvrir",
    "Close": "Fermer",
    "Selected values": "Valeurs choisies",
    "Sidebar": "Barre latérale",
    "Expand sidebar": "Ouvrir la barre latérale",
    "Collapse sidebar": "Replier la barre latérale",
    "Search": "Rechercher dans le tableau",
    "Close Search": "Fermer la recherche",
    "Previous Result": "Résultat précédent",
    "Next Result": "Résultat suivant",
    "Show/hide columns": "Afficher ou masquer des colonnes",
    "Dataframe column menu": "Menu de la colonne",
    "Copy column name": "Copier le nom de la colonne",
    "Download as CSV": "Télécharger (CSV)",
    "Download plot as a PNG": "Télécharger le graphique (PNG)",
    "Reset axes": "Revenir aux axes de départ",
    "Autoscale": "Échelle automatique",
    "Pan": "Déplacer",
    "Box Select": "Sélection rectangulaire",
    "Lasso Select": "Sélection au lasso",
    "Zoom": "Zoomer sur une zone",
    "Zoom in": "Zoom avant",
    "Zoom In": "Zoom avant",
    "Zoom out": "Zoom arrière",
    "Zoom Out": "Zoom arrière",
    "Reset bearing to north": "Réorienter vers le nord",
    "Increment": "Augmenter",
    "Decrement": "Diminuer",
    "Map": "Carte",
    "Help": "Aide",
    "Main menu": "Menu principal",
    "App pages": "Pages de l'application",
    "Running...": "Calcul en cours…",
    "Stop script": "Arrêter le calcul",
    "Navigate to home page": "Aller à l'accueil",
    "Previous page": "Page précédente",
    "Next page": "Page suivante",
    "Pagination": "Pages",
    "Scroll tabs left": "Onglets précédents",
    "Scroll tabs right": "Onglets suivants",
    "Add files": "Ajouter des fichiers",
    "Notifications": "Notifications",
    "Choose date": "Choisir une date",
    "Markdown content": "Contenu",
    "__menu": "Menu principal",
    "__chart": "Graphique : {title}. Ses données sont dans le tableau téléchargeable qui le suit.",
    # the map canvas: not « Map » but what it is and where the same lieux are as text
    "__canvas": "Carte des lieux ; les mêmes lieux sont listés dans le tableau sous la carte",
}
# Names that begin with English and end with our own label (« Help for Ouvert le samedi »).
ENGLISH_PREFIXES = (
    ("Help for ", "Aide : "),
    ("Fullscreen: ", "Plein écran : "),
    ("Remove ", "Retirer "),
    ("Upload ", "Téléverser "),
    ("Shortcut ", "Raccourci "),
)

# « Déclaration d'accessibilité » (pages/accessibilite.py), in the RGAA's model.
PAGE_TITLE = "Accessibilité"
TITLE = "Déclaration d'accessibilité"
INTRO = (
    "Les organismes qui publient ou intègrent ce tableau de bord s'engagent à le rendre accessible "
    "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration "
    "s'applique au tableau de bord rhinocc-dash (toutes ses pages)."
)
STATE_TITLE = "État de conformité"
STATE = "Le tableau de bord rhinocc-dash est **{level}** avec le RGAA, version 4.1."
RESULTS_TITLE = "Résultats des tests"
RESULTS = (
    "L'audit mené par l'équipe du projet le {date} révèle que **{rate}** des critères applicables "
    "du RGAA 4.1 sont respectés : {met} critères conformes sur {applicable} applicables "
    "({not_met} non conformes, {na} non applicables, sur {criteria} critères). {by_hand} critères "
    "ont été vérifiés à la main (inspection dans le navigateur) ; les autres le sont par les tests "
    "automatiques. La grille complète, critère par critère, est publiée dans "
    "le dépôt du projet : docs/accessibilite/grille-rgaa-4.1.csv."
)
NOT_MET_TITLE = "Contenus non accessibles : non-conformités et plan d'action"
NOT_MET_COLUMNS = {
    "critere": "Critère",
    "intitule": "Intitulé",
    "remarque": "Pourquoi, et ce qui est prévu",
}
DEROGATIONS_TITLE = "Dérogations pour charge disproportionnée"
DEROGATIONS = "Aucune dérogation n'est invoquée."
EXEMPT_TITLE = "Contenus non soumis à l'obligation d'accessibilité"
EXEMPT = (
    "Le fond de carte facultatif (tuiles Carto, désactivé par défaut) est un contenu de tiers ; "
    "les mêmes informations sont données sans lui (tableau des lieux, choroplèthes)."
)
TOOLS_TITLE = "Technologies et outils utilisés"
TOOLS = (
    "Technologies : HTML, CSS, JavaScript (Streamlit, Plotly, deck.gl). Tests : axe-core 4 (règles "
    "WCAG 2.1 A et AA) et lecture de l'arbre d'accessibilité dans Chromium sans interface, sur chaque "
    "page, à chaque exécution des tests ; parcours au clavier seul des tâches principales (tests "
    "navigateur) ; balayage complet à 1 280 et 320 pixels de large, texte à 200 %, écrans du mode "
    "atelier et fiche d'un lieu (« make audit-a11y »). Les critères « vérifiés à la main » l'ont été "
    "par inspection dans le navigateur ; aucun test avec un lecteur d'écran (NVDA, VoiceOver) n'a "
    "encore été fait : il est prévu avant la prochaine version."
)
CONTACT_TITLE = "Retour d'information et contact"
CONTACT = (
    "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez le responsable du "
    "tableau de bord pour être orienté vers une alternative accessible ou obtenir le contenu sous "
    "une autre forme : {contact}."
)
CONTACT_MISSING = (
    "l'adresse de contact n'a pas été renseignée par l'organisme qui publie ce tableau de bord "
    "(variable RHINOCC_ACCESSIBILITY_CONTACT)"
)
REMEDY_TITLE = "Voies de recours"
REMEDY = (
    "Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une "
    "fonctionnalité, que vous nous l'avez signalé et que vous n'avez pas obtenu de réponse "
    "satisfaisante, vous pouvez écrire un message au Défenseur des droits "
    "(formulaire en ligne : https://formulaire.defenseurdesdroits.fr/), contacter le délégué du "
    "Défenseur des droits dans votre région, ou envoyer un courrier par la poste, gratuitement et "
    "sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."
)
GRID_ERROR = "La grille d'audit ne peut pas être lue : {error}"

# Sources in two steps: the short line under a figure opens onto the full paragraph.
SOURCES_DETAIL = "(titres, licences et méthode)"

# The keyboard's way to a lieu's card, under the map (pages/carte.py).
PICK_LIEU = "Lieu dont ouvrir la fiche (parmi les lieux affichés)"
PICK_LIEU_PLACEHOLDER = "Tapez le nom d'un lieu ou d'une commune"
OPEN_CARD = "Ouvrir la fiche du lieu choisi"
