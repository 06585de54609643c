"""Streamlit side, the offline base map (outlines and towns from the warehouse, see `views.basemap`) and
the switch to it when the tile server cannot be reached."""

from __future__ import annotations

import pydeck as pdk
import streamlit as st

from .. import texts
from ..analysis import service, workshop
from ..views import basemap, map_budget, viewport
from .data import query, service_frame
from .static_files import publish_json
from .store import Key, _key

# The tile style the map asks for when the base map is on (Carto's « light », as pydeck names it).
TILE_PROBE_URL = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
PROBE_TIMEOUT_MS = 3000
UNREACHABLE = "injoignable"


@st.cache_resource(show_spinner=False, max_entries=4)
def _departement_url(key: Key) -> str:
    return publish_json(basemap.outline_features(service_frame(service.geometries, "departement")))


@st.cache_resource(show_spinner=False, max_entries=64)
def _commune_url(key: Key, departement: str | None) -> str | None:
    """Commune outlines of the région, or of one département (a lighter map to draw); None when they
    would not fit in the map's budget (all of France's communes: 10 MB), the départements then do."""
    geometries = service_frame(service.geometries, "commune")
    if departement is not None:
        geometries = geometries[geometries["code"].isin(_codes_of(key, departement))]
    outlines = basemap.outline_features(geometries)
    if map_budget.geojson_bytes(outlines) > map_budget.CHOROPLETH_MAX_BYTES:
        return None
    return publish_json(outlines)


def _codes_of(key: Key, departement: str) -> set[str]:
    communes = query("communes_base")
    return set(communes.loc[communes["departement"] == departement, "code_insee"])


@st.cache_data(show_spinner=False, max_entries=8)
def _towns(key: Key, per_departement: int, large: bool, zoom: float):
    """The main towns whose names do not overlap at `zoom` (closer views only move them apart)."""
    towns = workshop.main_towns(query("communes_base"), per_departement)
    return basemap.spread_labels(towns, zoom, basemap.TOWN_SIZE_PX[large])


def base_layers(
    large: bool = False,
    communes: bool = True,
    towns: int = 2,
    departement: str | None = None,
    zoom: float | None = None,
) -> list[pdk.Layer]:
    """Département outlines, commune outlines (all, none, or one `departement`'s) and the `towns`
    largest towns of each département, less those whose names would overlap at `zoom` (the view the
    map opens with; the whole région on a wide screen by default)."""
    zoom = viewport.INITIAL_VIEW.zoom if zoom is None else round(float(zoom), 1)
    key = _key()
    commune_url = _commune_url(key, departement) if communes else None
    return basemap.base_layers(
        _departement_url(key), commune_url, _towns(key, towns, large, zoom), large
    )


def tile_fallback() -> None:
    """With the tiled base map on: the browser checks that the tile server answers, and if it does not
    (no network, a blocked host), reloads the page with `fond=injoignable`, which the map page reads
    as « base map off » and says so. The check runs once per page load."""
    script = f"""
<script>
(function () {{
  if (window.__rhinoccTileProbe) return;
  window.__rhinoccTileProbe = true;
  const url = new URL(window.location.href);
  const give_up = () => {{
    url.searchParams.set("fond", "{UNREACHABLE}");
    window.location.replace(url.toString());
  }};
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), {PROBE_TIMEOUT_MS});
  fetch("{TILE_PROBE_URL}", {{mode: "no-cors", cache: "no-store", signal: controller.signal}})
    .then(() => clearTimeout(timer))
    .catch(give_up);
}})();
</script>"""
    st.html(script, unsafe_allow_javascript=True)


def unreachable_notice() -> None:
    st.info(texts.carte.MAP_TILES_UNREACHABLE)
