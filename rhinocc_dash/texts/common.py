"""Texts every page uses: the app's name and menu, data flags and dates, the warehouse's state."""

from __future__ import annotations

from pathlib import Path

from ..shared.config import REGION

APP_TITLE = f"{REGION.hub or REGION.name} · tableau de bord de l'inclusion numérique"
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
    "date_future": "Date de mise à jour dans le futur (écartée)",
    "date_improbable": "Date de mise à jour antérieure à 1990 (écartée)",
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
PAGE_MAP = "Carte"


def vintage_text(vintage) -> str:
    """« 01/08/2024 » for 2024-08-01, « 12/2022 » for 2022-12 (other vintages as written)."""
    parts = str(vintage).split("-")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts):
        return "/".join(reversed(parts))
    return str(vintage)


PAGE_COVERAGE = "Couverture"
CHART_TABLE = "Tableau : {title}"
DOWNLOAD_CSV = "Télécharger le tableau (CSV)"
REGION_NAME = REGION.name
PAGE_GAP = "Analyse des écarts"
PAGE_DIRECTORY = "Annuaire"
PAGE_QUALITY = "Qualité des données"
PAGE_REPORT = "Rapport"
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


def version_label(version: str) -> str:
    """« 01/12/2026 05:41:30 (UTC) » for the snapshot 2026-12-01T05-41-30Z (other names as they are)."""
    day, _, time_ = str(version).partition("T")
    parts = day.split("-")
    if len(parts) != 3 or not time_:
        return str(version)
    return f"{'/'.join(reversed(parts))} {time_.rstrip('Z').replace('-', ':')} (UTC)"


# Bad input and source status (issue 15)
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
# Workshop mode (« Mode atelier »): a presentation for a room, one idea per screen.
PAGE_WORKSHOP = "Mode atelier"
