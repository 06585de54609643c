"""One definition per measure, shared by the build and the read side.

Population within a radius, the population-weighted mean and median, lieux per 10,000 inhabitants, the
radii, and which sources describe today's offer: every page, the report, the CLI and the build import
them from here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import sources_manifest

RADII_KM = (5, 10, 20)
# Historical vintages (role « historique » in the sources manifest) are kept for the evolution view;
# lieux are counted on current sources.
HISTORICAL_SOURCES = sources_manifest.HISTORICAL
PER_INHABITANTS = 10_000
# « Half of the weight » less a rounding margin: equal weights summed in floating point must not push
# the median past the middle value.
HALF = 1 - 1e-9
# A lieu is one place: its records located at their address lie at most this far apart (metres).
SPREAD_M = 250.0
# A national programme's label is official only on a lieu holding a record of the programme's own list
# (of the vintage shown); other sources' claims are kept as « déclaré par … », never counted.
OFFICIAL_LISTS = sources_manifest.OFFICIAL


def is_current(source: str) -> bool:
    """True for a source that describes today's offer (not an older edition kept for the evolution)."""
    return source not in HISTORICAL_SOURCES


def weighted_mean(values, weights) -> float:
    """Mean of `values` weighted by `weights`, ignoring missing values and non-positive weights."""
    values, weights = np.asarray(values, dtype=float), np.asarray(weights, dtype=float)
    keep = ~np.isnan(values) & ~np.isnan(weights) & (weights > 0)
    if not keep.any():
        return float("nan")
    return float((values[keep] * weights[keep]).sum() / weights[keep].sum())


def weighted_means(frame: pd.DataFrame, key: str, columns, weight: str) -> pd.DataFrame:
    """`weighted_mean` of each column per value of `key` (one row per key, NaN where nothing is known)."""
    out = {}
    for column in columns:
        valid = frame[frame[column].notna() & (frame[weight] > 0)]
        sums = (valid[column] * valid[weight]).groupby(valid[key]).sum()
        out[column] = sums / valid.groupby(key)[weight].sum()
    return pd.DataFrame(out)


def weighted_median(values, weights) -> float:
    """The value below which half of the total weight lies (NaN values and zero weights ignored)."""
    values, weights = np.asarray(values, dtype=float), np.asarray(weights, dtype=float)
    keep = ~np.isnan(values) & (weights > 0)
    if not keep.any():
        return float("nan")
    order = np.argsort(values[keep], kind="stable")
    sorted_values, cumulative = values[keep][order], np.cumsum(weights[keep][order])
    return float(sorted_values[np.searchsorted(cumulative, cumulative[-1] / 2.0 * HALF)])


def weighted_medians(frame: pd.DataFrame, key: str, value: str, weight: str) -> pd.Series:
    """`weighted_median` of `value` per `key`, vectorised (one sort for every group)."""
    known = frame[frame[value].notna() & (frame[weight] > 0)]
    codes, groups = pd.factorize(known[key], sort=True)
    values = known[value].to_numpy(float)
    weights = known[weight].to_numpy(float)
    order = np.lexsort((values, codes))
    codes, values, weights = codes[order], values[order], weights[order]
    cumulative = np.cumsum(weights)
    starts = np.r_[0, np.flatnonzero(np.diff(codes)) + 1]
    before = np.repeat(np.r_[0.0, cumulative[starts[1:] - 1]], np.diff(np.r_[starts, len(codes)]))
    totals = np.bincount(codes, weights=weights)
    reached = (cumulative - before) >= totals[codes] / 2.0 * HALF
    first = np.full(len(groups), -1)
    hits = np.flatnonzero(reached)
    first_hit = np.unique(codes[hits], return_index=True)
    first[first_hit[0]] = hits[first_hit[1]]
    return pd.Series(values[first], index=pd.Index(groups, name=key), name=value)


def shares_within(frame: pd.DataFrame, key: str, value: str, weight: str, km: float) -> pd.Series:
    """`share_within` per `key`: share of the weight whose `value` (a distance) is at most `km`."""
    codes, groups = pd.factorize(frame[key], sort=True)
    weights = frame[weight].to_numpy(float)
    reached = np.where(frame[value].to_numpy(float) <= km, weights, 0.0)
    totals = np.bincount(codes, weights=weights, minlength=len(groups))
    sums = np.bincount(codes, weights=reached, minlength=len(groups))
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(totals > 0, sums / totals, np.nan)
    return pd.Series(shares, index=pd.Index(groups, name=key))


def share_within(distance_km, population, km: float) -> float:
    """Share of the population whose distance to the nearest lieu is at most `km` (NaN when no one)."""
    distance, population = np.asarray(distance_km, dtype=float), np.asarray(population, dtype=float)
    total = population.sum()
    return float(population[distance <= km].sum() / total) if total else float("nan")


def population_within(distance_km, population, km: float) -> float:
    """Inhabitants whose distance to the nearest lieu is at most `km`."""
    distance, population = np.asarray(distance_km, dtype=float), np.asarray(population, dtype=float)
    return float(population[distance <= km].sum())


def per_inhabitants(count, population):
    """Lieux for 10,000 inhabitants (NaN where the population is zero); scalars or arrays."""
    count, population = np.asarray(count, dtype=float), np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(population > 0, count / population * PER_INHABITANTS, np.nan)
    return float(result) if result.ndim == 0 else result
