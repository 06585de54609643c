"""Data-quality figures per source: completeness, freshness, location precision, and a to-do list."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..shared.formatting import present
from .lieux import years_before

COMPLETENESS_FIELDS = {
    "nom": "Nom",
    "adresse": "Adresse",
    "code_postal": "Code postal",
    "coordonnees": "Coordonnées à l'adresse",
    "code_insee_donne": "Code commune fourni",
    "horaires": "Horaires lisibles",
    "date_maj": "Date de mise à jour",
    "services": "Services",
    "publics": "Publics",
    "telephone": "Téléphone",
    "courriel": "Courriel",
    "site_web": "Site web",
}
PRECISIONS = {
    "address": "precision_adresse",
    "street": "precision_rue",
    "commune": "precision_commune",
    "postcode": "precision_code_postal",
}
LOCATION_FLAGS = (
    "point_hors_region",
    "point_hors_commune_declaree",
    "point_hors_departement_declare",
    "departement_declare_different",
    "commune_par_defaut",
    "commune_deduite_du_nom",
    "code_postal_incoherent",
    "point_hors_code_postal",
)


def _filled(series: pd.Series) -> pd.Series:
    return series.map(present)


def completeness(records: pd.DataFrame) -> pd.DataFrame:
    """Share of records with each field filled, per source (rows) and field (columns)."""
    frame = pd.DataFrame({"source": records["source"]})
    for field in COMPLETENESS_FIELDS:
        if field == "coordonnees":
            frame[field] = records["location_precision"] == "address"
        elif field == "code_insee_donne":
            frame[field] = records["commune_method"] == "given"
        else:
            frame[field] = _filled(records[field])
    table = frame.groupby("source").mean()
    table.insert(0, "fiches", frame.groupby("source").size())
    return table.reset_index()


def freshness(records: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Per source: oldest and newest update, share undated, share older than 1, 2 and 3 years."""
    rows = []
    for source, part in records.groupby("source"):
        dates = pd.to_datetime(part["date_maj"])
        row = {
            "source": source,
            "fiches": len(part),
            "plus_ancienne": dates.min(),
            "plus_recente": dates.max(),
            "part_sans_date": dates.isna().mean(),
        }
        for years in (1, 2, 3):
            row[f"part_plus_de_{years}_ans"] = (
                dates < pd.Timestamp(years_before(today, years))
            ).mean()
        rows.append(row)
    return pd.DataFrame(rows)


def location_quality(records: pd.DataFrame) -> pd.DataFrame:
    """Per source: records located at address, commune or postcode precision, and location alerts."""
    table = pd.crosstab(records["source"], records["location_precision"]).reindex(
        columns=list(PRECISIONS), fill_value=0
    )
    table.columns = [PRECISIONS[c] for c in table.columns]
    for flag in LOCATION_FLAGS:
        table[flag] = records.groupby("source")["flags"].apply(
            lambda f, flag=flag: sum(flag in x for x in f)
        )
    return table.reset_index()


def flagged_records(records: pd.DataFrame, flags=LOCATION_FLAGS) -> pd.DataFrame:
    """Records carrying any of the given flags."""
    mask = records["flags"].map(lambda f: any(flag in f for flag in flags))
    return records[mask]


def update_thresholds(lieux: pd.DataFrame, today: dt.date, choices=range(1, 11)) -> list[int]:
    """Ages (years) that split the lieux: some dated information is younger, some older, so that the
    « to update » list is neither empty nor the whole directory."""
    dates = pd.to_datetime(lieux["date_maj"]).dropna()
    useful = []
    for years in choices:
        limit = pd.Timestamp(years_before(today, years))
        if (dates < limit).any() and (dates >= limit).any():
            useful.append(years)
    return useful or [max(choices)]


def to_update(lieux: pd.DataFrame, today: dt.date, years: int = 2) -> pd.DataFrame:
    """Lieux the hub should check: information older than `years`, undated, or missing hours or contact."""
    limit = pd.Timestamp(years_before(today, years))
    rows = []
    for lieu in lieux.to_dict("records"):
        reasons = []
        date = lieu.get("date_maj")
        if not present(date):
            reasons.append("date de mise à jour inconnue")
        elif pd.Timestamp(date) < limit:
            reasons.append(f"information de plus de {years} ans ({pd.Timestamp(date):%m/%Y})")
        if not lieu.get("horaires"):
            reasons.append("horaires absents ou illisibles")
        if not (lieu.get("telephone") or lieu.get("courriel") or lieu.get("site_web")):
            reasons.append("aucun contact")
        if not lieu.get("adresse"):
            reasons.append("adresse manquante")
        if reasons:
            rows.append(
                {
                    "lieu_id": lieu["lieu_id"],
                    "nom": lieu["nom"],
                    "commune": lieu["commune"],
                    "departement": lieu["departement"],
                    "date_maj": date,
                    "a_verifier": "; ".join(reasons),
                }
            )
    return pd.DataFrame(
        rows, columns=["lieu_id", "nom", "commune", "departement", "date_maj", "a_verifier"]
    )
