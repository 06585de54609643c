"""The lieux filters of the sidebar (Carte, Annuaire, Couverture)."""

from __future__ import annotations

FILTERS_TITLE = "Filtres"
FILTER_SEARCH = "Rechercher un lieu ou une commune"
FILTER_SEARCH_PLACEHOLDER = "ex. médiathèque, Figeac"
FILTER_DEPARTEMENTS = "Départements"
FILTER_EPCI = "EPCI"
FILTER_SOURCES = "Sources"
FILTER_LABELS = "Labels"
FILTER_SERVICES = "Services"
FILTER_PUBLICS = "Publics"
FILTER_SATURDAY = "Ouvert le samedi"
FILTER_EVENING = "Ouvert après 18 h"
FILTER_PUBLICS_NOTE = (
    "{n} lieux sur {total} n'indiquent aucun public : le filtre « Publics » les écarte."
)
FILTER_HOURS_HELP = "Seulement les lieux dont les horaires sont connus et lisibles."
FILTER_UPDATED = "Informations mises à jour"
FILTER_UPDATED_HELP = (
    "Selon la date de mise à jour la plus récente des fiches du lieu, comptée depuis le {today}."
)
ALL_PLACEHOLDER = "Tous"
NONE_PLACEHOLDER = "Aucune"


def updated_label(years, count=None) -> str:
    if not years:
        return "toutes dates"
    label = f"depuis moins de {years} an" + ("s" if years > 1 else "")
    return f"{label} ({count} lieux)" if count is not None else label
