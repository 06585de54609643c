"""Coverage analytics: lieux, population reach and distances per département or EPCI (pure functions).

Distances are those of the population points (each commune's inhabitants spread over a grid inside it)
to the nearest lieu, in a straight line; shares and medians are weighted by the inhabitants.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import texts
from ..shared.measures import RADII_KM, per_inhabitants, share_within, weighted_median
from ..shared.vocab import SERVICE_FAMILIES
from .lieux import LABEL_CATEGORIES, OTHER, label_category

LABEL_ORDER = tuple(name for _, name in LABEL_CATEGORIES) + (OTHER,)
FAMILY_ORDER = tuple(dict.fromkeys(SERVICE_FAMILIES.values()))
# The two editions of the same ANCT list: the only pair of sources whose difference is a trend.
FRANCE_SERVICES_EDITIONS = ("france_services_2022", "france_services_2024")


def _figures(part: pd.DataFrame, points: pd.DataFrame, lieux_count: int) -> dict:
    population = float(part["population"].sum())
    row = {
        "lieux": int(lieux_count),
        "population": int(population),
        "communes": len(part),
        "communes_avec_lieu": int((part["lieux_in_commune"] > 0).sum()),
    }
    row["lieux_pour_10000"] = per_inhabitants(lieux_count, population)
    row["part_communes_avec_lieu"] = row["communes_avec_lieu"] / len(part) if len(part) else np.nan
    for radius in RADII_KM:
        row[f"part_population_{radius}km"] = share_within(
            points["nearest_lieu_km"], points["population"], radius
        )
    row["population_au_dela_10km"] = int(
        round(float(points.loc[points["nearest_lieu_km"] > 10, "population"].sum()))
    )
    row["distance_mediane_km"] = weighted_median(points["nearest_lieu_km"], points["population"])
    return row


def coverage_table(
    communes: pd.DataFrame,
    access: pd.DataFrame,
    points: pd.DataFrame,
    lieux: pd.DataFrame,
    key: str,
    names: pd.DataFrame,
) -> pd.DataFrame:
    """One row per territory (`key`: 'departement' or 'epci_siren').

    `communes`: code_insee, departement, epci_siren, population; `access`: code_insee, lieux_in_commune;
    `points`: code_insee, population, nearest_lieu_km; `lieux`: code_insee; `names`: code, nom.
    """
    frame = communes.merge(access[["code_insee", "lieux_in_commune"]], on="code_insee")
    located = points.merge(communes[["code_insee", key]], on="code_insee")
    by_key = dict(tuple(located.groupby(key)))
    lieux_key = lieux[["code_insee"]].merge(communes[["code_insee", key]], on="code_insee")
    counts = lieux_key.groupby(key).size()
    rows = [
        {"code": code, **_figures(part, by_key.get(code, located.iloc[0:0]), counts.get(code, 0))}
        for code, part in frame.groupby(key)
    ]
    table = pd.DataFrame(rows).merge(names, on="code", how="left")
    return table[["code", "nom", *[c for c in table.columns if c not in ("code", "nom")]]]


def total_row(
    communes: pd.DataFrame,
    access: pd.DataFrame,
    points: pd.DataFrame,
    lieux: pd.DataFrame,
    code: str,
    nom: str,
) -> dict:
    """The same figures for all communes given (the région, or one département)."""
    frame = communes.merge(access[["code_insee", "lieux_in_commune"]], on="code_insee")
    inside = points[points["code_insee"].isin(frame["code_insee"])]
    in_scope = lieux["code_insee"].isin(frame["code_insee"]).sum()
    return {"code": code, "nom": nom, **_figures(frame, inside, int(in_scope))}


def departement_communes(communes: pd.DataFrame, dep: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(communes of the département, Occitanie communes of every EPCI with a member in it)."""
    in_dep = communes[communes["departement"] == dep]
    return in_dep, communes[communes["epci_siren"].isin(set(in_dep["epci_siren"]))]


def label_composition(lieux: pd.DataFrame, key: str = "departement") -> pd.DataFrame:
    """Lieux per territory and main label (each lieu counted once, under its most specific label)."""
    frame = pd.DataFrame(
        {key: lieux[key], "categorie": [label_category(v) for v in lieux["labels"]]}
    )
    table = frame.groupby([key, "categorie"]).size().unstack(fill_value=0)
    return table.reindex(columns=list(LABEL_ORDER), fill_value=0).reset_index()


def family_offer(lieux: pd.DataFrame, key: str = "departement") -> pd.DataFrame:
    """Share of lieux offering each service family per territory (a lieu can offer several)."""
    rows = []
    for code, part in lieux.groupby(key):
        families = [
            {SERVICE_FAMILIES[s] for s in services if s in SERVICE_FAMILIES}
            for services in part["services"]
        ]
        row = {key: code, "lieux": len(part)}
        for family in FAMILY_ORDER:
            row[family] = sum(family in f for f in families) / len(part)
        row[texts.couverture.COVERAGE_NO_SERVICE] = sum(not f for f in families) / len(part)
        rows.append(row)
    return pd.DataFrame(rows)


def farthest_communes(
    communes: pd.DataFrame, access: pd.DataFrame, limit: int = 20
) -> pd.DataFrame:
    """Communes ranked by distance to the nearest lieu (farthest first), with their population."""
    frame = communes.merge(access, on="code_insee")
    frame = frame.sort_values(["distance_mediane_km", "population"], ascending=[False, False]).head(
        limit
    )
    return frame[
        [
            "code_insee",
            "nom",
            "departement",
            "population",
            "distance_mediane_km",
            "part_population_10km",
        ]
    ]


def france_services_evolution(records: pd.DataFrame) -> pd.DataFrame:
    """France Services sites per département in the 2022-12-01 and 2024-08-01 lists, and the change."""
    fs = records[records["source"].isin(FRANCE_SERVICES_EDITIONS)]
    table = fs.groupby(["departement", "source"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(FRANCE_SERVICES_EDITIONS), fill_value=0)
    table.columns = ["sites_2022", "sites_2024"]
    table["evolution"] = table["sites_2024"] - table["sites_2022"]
    return table.reset_index()


def records_by_source(records: pd.DataFrame) -> pd.DataFrame:
    """Accepted records per département and source, each source under its own vintage."""
    table = records.groupby(["departement", "source"]).size().unstack(fill_value=0)
    return table.reset_index()


def frame_with_total(frame: pd.DataFrame, total: dict) -> pd.DataFrame:
    """A territory table followed by its total row."""
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)[list(frame.columns)]


def reference(measure, values: pd.Series, total: dict, name: str) -> tuple[float, str]:
    """The reference line of a territory bar chart: the average per territory for a count (a total
    would flatten every bar), the whole area's own value for a rate, share or distance."""
    if measure.kind in ("count", "people"):
        return float(values.mean()), texts.couverture.COVERAGE_AVERAGE
    return total[values.name], name
