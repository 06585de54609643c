"""Every colour of the charts, maps and report, defined once as RGB; hex strings derive from it."""

from __future__ import annotations

RGB = tuple[int, int, int]

# Sequential, colour-blind-safe (viridis, light to dark = low to high) and a neutral grey for missing data.
SEQUENTIAL: tuple[RGB, ...] = (
    (253, 231, 37),
    (94, 201, 98),
    (33, 145, 140),
    (59, 82, 139),
    (68, 1, 84),
)
MISSING: RGB = (190, 190, 190)
EXCLUDED: RGB = (232, 232, 232)
# Sequential for the gap score: light yellow (small gap) to dark red (large gap, the worst).
GAP: tuple[RGB, ...] = (
    (255, 255, 178),
    (254, 204, 92),
    (253, 141, 60),
    (240, 59, 32),
    (189, 0, 38),
)
# Okabe-Ito, readable by colour-blind viewers; the last one (grey) is for « other ».
CATEGORICAL: tuple[RGB, ...] = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (204, 121, 167),
    (0, 114, 178),
    (213, 94, 0),
    (240, 228, 66),
    (120, 120, 120),
)
# Service families on coverage charts.
FAMILIES: tuple[RGB, ...] = (CATEGORICAL[4], CATEGORICAL[0], CATEGORICAL[2], (153, 153, 153))
PRIMARY: RGB = (15, 110, 140)
REFERENCE: RGB = (178, 24, 43)
NEUTRAL: RGB = (158, 158, 158)
LIGHT_PRIMARY: RGB = (158, 202, 225)
QPV: RGB = (200, 30, 60)
HYPOTHETICAL: RGB = (20, 20, 20)
WHITE: RGB = (255, 255, 255)
APPROXIMATE_RIM: RGB = (60, 60, 60)
# Thirteen distinguishable colours for the départements of the gap scatter.
DEPARTEMENTS: tuple[RGB, ...] = (
    (27, 158, 119),
    (217, 95, 2),
    (117, 112, 179),
    (231, 41, 138),
    (102, 166, 30),
    (230, 171, 2),
    (166, 118, 29),
    (102, 102, 102),
    (31, 120, 180),
    (178, 223, 138),
    (251, 154, 153),
    (202, 178, 214),
    (255, 127, 0),
)


def hex_colour(rgb: RGB) -> str:
    """« #0f6e8c » for (15, 110, 140)."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# Data updates: lieux a new version adds or removes.
ADDED = (26, 152, 80)
REMOVED = (215, 48, 39)
