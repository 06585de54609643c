"""Indicator values per territory level and their quantile classes for the map's choropleth."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Sequential, colour-blind-safe (viridis, light to dark = low to high) and a neutral grey for missing data.
SEQUENTIAL = ((253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84))
MISSING_COLOUR = (190, 190, 190)

IFN2020_SOURCE = "La MedNum, indice de fragilité numérique 2020"
IFN2023_SOURCE = "La MedNum, fragilite-numerique.fr, export 2023"
FILOSOFI_SOURCE = "Insee, Filosofi 2019"
ACCESS_SOURCE = "Lieux dédoublonnés (rhinocc-dash) ; population municipale 2023, Insee"


@dataclass(frozen=True)
class Indicator:
    label: str
    unit: str
    source: str
    decimals: int = 1


INDICATORS = {
    "ifn2020_global": Indicator(
        "IFN 2020 · score global", "indice, 100 = moyenne régionale", IFN2020_SOURCE
    ),
    "ifn2020_acces_interfaces": Indicator(
        "IFN 2020 · accès aux interfaces numériques",
        "indice, 100 = moyenne régionale",
        IFN2020_SOURCE,
    ),
    "ifn2020_acces_information": Indicator(
        "IFN 2020 · accès à l'information", "indice, 100 = moyenne régionale", IFN2020_SOURCE
    ),
    "ifn2020_competences_administratives": Indicator(
        "IFN 2020 · compétences administratives", "indice, 100 = moyenne régionale", IFN2020_SOURCE
    ),
    "ifn2020_competences_numeriques": Indicator(
        "IFN 2020 · compétences numériques et scolaires",
        "indice, 100 = moyenne régionale",
        IFN2020_SOURCE,
    ),
    "ifn2023_total": Indicator(
        "IFN 2023 · moyenne des 5 déciles", "décile, 1 à 10", IFN2023_SOURCE
    ),
    "ifn2023_sans_thd": Indicator(
        "IFN 2023 · sans très haut débit", "décile, 1 à 10", IFN2023_SOURCE
    ),
    "ifn2023_sans_4g": Indicator("IFN 2023 · sans couverture 4G", "décile, 1 à 10", IFN2023_SOURCE),
    "ifn2023_pauvrete": Indicator("IFN 2023 · pauvreté", "décile, 1 à 10", IFN2023_SOURCE),
    "ifn2023_plus_65_ans": Indicator(
        "IFN 2023 · part des 65 ans et plus", "décile, 1 à 10", IFN2023_SOURCE
    ),
    "ifn2023_peu_diplomes": Indicator(
        "IFN 2023 · peu ou pas diplômés", "décile, 1 à 10", IFN2023_SOURCE
    ),
    "revenu_median": Indicator(
        "Revenu médian par unité de consommation", "€ par an", FILOSOFI_SOURCE, 0
    ),
    "taux_pauvrete": Indicator("Taux de pauvreté (seuil à 60 %)", "%", FILOSOFI_SOURCE),
    "lieux_pour_10000": Indicator(
        "Lieux pour 10 000 habitants", "lieux pour 10 000 hab.", ACCESS_SOURCE, 2
    ),
    "distance_lieu_km": Indicator(
        "Distance au lieu le plus proche", "km, à vol d'oiseau", ACCESS_SOURCE
    ),
}
IFN2020_KEYS = [k for k in INDICATORS if k.startswith("ifn2020")]
IFN2023_KEYS = [k for k in INDICATORS if k.startswith("ifn2023")]
# How a value above the commune is obtained, shown in the legend.
AGGREGATION_NOTES = {
    "ifn2020": "moyenne des communes pondérée par la population 2016",
    "ifn2023_departement": "moyenne des communes pondérée par la population 2023",
    "ifn2023_epci": "valeur publiée pour l'EPCI entier",
    "filosofi": "valeur publiée par l'Insee pour le territoire",
    "distance": "moyenne des communes pondérée par la population",
}


def _weighted(frame: pd.DataFrame, key: str, columns, weight: str) -> pd.DataFrame:
    out = {}
    for col in columns:
        valid = frame[frame[col].notna() & (frame[weight] > 0)]
        out[col] = (valid[col] * valid[weight]).groupby(valid[key]).sum() / valid.groupby(key)[
            weight
        ].sum()
    return pd.DataFrame(out)


def commune_values(
    communes: pd.DataFrame, indicators: pd.DataFrame, access: pd.DataFrame
) -> pd.DataFrame:
    """One row per commune: identity, population, every indicator, lieux and distance for the given lieux."""
    frame = (
        communes[["code_insee", "nom", "departement", "epci_siren", "population"]]
        .merge(indicators, on="code_insee", how="left")
        .merge(
            access[["code_insee", "nearest_lieu_km", "lieux_in_commune"]],
            on="code_insee",
            how="left",
        )
    )
    pop = frame["population"].astype(float)
    frame["lieux_pour_10000"] = np.where(pop > 0, frame["lieux_in_commune"] / pop * 10_000, np.nan)
    frame["distance_lieu_km"] = frame["nearest_lieu_km"]
    return frame


def level_values(level: str, communes: pd.DataFrame, territories: pd.DataFrame) -> pd.DataFrame:
    """Indicator values at `level` ('commune', 'epci', 'departement') with `code`, `nom`, `population`.

    `communes` comes from `commune_values`; `territories` holds the published EPCI or département rows
    (code, nom and, where published, ifn2023_* for EPCI, revenu_median and taux_pauvrete).
    """
    if level == "commune":
        return communes.rename(columns={"code_insee": "code"})
    key = "epci_siren" if level == "epci" else "departement"
    frame = communes.copy()
    frame["ifn2020_weight"] = frame.get("ifn2020_population_p16", frame["population"]).astype(float)
    frame["pop_weight"] = frame["population"].astype(float)
    grouped = frame.groupby(key)
    out = pd.DataFrame(
        {"population": grouped["population"].sum(), "lieux": grouped["lieux_in_commune"].sum()}
    )
    out = out.join(_weighted(frame, key, IFN2020_KEYS, "ifn2020_weight"))
    if level == "departement":
        out = out.join(_weighted(frame, key, IFN2023_KEYS, "pop_weight"))
    out = out.join(_weighted(frame, key, ["distance_lieu_km"], "pop_weight"))
    out["lieux_pour_10000"] = np.where(
        out["population"] > 0, out["lieux"] / out["population"] * 10_000, np.nan
    )
    published = territories.set_index("code")
    keep = [c for c in published.columns if c in INDICATORS or c == "nom"]
    out = out.drop(columns=[c for c in keep if c in out.columns]).join(published[keep])
    return out.reset_index(names="code")


def aggregation_note(indicator: str, level: str) -> str | None:
    if level == "commune":
        return None
    if indicator.startswith("ifn2020"):
        return AGGREGATION_NOTES["ifn2020"]
    if indicator.startswith("ifn2023"):
        return AGGREGATION_NOTES[f"ifn2023_{level}"]
    if indicator in ("revenu_median", "taux_pauvrete"):
        return AGGREGATION_NOTES["filosofi"]
    if indicator == "distance_lieu_km":
        return AGGREGATION_NOTES["distance"]
    return None


@dataclass(frozen=True)
class LegendEntry:
    colour: tuple[int, int, int]
    label: str
    count: int


def quantile_classes(values: pd.Series, n_classes: int = 5) -> tuple[np.ndarray, list[float]]:
    """Class index per value (-1 for missing) and the class breaks (quantiles of the known values)."""
    known = values.dropna().to_numpy(dtype=float)
    if known.size == 0:
        return np.full(len(values), -1), []
    breaks = sorted(set(np.quantile(known, np.linspace(0, 1, n_classes + 1)).round(6)))
    if len(breaks) == 1:
        breaks = [breaks[0], breaks[0]]
    inner = np.asarray(breaks[1:-1])
    classes = np.searchsorted(inner, values.to_numpy(dtype=float), side="right")
    classes = np.where(values.isna().to_numpy(), -1, classes)
    return classes, breaks


def colours_for(classes: np.ndarray, n_breaks: int) -> list[tuple[int, int, int]]:
    """Palette colour per class, spread over the palette when there are fewer than five classes."""
    n = max(n_breaks - 1, 1)
    steps = np.linspace(0, len(SEQUENTIAL) - 1, n).round().astype(int)
    return [MISSING_COLOUR if c < 0 else SEQUENTIAL[steps[min(c, n - 1)]] for c in classes]


def legend(classes: np.ndarray, breaks: list[float], fmt) -> list[LegendEntry]:
    """Legend rows: each class's range and count, then missing values (always listed, even at zero)."""
    n = max(len(breaks) - 1, 1)
    colours = colours_for(np.arange(n), len(breaks))
    entries = [
        LegendEntry(
            colours[i], f"{fmt(breaks[i])} – {fmt(breaks[i + 1])}", int((classes == i).sum())
        )
        for i in range(n)
        if breaks
    ]
    entries.append(LegendEntry(MISSING_COLOUR, "Donnée manquante", int((classes < 0).sum())))
    return entries
