"""French texts of the declared sources: the update page's validation report, adding and retiring a
source, the CLI's listing."""

from __future__ import annotations

from ..shared.sources_manifest import ROLES

CLI_NEW_NEEDS_KEY = (
    "aucune source déclarée n'a ce format : ajoutez-le comme nouvelle source avec --add CLÉ "
    "(et --title, --producer, --licence, --origin)."
)
RETIRE_UNKNOWN = "Source « {key} » inconnue : rien à retirer (sources lues : {known})."
REPORT_TITLE = "Colonnes de « {name} » ({layout}) : ce que chacune devient"
REPORT_COLUMNS = {
    "colonne": "Colonne du fichier",
    "statut": "Lue / ignorée",
    "detail": "Lue dans / pourquoi",
}
REPORT_SUMMARY = "{read} colonnes lues, {ignored} ignorées (raison donnée pour chacune)."
CANDIDATES = "Formats possibles pour « {name} » : choisissez celui du fichier."
CHOOSE_FORMAT = "Format de « {name} »"
NEW_SOURCE = "Nouvelle source (aucune source déclarée n'a ce format)"
ADD_AS_NEW = "Ajouter « {name} » comme nouvelle source (au lieu de remplacer « {source} »)"
ADD_KEY = "Clé de la nouvelle source (minuscules, chiffres, « _ »)"
ADD_TITLE = "Titre de la nouvelle source"
ADD_PRODUCER = "Producteur"
ADD_LICENCE = "Licence"
ADD_ORIGIN = "Adresse d'origine (facultative)"
RETIRE = "Sources à retirer (elles ne seront plus lues ; la comparaison montre l'effet)"
RETIRE_HELP = "Une source retirée reste dans le manifeste et peut être rajoutée plus tard."
STATUS_READ = "lue"


def source_lines(declared, record: dict) -> list[str]:
    """One line per venue source of a published version (declared, added, retired)."""
    retired = set(record.get("retired_sources", []))
    lines = []
    for entry in declared:
        state = "retirée" if entry.key in retired else ROLES.get(entry.role, entry.role)
        lines.append(f"{entry.key:<24} {entry.vintage:<11} {state:<45} {entry.title}")
    for key, added in record.get("added_sources", {}).items():
        lines.append(
            f"{key:<24} {added['vintage']:<11} {'source ajoutée (' + added['format'] + ')':<45} "
            f"{added['title']}"
        )
    return lines
