"""Indicator values per territory level: communes, EPCI (Occitanie part) and départements."""

from __future__ import annotations

import pandas as pd

from ..shared.measures import per_inhabitants, weighted_means, weighted_medians
from .indicators import IFN2020_KEYS, IFN2023_KEYS, INDICATORS

LEVEL_KEYS = {"epci": "epci_siren", "departement": "departement"}


def commune_values(
    communes: pd.DataFrame, indicators: pd.DataFrame, access: pd.DataFrame
) -> pd.DataFrame:
    """One row per commune: identity, population, every indicator, lieux and the median distance of its
    inhabitants to the nearest lieu (`access` from `geo.commune_access` for the given lieux)."""
    frame = (
        communes[["code_insee", "nom", "departement", "epci_siren", "population"]]
        .merge(indicators, on="code_insee", how="left")
        .merge(access, on="code_insee", how="left")
    )
    frame["lieux_pour_10000"] = per_inhabitants(frame["lieux_in_commune"], frame["population"])
    frame["distance_lieu_km"] = frame["distance_mediane_km"]
    return frame


def level_values(
    level: str,
    communes: pd.DataFrame,
    territories: pd.DataFrame | None,
    distances: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Indicator values at `level` ('commune', 'epci', 'departement') with `code`, `nom`, `population`.

    `communes` comes from `commune_values`; `territories` holds the published EPCI or département rows
    (code, nom and, where published, ifn2023_* for EPCI, revenu_median and taux_pauvrete); `distances`
    the population points with their `nearest_lieu_km` (the median distance of a territory's inhabitants
    is taken over its points).
    """
    if level == "commune":
        return communes.rename(columns={"code_insee": "code"})
    key = LEVEL_KEYS[level]
    frame = communes.copy()
    frame["ifn2020_weight"] = frame.get("ifn2020_population_p16", frame["population"]).astype(float)
    frame["pop_weight"] = frame["population"].astype(float)
    grouped = frame.groupby(key)
    out = pd.DataFrame(
        {"population": grouped["population"].sum(), "lieux": grouped["lieux_in_commune"].sum()}
    )
    out = out.join(weighted_means(frame, key, IFN2020_KEYS, "ifn2020_weight"))
    if level == "departement":
        out = out.join(weighted_means(frame, key, IFN2023_KEYS, "pop_weight"))
    located = distances.merge(communes[["code_insee", key]], on="code_insee")
    out["distance_lieu_km"] = weighted_medians(located, key, "nearest_lieu_km", "population")
    out["lieux_pour_10000"] = per_inhabitants(out["lieux"], out["population"])
    published = territories.set_index("code")
    keep = [c for c in published.columns if c in INDICATORS or c == "nom"]
    out = out.drop(columns=[c for c in keep if c in out.columns]).join(published[keep])
    return out.reset_index(names="code")


def main_departement(communes: pd.DataFrame, key: str) -> pd.Series:
    """For each territory of `key`, the département holding most of its population."""
    by_dep = communes.groupby([key, "departement"])["population"].sum().reset_index()
    main = by_dep.sort_values("population").drop_duplicates(key, keep="last")
    return main.set_index(key)["departement"]
