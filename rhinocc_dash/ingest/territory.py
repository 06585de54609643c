"""Territories for the build: communes on the 2026 list with 2018 geometry, EPCI, départements, look-ups."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping, shape
from shapely.strtree import STRtree

from ..config import REGION
from .catalog import BY_KEY

# Display simplification tolerances in degrees (about 300 m and 800 m): enough for a regional
# choropleth.
COMMUNE_TOLERANCE = 0.003
LARGE_TOLERANCE = 0.004
COORD_DECIMALS = 4
# A point this close to a commune (in the sea, across a simplified border) still gets that commune.
NEAREST_COMMUNE_MAX_DEG = 0.03


def display_geojson(geom, tolerance: float) -> str:
    """Simplified, rounded GeoJSON text of a geometry, for maps."""
    simple = shapely.simplify(geom, tolerance, preserve_topology=True)
    simple = shapely.set_precision(simple, 10**-COORD_DECIMALS) if not simple.is_empty else geom
    return json.dumps(mapping(simple), separators=(",", ":"))


def _read_features(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if data.get("type") == "Feature":
        return [data]
    return data.get("features", [])


def load_commune_ref(sources: Path) -> pd.DataFrame:
    """The 2026 commune list with population, EPCI, postcodes and former codes (regional CSV or national
    JSON)."""
    path = BY_KEY["communes_ref"].locate(sources)
    if path.suffix == ".csv":
        ref = pd.read_csv(path, dtype=str, keep_default_na=False)
        ref["population"] = pd.to_numeric(ref["population"]).astype("int64")
        ref["codes_postaux"] = ref["codes_postaux"].map(lambda s: [c for c in s.split("|") if c])
        ref["anciens_codes"] = ref["anciens_codes"].map(lambda s: [c for c in s.split("|") if c])
        return ref[
            [
                "code_insee",
                "nom",
                "departement",
                "codes_postaux",
                "population",
                "code_epci",
                "nom_epci",
                "anciens_codes",
            ]
        ]
    return _commune_ref_from_national(path, BY_KEY["epci_ref"].locate(sources))


def _commune_ref_from_national(communes_json: Path, epci_json: Path | None) -> pd.DataFrame:
    """Build the regional commune list from Etalab's national communes.json and epci.json."""
    communes = json.loads(communes_json.read_text(encoding="utf-8"))
    epci_of, epci_name = {}, {}
    if epci_json is not None:
        for epci in json.loads(epci_json.read_text(encoding="utf-8")):
            for member in epci.get("membres", []):
                epci_of[member["code"]] = epci["code"]
                epci_name[epci["code"]] = epci["nom"]
    rows = []
    for c in communes:
        if (
            c.get("type", "commune-actuelle") != "commune-actuelle"
            or c.get("region") != REGION.code
        ):
            continue
        rows.append(
            {
                "code_insee": c["code"],
                "nom": c["nom"],
                "departement": c["departement"],
                "codes_postaux": list(c.get("codesPostaux", [])),
                "population": int(c.get("population") or 0),
                "code_epci": epci_of.get(c["code"], ""),
                "nom_epci": epci_name.get(epci_of.get(c["code"]), ""),
                "anciens_codes": list(c.get("anciensCodes", [])),
            }
        )
    return pd.DataFrame(rows)


def load_communes_2018(sources: Path) -> dict[str, object]:
    """2018 commune polygons keyed by their 2018 INSEE code (joined file or one file per département)."""
    entry = BY_KEY["communes_2018"]
    paths = (
        [sources / entry.path]
        if (sources / entry.path).is_file()
        else [sources / p for p, *_ in entry.parts]
    )
    shapes = {}
    for path in paths:
        for feature in _read_features(path):
            shapes[str(feature["properties"]["code"])] = shape(feature["geometry"])
    return shapes


@dataclass
class Territory:
    """Communes 2026 with their shapes, and the look-ups the venue pipeline needs."""

    communes: pd.DataFrame
    shapes: dict[str, object]
    epci_shapes: dict[str, object]
    old_to_new: dict[str, str]
    by_postcode: dict[str, list[str]]
    _codes: list[str] = field(default_factory=list)
    _tree: STRtree | None = None

    def __post_init__(self):
        self._codes = list(self.shapes)
        self._tree = STRtree([self.shapes[c] for c in self._codes])
        self._info = self.communes.set_index("code_insee")
        self._by_departement = (
            self.communes.groupby("departement")["code_insee"].agg(list).to_dict()
        )
        self.names = dict(zip(self.communes["code_insee"], self.communes["nom"], strict=True))
        self.populations = dict(
            zip(self.communes["code_insee"], self.communes["population"], strict=True)
        )

    def current_code(self, code: str | None) -> str | None:
        """The 2026 code for a current or former INSEE code, else None."""
        if not code:
            return None
        return code if code in self._info.index else self.old_to_new.get(code)

    def commune(self, code: str) -> pd.Series:
        return self._info.loc[code]

    def departement_communes(self, departement: str) -> list[str]:
        """Codes of the communes of a département."""
        return self._by_departement.get(departement, [])

    def postcode_communes(self, postcode: str) -> list[str]:
        """Codes of the communes a postcode serves (none for CEDEX or foreign postcodes)."""
        return self.by_postcode.get(postcode, [])

    def communes_at(self, lon: np.ndarray, lat: np.ndarray) -> list[str | None]:
        """Commune containing each point (or the nearest within a short distance), None elsewhere."""
        points = shapely.points(lon, lat)
        found: list[str | None] = [None] * len(points)
        point_idx, tree_idx = self._tree.query(points, predicate="intersects")
        for p, t in zip(point_idx, tree_idx, strict=True):
            if found[p] is None:
                found[p] = self._codes[t]
        missing = [i for i, code in enumerate(found) if code is None]
        if missing:
            p_idx, t_idx = self._tree.query_nearest(
                points[missing], max_distance=NEAREST_COMMUNE_MAX_DEG
            )
            for p, t in zip(p_idx, t_idx, strict=True):
                if found[missing[p]] is None:
                    found[missing[p]] = self._codes[t]
        return found


def build_territory(sources: Path) -> Territory:
    """Communes 2026 (2018 polygons regrouped through former codes), EPCI shapes and look-up indexes."""
    ref = load_commune_ref(sources)
    old_shapes = load_communes_2018(sources)
    old_to_new = {old: row.code_insee for row in ref.itertuples() for old in row.anciens_codes}
    current = set(ref["code_insee"])
    groups: dict[str, list] = defaultdict(list)
    for code, geom in old_shapes.items():
        new = code if code in current else old_to_new.get(code)
        if new:
            groups[new].append(geom)
    shapes = {
        code: (geoms[0] if len(geoms) == 1 else shapely.union_all(geoms))
        for code, geoms in groups.items()
    }
    shapes = {code: shapes[code] for code in sorted(shapes)}
    points = {code: geom.representative_point() for code, geom in shapes.items()}
    ref = (
        ref[ref["departement"].isin(REGION.departements)]
        .sort_values("code_insee")
        .reset_index(drop=True)
    )
    ref["longitude"] = ref["code_insee"].map(lambda c: points[c].x if c in points else np.nan)
    ref["latitude"] = ref["code_insee"].map(lambda c: points[c].y if c in points else np.nan)
    epci_parts: dict[str, list] = defaultdict(list)
    for row in ref.itertuples():
        if row.code_insee in shapes and row.code_epci:
            epci_parts[row.code_epci].append(shapes[row.code_insee])
    epci_shapes = {siren: shapely.union_all(parts) for siren, parts in sorted(epci_parts.items())}
    by_postcode: dict[str, list[str]] = defaultdict(list)
    for row in ref.itertuples():
        for cp in row.codes_postaux:
            by_postcode[cp].append(row.code_insee)
    return Territory(ref, shapes, epci_shapes, old_to_new, dict(by_postcode))


def load_departements(sources: Path) -> list[dict]:
    """Département features (code, nom, geometry) of the région's départements."""
    features = _read_features(BY_KEY["departements"].locate(sources))
    return [
        {
            "code": str(f["properties"]["code"]),
            "nom": f["properties"]["nom"],
            "geometry": shape(f["geometry"]),
        }
        for f in features
        if str(f["properties"]["code"]) in REGION.departements
    ]


def load_qpv(sources: Path) -> list[dict]:
    path = BY_KEY["qpv"].locate(sources)
    return [
        {
            **{k: (str(v) if v is not None else None) for k, v in f["properties"].items()},
            "geometry": shape(f["geometry"]),
        }
        for f in _read_features(path)
    ]
