"""Assemble the warehouse tables (pandas frames) from the territory, the indicators and the venue records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..shared.config import REGION
from ..shared.measures import weighted_mean
from . import indicators
from .territory import COMMUNE_TOLERANCE, LARGE_TOLERANCE, Territory, display_geojson

FRANCE = "FR"  # Filosofi's France métropolitaine row
TERRITORY_NAMES = {FRANCE: "France métropolitaine", REGION.code: REGION.name}


def territory_tables(
    sources: Path, territory: Territory, departements: list[dict], qpv: list[dict]
) -> dict:
    ref = territory.communes
    population = indicators.population_2023(sources, territory)
    communes = pd.DataFrame(
        {
            "code_insee": ref["code_insee"],
            "nom": ref["nom"],
            "departement": ref["departement"],
            "epci_siren": ref["code_epci"],
            "population": ref["code_insee"].map(population).astype("Int64"),
            "longitude": ref["longitude"].round(6),
            "latitude": ref["latitude"].round(6),
            "codes_postaux": ref["codes_postaux"],
            "geometry": ref["code_insee"].map(
                lambda c: display_geojson(territory.shapes[c], COMMUNE_TOLERANCE)
            ),
        }
    )
    dep_population = communes.groupby("departement")["population"].sum()
    deps = (
        pd.DataFrame(
            [
                {
                    "code": d["code"],
                    "nom": d["nom"],
                    "population": int(dep_population.get(d["code"], 0)),
                    "n_communes": int((communes["departement"] == d["code"]).sum()),
                    "geometry": display_geojson(d["geometry"], LARGE_TOLERANCE),
                }
                for d in departements
            ]
        )
        .sort_values("code")
        .reset_index(drop=True)
    )
    epci_names = ref.drop_duplicates("code_epci").set_index("code_epci")["nom_epci"]
    members = communes.groupby("epci_siren")
    epci = pd.DataFrame({"siren": sorted(territory.epci_shapes)})
    epci["nom"] = epci["siren"].map(epci_names)
    epci["population"] = epci["siren"].map(members["population"].sum()).astype("Int64")
    epci["n_communes"] = epci["siren"].map(members.size()).astype("Int64")
    epci["departements"] = epci["siren"].map(members["departement"].agg(lambda s: sorted(set(s))))
    epci["geometry"] = epci["siren"].map(
        lambda s: display_geojson(territory.epci_shapes[s], LARGE_TOLERANCE)
    )
    qpv_frame = (
        pd.DataFrame(
            [
                {
                    "code_qp": q.get("code_qp"),
                    "nom_qp": q.get("nom_qp"),
                    "code_commune": q.get("code_commune"),
                    "departement": q.get("code_departement"),
                    "geometry": display_geojson(q["geometry"], 0.0005),
                }
                for q in qpv
            ]
        )
        .sort_values("code_qp")
        .reset_index(drop=True)
    )
    return {"communes": communes, "departements": deps, "epci": epci, "qpv": qpv_frame}


def indicator_tables(sources: Path, territory: Territory, frames: dict) -> dict:
    communes = frames["communes"]
    ifn2020 = indicators.ifn2020_by_commune(sources, territory)
    weights = indicators.iris_scores(sources).groupby("code_commune")["population_p16"].sum()
    ifn2023 = indicators.ifn2023_by_commune(sources, territory, weights)
    filosofi = indicators.filosofi_by_commune(sources, territory)
    table = pd.DataFrame({"code_insee": communes["code_insee"]})
    for frame in (ifn2020, ifn2023, filosofi):
        table = table.join(frame, on="code_insee")
    epci = frames["epci"]
    epci_ifn = indicators.ifn2023_by_epci(sources, epci["siren"])
    epci_filo = indicators.filosofi_by_epci(sources, epci["siren"])
    frames["epci"] = epci.join(epci_ifn, on="siren").join(epci_filo, on="siren")
    return {
        "commune_indicators": table,
        "departement_indicators": _departement_indicators(
            sources, communes, table, frames["departements"]
        ),
    }


def _departement_indicators(
    sources: Path, communes: pd.DataFrame, table: pd.DataFrame, names: pd.DataFrame
) -> pd.DataFrame:
    """Département rows, plus the région and France métropolitaine (FR) reference rows."""
    ref = indicators.filosofi_reference_rows(sources)
    merged = communes[["code_insee", "departement", "population"]].merge(table, on="code_insee")
    rows = []
    groups = [
        (code, merged[merged["departement"] == code])
        for code in sorted(merged["departement"].unique())
    ]
    groups.append((REGION.code, merged))
    for code, part in groups:
        rows.append(
            {
                "code": code,
                "niveau": "region" if code == REGION.code else "departement",
                "population": int(part["population"].sum()),
                "n_communes": len(part),
                "ifn2020_global": weighted_mean(
                    part["ifn2020_global"], part["ifn2020_population_p16"]
                ),
                "ifn2023_total": weighted_mean(
                    part["ifn2023_total"], part["population"].astype(float)
                ),
            }
        )
    if REGION.code != FRANCE:  # a national build's région row is France's
        rows.append({"code": FRANCE, "niveau": "france_metropolitaine"})
    frame = pd.DataFrame(rows)
    frame["nom"] = frame["code"].map(
        {**dict(zip(names["code"], names["nom"], strict=True)), **TERRITORY_NAMES}
    )
    for col in ("population", "n_communes"):
        frame[col] = frame[col].astype("Int64")
    frame = frame.join(ref[["revenu_median", "taux_pauvrete", "menages_fiscaux"]], on="code")
    return frame


def venue_tables(records, lieux, lieu_records, merges, venue_results) -> dict:
    records = records.sort_values("record_id").reset_index(drop=True)
    quarantine = pd.DataFrame(
        [q for res in venue_results for q in res.quarantine],
        columns=["source", "source_row", "reason_code", "reason", "raw"],
    )
    stats = pd.DataFrame(
        [
            {
                "source": res.source,
                "file": Path(res.file).name,
                "vintage": res.vintage,
                "rows_in_file": res.rows_in_file,
                "rows_outside_region": res.rows_outside_region,
                "rows_read": res.rows_read,
                "rows_accepted": res.rows_accepted,
                "rows_quarantined": len(res.quarantine),
                "encoding": res.encoding,
                "notes": "; ".join(res.notes + res.problems),
            }
            for res in venue_results
        ]
    )
    return {
        "venue_records": records,
        "lieux": lieux.sort_values("lieu_id").reset_index(drop=True),
        "lieu_records": lieu_records.sort_values(["lieu_id", "record_id"]).reset_index(drop=True),
        "dedup_pairs": merges,
        "quarantine": quarantine.sort_values(["source", "source_row"]),
        "source_stats": stats,
    }
