"""Gap analysis: where need is high and the offer is thin (pure functions).

Need and offer are each summarised as a weighted mean of percentile ranks (0-100) among the territories of
one level; the gap score is need minus offer (-100 to 100). Components a territory lacks are left out of
its mean (the weights of the others are rescaled); a territory with no need component has no score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..shared.config import REGION
from ..shared.formatting import fmt_decimal, fmt_estimate, fmt_int
from ..shared.geo import REACH_KM, commune_access
from ..shared.measures import per_inhabitants, shares_within
from .level_values import LEVEL_KEYS, commune_values, level_values, main_departement

# The region's total (its settings file: for Occitanie, RhinOcc 2023 presentation citing INSEE 2019);
# None for a region without one: then no estimate.
ILLECTRONISM_TOTAL = REGION.context.get("illectronisme")
# The files behind the need and offer measures (« lieux » = every current venue source).
SOURCES = (
    "ifn2020_iris",
    "ifn2020_tableau",
    "ifn2023_commune",
    "filosofi_commune",
    "population",
    "lieux",
)
ILLECTRONISM_AXIS = "ifn2020_competences_numeriques"
AXIS_FALLBACK = 100.0  # the index's regional reference value
# Hamlets of a few dozen inhabitants have indicators built on too few people to rank first: by default
# the commune ranking starts at this population (the user can lower it to 0).
DEFAULT_MINIMUM_POPULATION = 500


@dataclass(frozen=True)
class Component:
    label: str
    higher_means_more: (
        bool  # for need: higher value = more need; for offer: higher value = more offer
    )
    short: str


NEED = {
    "ifn2020_global": Component("IFN 2020, score global", True, "IFN 2020"),
    "ifn2020_competences_numeriques": Component(
        "IFN 2020, compétences numériques et scolaires", True, "compétences numériques"
    ),
    "ifn2020_acces_interfaces": Component(
        "IFN 2020, accès aux interfaces numériques", True, "accès aux interfaces"
    ),
    "ifn2020_acces_information": Component(
        "IFN 2020, accès à l'information", True, "accès à l'information"
    ),
    "ifn2020_competences_administratives": Component(
        "IFN 2020, compétences administratives", True, "compétences administratives"
    ),
    "ifn2023_total": Component("IFN 2023, moyenne des déciles", True, "IFN 2023"),
    "taux_pauvrete": Component("Taux de pauvreté (Filosofi 2019)", True, "pauvreté"),
    "revenu_median": Component(
        "Revenu médian (Filosofi 2019, plus bas = plus de besoin)", False, "revenu médian"
    ),
}
DEFAULT_WEIGHTS = {
    "ifn2020_global": 1.0,
    "ifn2020_competences_numeriques": 1.0,
    "ifn2023_total": 1.0,
    "taux_pauvrete": 1.0,
}
OFFER = {
    "lieux_pour_10000_illectronisme": Component(
        "Lieux pour 10 000 personnes en illectronisme (estimation)", True, "lieux / illectronisme"
    ),
    "acces_10km": Component("Accès à un lieu à moins de 10 km", True, "lieux à 10 km"),
    "distance_lieu_km": Component(
        "Distance médiane des habitants au lieu le plus proche", False, "distance"
    ),
}


def largest_remainder(shares: np.ndarray, total: int) -> np.ndarray:
    """Integers proportional to `shares` that add up to `total` exactly (Hamilton's method)."""
    exact = shares / shares.sum() * total
    floors = np.floor(exact).astype(np.int64)
    missing = total - floors.sum()
    order = np.argsort(-(exact - floors), kind="stable")
    floors[order[:missing]] += 1
    return floors


def estimate_illectronism(
    population: pd.Series, axis: pd.Series, total: int | None = ILLECTRONISM_TOTAL
) -> tuple[pd.Series, pd.Series]:
    """Modelled people in illectronism per commune: the regional total shared in proportion to
    population × the IFN 2020 « compétences numériques / scolaires » score; where that score is missing the
    regional reference value (100) stands in. Returns (estimate, fallback used)."""
    fallback = axis.isna()
    if total is None:  # a region without a known total: no estimate rather than an invented one
        return pd.Series(np.nan, index=population.index), fallback
    weights = population.fillna(0).to_numpy(float) * axis.fillna(AXIS_FALLBACK).to_numpy(float)
    return pd.Series(largest_remainder(weights, total), index=population.index), fallback


def percentile(values: pd.Series, higher_means_more: bool) -> pd.Series:
    """Percentile rank (0-100] among the known values; missing stays missing."""
    ranked = values.rank(pct=True, method="average", ascending=higher_means_more) * 100
    return ranked.where(values.notna())


def composite(
    frame: pd.DataFrame, components: dict[str, Component], weights: dict[str, float]
) -> pd.Series:
    """Weighted mean of the components' percentile ranks, rescaling weights over the known components."""
    total = pd.Series(0.0, index=frame.index)
    weight_sum = pd.Series(0.0, index=frame.index)
    for key, weight in weights.items():
        if weight <= 0 or key not in frame:
            continue
        ranks = percentile(frame[key], components[key].higher_means_more)
        total += ranks.fillna(0) * weight
        weight_sum += ranks.notna() * weight
    return (total / weight_sum).where(weight_sum > 0)


def offer_columns(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """Offer measures: lieux per 10,000 estimated people in illectronism, reach within 10 km, distance."""
    out = frame.copy()
    illettres = out["illectronisme_estime"].astype(float)
    out["lieux_pour_10000_illectronisme"] = per_inhabitants(out["lieux"], illettres)
    out["acces_10km"] = (
        out[f"lieux_within_{REACH_KM}km"]
        if level == "commune"
        else out[f"part_population_{REACH_KM}km"]
    )
    return out


def scores(
    frame: pd.DataFrame, need_weights: dict[str, float], minimum_population: int = 0
) -> pd.DataFrame:
    """Need, offer and gap scores, and the rank (1 = largest gap) among the territories of at least
    `minimum_population` inhabitants (the others keep their scores, without a rank).

    Percentiles are taken over every territory of the level, so the minimum only decides who is ranked:
    it moves no one's score."""
    out = frame.copy()
    out["score_besoin"] = composite(out, NEED, need_weights)
    out["score_offre"] = composite(out, OFFER, {key: 1.0 for key in OFFER})
    out["ecart"] = out["score_besoin"] - out["score_offre"]
    out["classe"] = out["population"] >= minimum_population
    ranked = out["ecart"].where(out["classe"])
    out["rang"] = ranked.rank(ascending=False, method="min").astype("Int64")
    return out.sort_values(
        ["classe", "ecart", "population"], ascending=[False, False, False], na_position="last"
    )


def ranking(
    base_before: pd.DataFrame,
    base: pd.DataFrame,
    need_weights: dict[str, float],
    minimum_population: int,
    top: int,
    with_hypotheses: bool,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The gap page's ranking: (scores without hypothetical lieux, scores with them (and the change of
    rank when there are some), the ranked territories, the same explained for the first `top`)."""
    before = scores(base_before, need_weights, minimum_population)
    scored = scores(base, need_weights, minimum_population) if with_hypotheses else before.copy()
    if with_hypotheses:
        scored["evolution_rang"] = rank_changes(before, scored)
    ranked = scored[scored["classe"]]
    return before, scored, ranked, explain(ranked, need_weights, top)


def why(row: pd.Series, need_weights: dict[str, float]) -> str:
    """One line saying what drives a territory's score."""
    drivers = []
    for key in sorted(
        (k for k, w in need_weights.items() if w > 0 and pd.notna(row.get(k))),
        key=lambda k: -row.get(f"pct_{k}", 0),
    ):
        drivers.append(
            f"{NEED[key].short} {fmt_decimal(row[key], 1)} ({fmt_int(row.get(f'pct_{key}', 0))}e centile)"
        )
        if len(drivers) == 2:
            break
    distance = row.get("distance_lieu_km")
    offer = (
        "aucun lieu sur place"
        if row.get("lieux", 0) == 0
        else f"{fmt_int(row['lieux'])} {'lieu' if row['lieux'] == 1 else 'lieux'} sur place"
    )
    if pd.notna(distance):
        offer += f", distance médiane au lieu le plus proche {fmt_decimal(distance, 1)} km"
    people = f"{fmt_estimate(row['illectronisme_estime'])} personnes en illectronisme (estimation)"
    return " · ".join([*drivers, offer, people])


def explain(
    frame: pd.DataFrame, need_weights: dict[str, float], top: int | None = None
) -> pd.DataFrame:
    """Percentiles of every need component over all territories, and the « pourquoi » of the first `top`."""
    out = frame.copy()
    for key, component in NEED.items():
        if key in out:
            out[f"pct_{key}"] = percentile(out[key], component.higher_means_more)
    head = out if top is None else out.head(top)
    out["pourquoi"] = pd.Series(
        [why(row, need_weights) for _, row in head.iterrows()], index=head.index
    )
    return out


def add_hypothetical(
    lieux: pd.DataFrame, communes: pd.DataFrame, points: list[dict]
) -> pd.DataFrame:
    """Lieux plus hypothetical ones, each placed at given coordinates or its commune's representative point."""
    if not points:
        return lieux
    centre = communes.set_index("code_insee")
    rows = []
    for i, point in enumerate(points):
        code = point["code_insee"]
        rows.append(
            {
                "lieu_id": f"hypothese-{i + 1}",
                "code_insee": code,
                "longitude": point.get("longitude", centre.loc[code, "longitude"]),
                "latitude": point.get("latitude", centre.loc[code, "latitude"]),
            }
        )
    return pd.concat(
        [lieux[["lieu_id", "code_insee", "longitude", "latitude"]], pd.DataFrame(rows)],
        ignore_index=True,
    )


def newly_within(before: pd.DataFrame, after: pd.DataFrame, km: float = REACH_KM) -> int:
    """Inhabitants (population points) beyond `km` of any lieu before, within `km` with the hypothetical
    lieux. `before` and `after` are the same points, in the same order, with their `nearest_lieu_km`."""
    gained = (before["nearest_lieu_km"].to_numpy() > km) & (
        after["nearest_lieu_km"].to_numpy() <= km
    )
    return int(round(float(after["population"].to_numpy()[gained].sum())))


def access_with(
    communes: pd.DataFrame, points: pd.DataFrame, lieux: pd.DataFrame, hypothetical: list[dict]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(commune access, point distances) with the hypothetical lieux added to the real ones."""
    return commune_access(communes, points, add_hypothetical(lieux, communes, hypothetical))


def gap_frame(
    level: str,
    communes: pd.DataFrame,
    indicators: pd.DataFrame,
    access: pd.DataFrame,
    distances: pd.DataFrame,
    published: pd.DataFrame | None,
) -> pd.DataFrame:
    """Need and offer measures of every territory of `level`, before scoring.

    `access` and `distances` come from `geo.commune_access` for the lieux considered.
    """
    values = commune_values(communes, indicators, access)
    values["illectronisme_estime"], values["axe_estime"] = estimate_illectronism(
        values["population"].astype(float), values[ILLECTRONISM_AXIS]
    )
    values["lieux"] = values["lieux_in_commune"]
    if level == "commune":
        frame = values.rename(columns={"code_insee": "code"})
    else:
        key = LEVEL_KEYS[level]
        frame = level_values(level, values, published, distances)
        located = distances.merge(communes[["code_insee", key]], on="code_insee")
        extra = pd.DataFrame(
            {
                "illectronisme_estime": values.groupby(key)["illectronisme_estime"].sum(),
                f"part_population_{REACH_KM}km": shares_within(
                    located, key, "nearest_lieu_km", "population", REACH_KM
                ),
            }
        )
        extra["departement"] = (
            extra.index if key == "departement" else main_departement(values, key)
        )
        frame = frame.drop(columns=[c for c in extra.columns if c in frame.columns]).join(
            extra, on="code"
        )
    return offer_columns(frame, level)


def rank_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.Series:
    """Places gained (+) or lost (−) per territory between two scorings over the same territories.

    Both frames come from `scores` on all territories of a level with the same minimum population, so
    ranks share one base and only the hypothetical lieux move anyone.
    """
    return after["code"].map(before.set_index("code")["rang"]) - after["rang"]
