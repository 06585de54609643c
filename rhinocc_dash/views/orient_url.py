"""The « Orienter une personne » search in the URL (`commune`, `adresse`, `lieu`, `besoin`, `public`,
`prise_en_charge`, `criteres`, `quand`, `rayon`), so that a search can be shared, printed as a QR code
and tested. Every bad value gives a French notice (quoting it; `ui.url_notices` shows it as text) and is dropped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from ..analysis import orient, orient_hours

MAX_ADDRESS = 200
FLAGS = {"gratuit": "free", "sans-rdv": "no_appointment", "pass": "pass_numerique"}


@dataclass(frozen=True)
class Search:
    """Where (a commune, an address in it, or a lieu), what for, and how far."""

    commune: str | None = None
    adresse: str = ""
    lieu: str | None = None
    need: orient.Need = field(default_factory=orient.Need)
    radius_km: int = orient.RADII_KM[0]


def _first(params: Mapping, key: str) -> str:
    value = params.get(key, "")
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value).strip()


def _codes(params: Mapping, key: str, allowed, notices: list[str], what: str) -> tuple[str, ...]:
    raw = [v.strip() for v in _first(params, key).split(",") if v.strip()]
    bad = [v for v in raw if v not in allowed]
    if bad:
        notices.append(f"{what} inconnu dans l'adresse de la page, ignoré : « {', '.join(bad)} ».")
    return tuple(dict.fromkeys(v for v in raw if v in allowed))


def parse(params: Mapping, communes: set[str], lieux: set[str]) -> tuple[Search, list[str]]:
    """The search the URL asks for, and a French notice for every value that was ignored."""
    notices: list[str] = []
    commune = _first(params, "commune") or None
    if commune and commune not in communes:
        notices.append(
            f"Commune inconnue dans l'adresse de la page (code INSEE « {commune} ») : "
            "choisissez-la dans la liste."
        )
        commune = None
    lieu = _first(params, "lieu") or None
    if lieu and lieu not in lieux:
        notices.append(f"Lieu inconnu dans l'adresse de la page : « {lieu} ».")
        lieu = None
    adresse = _first(params, "adresse")[:MAX_ADDRESS]
    besoin = _codes(params, "besoin", {orient.DO_FOR, *orient.NEEDS}, notices, "Besoin")
    publics = _codes(params, "public", orient.PUBLICS, notices, "Public")
    specific = _codes(params, "prise_en_charge", orient.SPECIFIC, notices, "Prise en charge")
    flags = _codes(params, "criteres", FLAGS, notices, "Critère")
    when = orient_hours.parse_when(_first(params, "quand"))
    if when is None:
        notices.append(f"Moment inconnu dans l'adresse de la page : « {_first(params, 'quand')} ».")
        when = orient_hours.When()
    radius = _first(params, "rayon")
    radius_km = int(radius) if radius.isdigit() and int(radius) in orient.RADII_KM else None
    if radius and radius_km is None:
        notices.append(f"Rayon inconnu dans l'adresse de la page : « {radius} ».")
    need = orient.Need(
        do_for=orient.DO_FOR in besoin,
        services=tuple(b for b in besoin if b != orient.DO_FOR),
        publics=publics,
        specific=specific,
        when=when,
        **{FLAGS[f]: True for f in flags},
    )
    search = Search(commune, adresse, lieu, need, radius_km or orient.RADII_KM[0])
    return search, notices


def to_params(search: Search) -> dict[str, str]:
    """URL parameters of a search (empty ones left out)."""
    need = search.need
    besoin = ([orient.DO_FOR] if need.do_for else []) + list(need.services)
    params = {
        "commune": search.commune or "",
        "adresse": search.adresse,
        "lieu": search.lieu or "",
        "besoin": ",".join(besoin),
        "public": ",".join(need.publics),
        "prise_en_charge": ",".join(need.specific),
        "criteres": ",".join(code for code, name in FLAGS.items() if getattr(need, name)),
        "quand": need.when.code(),
        "rayon": str(search.radius_km) if search.radius_km != orient.RADII_KM[0] else "",
    }
    return {key: value for key, value in params.items() if value}


def share_url(base: str, search: Search) -> str:
    """The page's address with the search, for the QR code of the fiche."""
    query = urlencode(to_params(search))
    return base.split("?")[0] + (f"?{query}" if query else "")


def with_radius(search: Search, radius_km: int) -> Search:
    return replace(search, radius_km=radius_km)
