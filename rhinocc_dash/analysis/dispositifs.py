"""The national programmes per territory (pure functions): France Services, Conseillers numériques,
Aidants Connect and the Pass numérique, what exists and its activity, against the population and the
modelled illectronism estimate, and the need beside the coverage.

Counts that a source cell could not give (rejected at the build, see `ingest.programmes`) stay missing:
sums skip them and each table says how many values are missing, never as zeros.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..shared.geo import commune_access
from ..shared.measures import per_inhabitants, population_within
from .coverage import farthest_communes

FS_2024, FS_2022, CNFS_LIEUX = "france_services_2024", "france_services_2022", "cnfs"
FS_RADII_KM = (10, 20)
# Need indicators of the « Déploiement et besoin » comparison: higher = more need for each.
NEED_COLUMNS = ("ifn2020_global", "taux_pauvrete", "part_illectronisme_estime")
AC_COUNTS = ("mandats", "usagers", "agents_formes")


def need_frame(gap_departements: pd.DataFrame) -> pd.DataFrame:
    """Per département: population, modelled illectronism estimate, IFN 2020, poverty rate, and the
    estimate's share of the population (`gap_departements`: the gap analysis at département level)."""
    need = gap_departements[
        ["code", "nom", "population", "illectronisme_estime", "ifn2020_global", "taux_pauvrete"]
    ].copy()
    need["population"] = need["population"].astype(float)
    need["part_illectronisme_estime"] = need["illectronisme_estime"] / need["population"]
    return need.sort_values("code").reset_index(drop=True)


def _rates(frame: pd.DataFrame, count: str, stem: str) -> pd.DataFrame:
    frame[f"{stem}_pour_10000"] = per_inhabitants(frame[count].astype(float), frame["population"])
    frame[f"{stem}_pour_10000_illectronisme"] = per_inhabitants(
        frame[count].astype(float), frame["illectronisme_estime"].astype(float)
    )
    return frame


def _with_total(table: pd.DataFrame, total: dict) -> pd.DataFrame:
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def region_need(need: pd.DataFrame, code: str, name: str) -> dict:
    """The need frame's figures for the whole région (sums; no IFN or poverty: those are published)."""
    return {
        "code": code,
        "nom": name,
        "population": float(need["population"].sum()),
        "illectronisme_estime": float(need["illectronisme_estime"].sum()),
    }


def aidants_connect_table(ac: pd.DataFrame, need: pd.DataFrame, region: dict) -> pd.DataFrame:
    """Habilitated structures, structures with no mandate, mandates, users, agents trained per
    département, per 10,000 inhabitants and per 10,000 people of the illectronism estimate; the last
    row is the région's, counted on the whole file (not summed from the rows above)."""

    def figures(part: pd.DataFrame) -> dict:
        row = {
            "structures": len(part),
            "structures_sans_mandat": int((part["mandats"] == 0).sum()),
        }
        for column in AC_COUNTS:
            row[column] = int(part[column].sum(skipna=True))
        row["valeurs_manquantes"] = int(part[list(AC_COUNTS)].isna().sum().sum())
        return row

    rows = [{"code": code, **figures(ac[ac["departement"] == code])} for code in need["code"]]
    table = need[["code", "nom", "population", "illectronisme_estime"]].merge(
        pd.DataFrame(rows), on="code"
    )
    table = _with_total(table, {**region, **figures(ac)})
    _rates(table, "structures", "structures")
    return _rates(table, "mandats", "mandats")


def inactive_structures(ac: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Structures habilitated with 0 mandate recorded (habilitated but inactive in March 2021)."""
    part = ac[ac["mandats"] == 0]
    return pd.DataFrame(
        {
            "nom": part["nom"].to_numpy(),
            "departement": part["departement"].map(names).to_numpy(),
            "code_postal": part["code_postal"].to_numpy(),
            "usagers": part["usagers"].to_numpy(),
            "agents_formes": part["agents_formes"].to_numpy(),
        }
    ).sort_values(["departement", "nom"], ignore_index=True)


def cnfs_table(
    posts: pd.DataFrame, lieux: pd.DataFrame, need: pd.DataFrame, region: dict
) -> pd.DataFrame:
    """Conseiller numérique posts granted in 2021 per département: host structures, posts by host type,
    in ZRR and in QPV, the State's estimated investment (€), rates, and the 2022 lieux d'activité."""

    def figures(part: pd.DataFrame, sites: pd.DataFrame) -> dict:
        postes = part["postes"]
        return {
            "structures": len(part),
            "postes": int(postes.sum(skipna=True)),
            "postes_publics": int(postes[part["type_structure"] == "publique"].sum(skipna=True)),
            "postes_prives": int(postes[part["type_structure"] == "privée"].sum(skipna=True)),
            "postes_zrr": int(postes[part["zrr"].fillna(False).astype(bool)].sum(skipna=True)),
            "postes_qpv": int(postes[part["qpv"].fillna(False).astype(bool)].sum(skipna=True)),
            "investissement_eur": int(part["investissement_eur"].sum(skipna=True)),
            "valeurs_manquantes": int(part[["postes", "investissement_eur"]].isna().sum().sum()),
            "lieux_activite_2022": len(sites),
        }

    rows = [
        {
            "code": code,
            **figures(posts[posts["departement"] == code], lieux[lieux["departement"] == code]),
        }
        for code in need["code"]
    ]
    table = need[["code", "nom", "population", "illectronisme_estime"]].merge(
        pd.DataFrame(rows), on="code"
    )
    table = _with_total(table, {**region, **figures(posts, lieux)})
    return _rates(table, "postes", "postes")


def france_services_access(
    points: pd.DataFrame, communes: pd.DataFrame, sites: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the population points with their département and their distance to the nearest France
    Services site of `sites` (straight line, km; column `nearest_lieu_km` of `geo`), every commune
    farthest from a France Services first (median distance of its inhabitants))."""
    access, distances = commune_access(
        communes, points, sites.dropna(subset=["latitude", "longitude"])
    )
    distances["departement"] = distances["code_insee"].map(
        communes.set_index("code_insee")["departement"]
    )
    farthest = farthest_communes(communes, access, len(communes)).reset_index(drop=True)
    return distances, farthest


def beyond(distances: pd.DataFrame, km: float) -> float:
    """Inhabitants farther than `km` from the nearest site: all of them minus those within `km`."""
    total = float(distances["population"].sum())
    return total - population_within(distances["nearest_lieu_km"], distances["population"], km)


def france_services_table(
    sites: pd.DataFrame, distances: pd.DataFrame, need: pd.DataFrame, region: dict
) -> pd.DataFrame:
    """France Services sites 2022 and 2024 per département, sites per 10,000 inhabitants and per
    10,000 people of the illectronism estimate (2024), and the population farther than 10 and 20 km
    (straight line) from the nearest France Services of 2024."""

    def figures(part: pd.DataFrame, people: pd.DataFrame) -> dict:
        row = {
            "sites_2022": int((part["source"] == FS_2022).sum()),
            "sites_2024": int((part["source"] == FS_2024).sum()),
        }
        row["evolution"] = row["sites_2024"] - row["sites_2022"]
        total = float(people["population"].sum())
        for km in FS_RADII_KM:
            far = beyond(people, km)
            row[f"population_au_dela_{km}km"] = int(round(far))
            row[f"part_au_dela_{km}km"] = far / total if total else np.nan
        return row

    rows = [
        {
            "code": code,
            **figures(
                sites[sites["departement"] == code], distances[distances["departement"] == code]
            ),
        }
        for code in need["code"]
    ]
    table = need[["code", "nom", "population", "illectronisme_estime"]].merge(
        pd.DataFrame(rows), on="code"
    )
    table = _with_total(table, {**region, **figures(sites, distances)})
    return _rates(table, "sites_2024", "sites")


def need_and_coverage(
    need: pd.DataFrame, coverage: pd.DataFrame, need_column: str, coverage_column: str
) -> pd.DataFrame:
    """Départements ranked by need (rank 1 = most need) beside their coverage by a programme and its
    rank (rank 1 = best covered). A comparison, not an evaluation of the programme."""
    frame = need[["code", "nom", need_column]].merge(coverage[["code", coverage_column]], on="code")
    frame["rang_besoin"] = frame[need_column].rank(ascending=False, method="min").astype("Int64")
    frame["rang_couverture"] = (
        frame[coverage_column].rank(ascending=False, method="min").astype("Int64")
    )
    return frame.sort_values(["rang_besoin", "nom"], ignore_index=True)


def rank_correlation(frame: pd.DataFrame, need_column: str, coverage_column: str) -> float:
    """Spearman's rank correlation between the need and the coverage (NaN with fewer than 3 rows)."""
    known = frame[[need_column, coverage_column]].dropna()
    if len(known) < 3:
        return float("nan")
    return float(known[need_column].rank().corr(known[coverage_column].rank()))


def pass_numerique_lieux(lieux: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The lieux where the data says the Pass numérique (APTIC label) is accepted."""
    return pd.DataFrame(
        {
            "nom": lieux["nom"].to_numpy(),
            "commune": lieux["commune"].to_numpy(),
            "departement": lieux["departement"].map(names).to_numpy(),
        }
    )


def by_epci(
    epci_names: pd.DataFrame,
    communes: pd.DataFrame,
    dep: str,
    fs_sites: pd.DataFrame,
    posts: pd.DataFrame,
    ac: pd.DataFrame,
) -> pd.DataFrame:
    """Per EPCI with a member commune in `dep`: France Services 2024 sites, Conseiller numérique posts
    (2021, hosts with a known commune) and Aidants Connect structures and mandates (2021, structures
    located through their address), counted on the EPCI's communes in the région."""
    members = communes[communes["departement"] == dep]["epci_siren"].dropna().unique()
    in_scope = communes[communes["epci_siren"].isin(members)]
    epci_of = in_scope.set_index("code_insee")["epci_siren"]

    def count(frame: pd.DataFrame, value: str | None = None) -> pd.Series:
        """Rows (or the sum of `value`) per EPCI: 0 where the EPCI has none, missing where its
        only values were rejected (never a zero standing for them)."""
        located = frame.assign(epci=frame["code_insee"].map(epci_of)).dropna(subset=["epci"])
        grouped = located.groupby("epci")
        if value is None:
            return table["code"].map(grouped.size()).fillna(0).astype("int64")
        sums = table["code"].map(grouped[value].sum(min_count=1)).astype("Int64")
        return sums.mask(~table["code"].isin(located["epci"]), 0)

    table = pd.DataFrame({"code": sorted(members)})
    table["nom"] = table["code"].map(epci_names.set_index("code")["nom"])
    table["population"] = table["code"].map(in_scope.groupby("epci_siren")["population"].sum())
    fs = fs_sites[fs_sites["source"] == FS_2024]
    for column, series in (
        ("sites_france_services_2024", count(fs)),
        ("postes_conseillers_2021", count(posts, "postes")),
        ("structures_aidants_connect_2021", count(ac)),
        ("mandats_aidants_connect_2021", count(ac, "mandats")),
    ):
        table[column] = series
    return table
