"""Page « Annuaire »: the directory of lieux and its exports in the national standard."""

from __future__ import annotations

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
