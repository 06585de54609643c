"""Territories for the build: communes on the 2026 list with 2018 geometry, EPCI, départements, look-ups."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.strtree import STRtree

from ..shared.config import REGION
from .catalog import BY_KEY
from .checked import csv_table, geojson_features, pad_code, reading
from .errors import SourceInvalid, shown_path

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


COMMUNE_REF_COLUMNS = {
    "code_insee": "code:5",
    "nom": "text",
    "departement": "code:2",
    "codes_postaux": "text",
    "population": "integer",
    "code_epci": "text",
    "nom_epci": "text",
    "anciens_codes": "text",
}


def _codes(joined: str) -> list[str]:
    """« 09240|09290 » → ['09240', '09290'] (a code that lost its leading zero completed)."""
    return [pad_code(c.strip(), 5) for c in joined.split("|") if c.strip()]


def load_commune_ref(sources: Path) -> pd.DataFrame:
    """The 2026 commune list with population, EPCI, postcodes and former codes (regional CSV or national
    JSON)."""
    path = BY_KEY["communes_ref"].locate(sources)
    if path.suffix == ".csv":
        ref = csv_table(path, COMMUNE_REF_COLUMNS)
        ref["codes_postaux"] = ref["codes_postaux"].map(_codes)
        ref["anciens_codes"] = ref["anciens_codes"].map(_codes)
        return ref[list(COMMUNE_REF_COLUMNS)]
    with reading(path):
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
            or c.get("departement") not in REGION.departements
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
        for properties, geometry in geojson_features(path, ("code",)):
            shapes[str(properties["code"])] = geometry
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
        # One dict per commune: looked up once per record, where a pandas row look-up is slow.
        self._info = {row["code_insee"]: row for row in self.communes.to_dict("records")}
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
        return code if code in self._info else self.old_to_new.get(code)

    def commune(self, code: str) -> dict:
        return self._info[code]

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
    with reading(BY_KEY["communes_2018"].locate(sources)):  # a polygon GEOS cannot merge
        shapes = {
            code: (geoms[0] if len(geoms) == 1 else shapely.union_all(geoms))
            for code, geoms in groups.items()
        }
    in_region = ref[ref["departement"].isin(REGION.departements)]
    # only the region's communes: a point in a neighbouring commune is outside the region
    wanted = set(in_region["code_insee"])
    shapes = {code: shapes[code] for code in sorted(shapes) if code in wanted}
    unshaped = sorted(set(in_region["code_insee"]) - set(shapes))
    if unshaped:
        raise SourceInvalid(
            f"{shown_path(BY_KEY['communes_ref'].locate(sources))} : {len(unshaped)} commune(s) sans "
            f"contour dans {shown_path(BY_KEY['communes_2018'].locate(sources))} "
            f"(codes {', '.join(unshaped[:5])}) ; attendu : un contour 2018 par commune, sous son code "
            "ou l'un de ses anciens codes"
        )
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
    with reading(BY_KEY["communes_2018"].locate(sources)):
        epci_shapes = {
            siren: shapely.union_all(parts) for siren, parts in sorted(epci_parts.items())
        }
    by_postcode: dict[str, list[str]] = defaultdict(list)
    for row in ref.itertuples():
        for cp in row.codes_postaux:
            by_postcode[cp].append(row.code_insee)
    return Territory(ref, shapes, epci_shapes, old_to_new, dict(by_postcode))


def load_departements(sources: Path) -> list[dict]:
    """Département features (code, nom, geometry) of the région's départements."""
    features = geojson_features(BY_KEY["departements"].locate(sources), ("code", "nom"))
    return [
        {"code": pad_code(str(props["code"]), 2), "nom": props["nom"], "geometry": geometry}
        for props, geometry in features
        if pad_code(str(props["code"]), 2) in REGION.departements
    ]


def load_qpv(sources: Path) -> list[dict]:
    features = geojson_features(BY_KEY["qpv"].locate(sources), ("code_qp",))
    return [
        {**{k: (str(v) if v is not None else None) for k, v in props.items()}, "geometry": geometry}
        for props, geometry in features
    ]
