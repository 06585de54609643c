"""Need indicators per commune (2026 list), EPCI and département: IFN 2020, IFN 2023, Filosofi 2019.

Each reader accepts the Occitanie file of the sources folder or, when absent, the national file the
public origin serves (kept in `indicators/raw/`), and keeps the 13 départements. Missing stays
missing: IFN 2020 zeros and INSEE secret cells become NULL, never 0.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..shared.config import REGION
from ..shared.measures import weighted_means
from .catalog import BY_KEY
from .checked import csv_table, reading
from .territory import Territory

IFN2020_AXES = {
    "score_global": "ifn2020_global",
    "acces_interfaces_numeriques": "ifn2020_acces_interfaces",
    "acces_information": "ifn2020_acces_information",
    "competences_administratives": "ifn2020_competences_administratives",
    "competences_numeriques_scolaires": "ifn2020_competences_numeriques",
    "global_acces": "ifn2020_global_acces",
    "global_competences": "ifn2020_global_competences",
}
TEAM48_HEADERS = {
    "SCORE GLOBAL region 1": "score_global",
    "ACCES A L'INFORMATION region 1": "acces_information",
    "ACCÈS AUX INTERFACES NUMERIQUES region 1": "acces_interfaces_numeriques",
    "COMPETENCES ADMINISTATIVES region 1": "competences_administratives",
    "COMPÉTENCES NUMÉRIQUES / SCOLAIRES region 1": "competences_numeriques_scolaires",
    "GLOBAL ACCES region 1": "global_acces",
    "GLOBAL COMPETENCES region 1": "global_competences",
}
PARQUET_HEADERS = {
    "SCORE GLOBAL ": "score_global",
    "ACCES A L'INFORMATION": "acces_information",
    "ACCÈS AUX INTERFACES NUMERIQUES": "acces_interfaces_numeriques",
    "COMPETENCES ADMINISTATIVES": "competences_administratives",
    "COMPÉTENCES NUMÉRIQUES / SCOLAIRES": "competences_numeriques_scolaires",
    "GLOBAL ACCES": "global_acces",
    "GLOBAL COMPETENCES": "global_competences",
    "Population": "population_p16",
}
IFN2023 = {
    "no_thd_coverage_rate": "ifn2023_sans_thd",
    "no_4g_coverage_rate": "ifn2023_sans_4g",
    "poverty_rate": "ifn2023_pauvrete",
    "older_65_rate": "ifn2023_plus_65_ans",
    "nscol15p_rate": "ifn2023_peu_diplomes",
}
FILOSOFI = {"MED19": "revenu_median", "TP6019": "taux_pauvrete", "NBMENFISC19": "menages_fiscaux"}


def _in_region(codes: pd.Series) -> pd.Series:
    return codes.str[:2].isin(REGION.departements)


def _regional(key: str, sources: Path) -> tuple[Path, bool]:
    """The file to read for a catalogue key, and whether it is the Occitanie copy (else national)."""
    path = BY_KEY[key].locate(sources)
    return path, path == sources / BY_KEY[key].path


def iris_scores(sources: Path) -> pd.DataFrame:
    """IFN 2020 per IRIS: full-precision scores where published, integer scores otherwise, and P16 population."""
    d4g_path, regional = _regional("ifn2020_iris", sources)
    if regional:
        d4g = csv_table(
            d4g_path,
            {"code_iris": "code:9", **{f"{k}__ref_region": "number" for k in IFN2020_AXES}},
        )
        d4g = d4g.rename(columns={f"{k}__ref_region": k for k in IFN2020_AXES})
    else:
        with reading(d4g_path):
            headers = (
                (sources / BY_KEY["ifn2020_iris"].parts[0][0])
                .read_text(encoding="utf-8-sig")
                .strip()
                .split(";")
            )
            d4g = pd.read_csv(
                d4g_path, sep=";", header=None, names=headers, dtype={"Code Iris": str}
            )
            d4g = d4g.rename(columns={"Code Iris": "code_iris", **TEAM48_HEADERS})[
                ["code_iris", *IFN2020_AXES]
            ]
            d4g["code_iris"] = d4g["code_iris"].str.zfill(9)
    tab_path, regional = _regional("ifn2020_tableau", sources)
    if regional:
        tab = csv_table(
            tab_path,
            {
                "code_iris": "code:9",
                "code_commune": "code:5",
                "population_p16": "number",
                **{f"{k}__ref_region_int": "number" for k in IFN2020_AXES},
            },
        )
        tab = tab.rename(columns={f"{k}__ref_region_int": k for k in IFN2020_AXES})
    else:
        with reading(tab_path):
            tab = pd.read_parquet(tab_path).rename(columns=PARQUET_HEADERS)
            tab = tab[_in_region(tab["code_iris"])].copy()
            tab["code_commune"] = tab["code_iris"].str[:5]
    tab = tab[["code_iris", "code_commune", "population_p16", *IFN2020_AXES]]
    merged = tab.merge(d4g, on="code_iris", how="left", suffixes=("_int", ""))
    for axis in IFN2020_AXES:
        merged[axis] = merged[axis].fillna(merged[f"{axis}_int"]).replace(0.0, np.nan)
    return merged[["code_iris", "code_commune", "population_p16", *IFN2020_AXES]]


def ifn2020_by_commune(sources: Path, territory: Territory) -> pd.DataFrame:
    iris = iris_scores(sources)
    iris["code_insee"] = iris["code_commune"].map(territory.current_code)
    result = weighted_means(iris, "code_insee", IFN2020_AXES, "population_p16").rename(
        columns=IFN2020_AXES
    )
    result["ifn2020_population_p16"] = iris.groupby("code_insee")["population_p16"].sum()
    return result


def _ifn2023(sources: Path, key: str, code: str, width: int) -> pd.DataFrame:
    path, regional = _regional(key, sources)
    columns = [*IFN2023, "total_mean5"]
    if regional:
        frame = csv_table(path, {code: f"code:{width}", **dict.fromkeys(columns, "number")})
    else:
        with reading(path):
            frame = pd.read_csv(path, dtype=str)
            # National export: name, division, code, deciles, total.
            frame = frame.rename(columns={"code": code, "total": "total_mean5"})
            for col in columns:
                frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame.rename(columns={**IFN2023, "total_mean5": "ifn2023_total"})


def ifn2023_by_commune(sources: Path, territory: Territory, weights: pd.Series) -> pd.DataFrame:
    frame = _ifn2023(sources, "ifn2023_commune", "code_commune", 5)
    frame = frame[_in_region(frame["code_commune"])].copy()
    frame["code_insee"] = frame["code_commune"].map(territory.current_code)
    frame["weight"] = frame["code_commune"].map(weights).fillna(1.0)
    columns = [*IFN2023.values(), "ifn2023_total"]
    return weighted_means(frame, "code_insee", columns, "weight")


def ifn2023_by_epci(sources: Path, sirens) -> pd.DataFrame:
    frame = _ifn2023(sources, "ifn2023_epci", "code_epci", 9)
    frame = frame[frame["code_epci"].isin(set(sirens))]
    return frame.set_index("code_epci")[[*IFN2023.values(), "ifn2023_total"]]


def _filosofi_frame(sources: Path, key: str, zip_member: str, code_width: int = 0) -> pd.DataFrame:
    path, regional = _regional(key, sources)
    if path.suffix == ".zip":
        with reading(path):
            with zipfile.ZipFile(path) as archive:
                data = archive.read(zip_member).decode("utf-8")
            frame = pd.read_csv(io.StringIO(data), sep=";", dtype=str)
            for col in frame.columns[1:]:
                frame[col] = pd.to_numeric(
                    frame[col].str.replace(",", ".", regex=False), errors="coerce"
                )
            return frame
    columns = {"CODGEO": f"code:{code_width}" if code_width else "text"}
    if key == "filosofi_departement":
        columns["NIVEAU"] = "text"
    return csv_table(path, {**columns, **dict.fromkeys(FILOSOFI, "number")})


def filosofi_by_commune(sources: Path, territory: Territory) -> pd.DataFrame:
    """Median income and poverty rate per 2026 commune; a commune merged since 2021 has none (a
    median of
    several communes cannot be rebuilt from theirs)."""
    frame = _filosofi_frame(sources, "filosofi_commune", "cc_filosofi_2019_COM.csv", 5)
    frame = frame[_in_region(frame["CODGEO"])].copy()
    frame["code_insee"] = frame["CODGEO"].map(territory.current_code)
    single = frame.groupby("code_insee")["CODGEO"].transform("count") == 1
    return frame[single].set_index("code_insee")[list(FILOSOFI)].rename(columns=FILOSOFI)


def filosofi_by_epci(sources: Path, sirens) -> pd.DataFrame:
    frame = _filosofi_frame(sources, "filosofi_epci", "cc_filosofi_2019_EPCI.csv", 9)
    frame = frame[frame["CODGEO"].isin(set(sirens))]
    return frame.set_index("CODGEO")[list(FILOSOFI)].rename(columns=FILOSOFI)


def filosofi_reference_rows(sources: Path) -> pd.DataFrame:
    """Filosofi rows for the départements, the région and France métropolitaine (FR)."""
    path = BY_KEY["filosofi_departement"].locate(sources)
    if path.suffix == ".zip":
        parts = []
        for member, niveau, keep in (
            ("cc_filosofi_2019_DEP.csv", "departement", REGION.departements),
            ("cc_filosofi_2019_REG.csv", "region", (REGION.code,)),
            ("cc_filosofi_2019_METRO.csv", "france_metropolitaine", None),
        ):
            frame = _filosofi_frame(sources, "filosofi_departement", member)
            frame = frame if keep is None else frame[frame["CODGEO"].isin(keep)]
            parts.append(frame.assign(NIVEAU=niveau))
        frame = pd.concat(parts)
    else:
        frame = _filosofi_frame(sources, "filosofi_departement", "")
    frame = frame.copy()
    frame.loc[frame["NIVEAU"] == "france_metropolitaine", "CODGEO"] = "FR"
    return frame.set_index("CODGEO")[["NIVEAU", *FILOSOFI]].rename(columns=FILOSOFI)


def population_2023(sources: Path, territory: Territory) -> pd.Series:
    """Municipal population PL 2023 per 2026 commune (population file, else the commune reference list)."""
    path = BY_KEY["population"].locate(sources)
    if path is not None and path.suffix == ".csv":
        frame = csv_table(path, {"code_commune": "code:5", "population_municipale": "integer"})
        return frame.set_index("code_commune")["population_municipale"].astype("int64")
    return territory.communes.set_index("code_insee")["population"].astype("int64")
