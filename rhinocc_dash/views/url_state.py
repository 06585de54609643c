"""The map's view state in the URL: parsed against allow-lists, invalid values dropped with a notice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..analysis.lieux import UPDATE_WINDOWS, LieuFilters
from ..shared import vocab
from ..texts.corrections import FRESHNESS_LABELS

SEP = "|"
LEVELS = {"departement": "Département", "epci": "EPCI", "commune": "Commune"}
COLOUR_BY = {"categorie": "Label", "source": "Source", "type": "Type de lieu", "fraicheur": "Fraîcheur"}
LAYERS = {
    "points": "Lieux",
    "densite": "Densité (hexagones)",
    "choro": "Indicateur",
    "qpv": "QPV 2015",
}
DEFAULT_LAYERS = ("points", "choro")
DEFAULT_LEVEL = "departement"
DEFAULT_INDICATOR = "ifn2020_global"
MAX_SEARCH = 80


@dataclass(frozen=True)
class ViewState:
    filters: LieuFilters = field(default_factory=LieuFilters)
    level: str = DEFAULT_LEVEL
    indicator: str = DEFAULT_INDICATOR
    colour_by: str = "categorie"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    lieu: str | None = None
    basemap: bool = False


@dataclass(frozen=True)
class Allowed:
    """Values the URL may carry, read from the warehouse (codes) and the vocabulary."""

    departements: frozenset[str]
    epci: frozenset[str]
    sources: frozenset[str]
    indicators: frozenset[str]
    lieux: frozenset[str]
    labels: frozenset[str] = frozenset(vocab.LABELS)
    services: frozenset[str] = frozenset(vocab.SERVICES)
    publics: frozenset[str] = frozenset(vocab.PUBLICS)


def _first(params: Mapping, key: str) -> str:
    value = params.get(key, "")
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value)


def parse(params: Mapping, allowed: Allowed) -> tuple[ViewState, list[str]]:
    """View state from query parameters; every value not allowed is dropped and named in a notice."""
    notices: list[str] = []

    def many(key: str, allowed_values, label: str) -> tuple[str, ...]:
        raw = [v for v in _first(params, key).split(SEP) if v]
        kept = tuple(v for v in raw if v in allowed_values)
        dropped = [v for v in raw if v not in allowed_values]
        if dropped:
            notices.append(f"{label} : valeur(s) ignorée(s) « {', '.join(dropped)[:120]} »")
        return kept

    def one(key: str, choices, default, label: str):
        raw = _first(params, key)
        if not raw:
            return default
        if raw in choices:
            return raw
        notices.append(f"{label} : valeur ignorée « {raw[:60]} »")
        return default

    def flag(key: str, label: str) -> bool:
        raw = _first(params, key)
        if raw in ("", "0"):
            return False
        if raw == "1":
            return True
        notices.append(f"{label} : valeur ignorée « {raw[:20]} »")
        return False

    years = one("maj", {str(y) for y in UPDATE_WINDOWS}, None, "Mise à jour")
    search = _first(params, "q")
    if len(search) > MAX_SEARCH:
        notices.append(f"Recherche : texte tronqué à {MAX_SEARCH} caractères")
        search = search[:MAX_SEARCH]
    filters = LieuFilters(
        departements=many("dep", allowed.departements, "Département"),
        epci=many("epci", allowed.epci, "EPCI"),
        sources=many("src", allowed.sources, "Source"),
        labels=many("label", allowed.labels, "Label"),
        services=many("svc", allowed.services, "Service"),
        publics=many("pub", allowed.publics, "Public"),
        open_saturday=flag("sam", "Ouvert le samedi"),
        open_evening=flag("soir", "Ouvert après 18 h"),
        updated_within_years=int(years) if years else None,
        search=search,
        freshness=many("fraicheur", FRESHNESS_LABELS, "Fraîcheur"),
    )
    raw_layers = _first(params, "couches")
    if raw_layers == "aucune":
        layers: tuple[str, ...] = ()
    else:
        layers = many("couches", LAYERS, "Couches") if raw_layers else DEFAULT_LAYERS
    state = ViewState(
        filters=filters,
        level=one("niv", LEVELS, DEFAULT_LEVEL, "Échelle"),
        indicator=one("ind", allowed.indicators, DEFAULT_INDICATOR, "Indicateur"),
        colour_by=one("couleur", COLOUR_BY, "categorie", "Couleur des lieux"),
        layers=layers,
        lieu=one("lieu", allowed.lieux, None, "Lieu sélectionné"),
        # « injoignable »: the browser found the tile server unreachable and turned the base map off.
        basemap=one("fond", {"0", "1", "injoignable"}, "0", "Fond de carte") == "1",
    )
    return state, notices


def to_params(state: ViewState) -> dict[str, str]:
    """Query parameters for a view state; defaults are left out so links stay short."""
    f = state.filters
    params = {
        "dep": SEP.join(f.departements),
        "epci": SEP.join(f.epci),
        "src": SEP.join(f.sources),
        "label": SEP.join(f.labels),
        "svc": SEP.join(f.services),
        "pub": SEP.join(f.publics),
        "sam": "1" if f.open_saturday else "",
        "soir": "1" if f.open_evening else "",
        "maj": str(f.updated_within_years) if f.updated_within_years else "",
        "q": f.search.strip(),
        "fraicheur": SEP.join(f.freshness),
        "niv": "" if state.level == DEFAULT_LEVEL else state.level,
        "ind": "" if state.indicator == DEFAULT_INDICATOR else state.indicator,
        "couleur": "" if state.colour_by == "categorie" else state.colour_by,
        "couches": ""
        if tuple(state.layers) == DEFAULT_LAYERS
        else SEP.join(state.layers) or "aucune",
        "lieu": state.lieu or "",
        "fond": "1" if state.basemap else "",
    }
    return {k: v for k, v in params.items() if v}
