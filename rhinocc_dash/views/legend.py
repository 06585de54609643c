"""Quantile classes of a choropleth and its legend rows (colours from the palette)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import palette

MISSING_LABEL = "Donnée manquante"
EXCLUDED_LABEL = "Exclu du classement (population sous le minimum)"


@dataclass(frozen=True)
class LegendEntry:
    colour: palette.RGB
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


def colours_for(
    classes: np.ndarray, n_breaks: int, scheme: tuple = palette.SEQUENTIAL
) -> list[palette.RGB]:
    """Palette colour per class, spread over the palette when there are fewer than five classes
    (class -1: missing, -2: excluded)."""
    n = max(n_breaks - 1, 1)
    steps = np.linspace(0, len(scheme) - 1, n).round().astype(int)
    out = []
    for c in classes:
        if c == -2:
            out.append(palette.EXCLUDED)
        elif c < 0:
            out.append(palette.MISSING)
        else:
            out.append(scheme[steps[min(c, n - 1)]])
    return out


def legend(
    classes: np.ndarray, breaks: list[float], fmt, scheme: tuple = palette.SEQUENTIAL
) -> list[LegendEntry]:
    """Legend rows: each class's range and count, then missing values (always listed, even at zero),
    then excluded territories when there are any."""
    n = max(len(breaks) - 1, 1)
    colours = colours_for(np.arange(n), len(breaks), scheme)
    entries = [
        LegendEntry(
            colours[i], f"{fmt(breaks[i])} – {fmt(breaks[i + 1])}", int((classes == i).sum())
        )
        for i in range(n)
        if breaks
    ]
    entries.append(LegendEntry(palette.MISSING, MISSING_LABEL, int((classes == -1).sum())))
    if (classes == -2).any():
        entries.append(LegendEntry(palette.EXCLUDED, EXCLUDED_LABEL, int((classes == -2).sum())))
    return entries


MORE_NEED = "▲ plus de besoin"
LESS_NEED = "▼ moins de besoin"


def mark_need(entries: list[LegendEntry], more_need: str) -> list[LegendEntry]:
    """The legend's two ends say which one means more need (`more_need`: "dark" or "light" end)."""
    classes = [i for i, e in enumerate(entries) if e.label not in (MISSING_LABEL, EXCLUDED_LABEL)]
    if len(classes) < 2:
        return list(entries)
    light, dark = classes[0], classes[-1]
    marks = {dark: MORE_NEED, light: LESS_NEED}
    if more_need == "light":
        marks = {light: MORE_NEED, dark: LESS_NEED}
    return [
        LegendEntry(e.colour, f"{e.label} · {marks[i]}", e.count) if i in marks else e
        for i, e in enumerate(entries)
    ]
