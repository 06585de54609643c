"""A street address to a point, with the Base Adresse Nationale (api-adresse.data.gouv.fr).

Only the typed address (and the commune's INSEE code, to keep the answer in it) is sent; nothing is
stored or logged. `RHINOCC_BAN_URL` points the search elsewhere (the browser tests point it at a closed
port to play an offline machine). Every failure is a `Geocoded` with `point` None and a French reason.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

BAN_URL = "https://api-adresse.data.gouv.fr/search/"
TIMEOUT_S = 3.0
MIN_SCORE = 0.4


@dataclass(frozen=True)
class Geocoded:
    point: tuple[float, float] | None  # (lon, lat)
    label: str = ""
    citycode: str = ""
    problem: str = ""  # « injoignable », « introuvable »; '' when found


def ban_url() -> str:
    return os.environ.get("RHINOCC_BAN_URL") or BAN_URL


def fetch_json(url: str, timeout: float = TIMEOUT_S) -> dict:
    """GET `url` and read its JSON body (raises OSError or ValueError on failure)."""
    request = urllib.request.Request(url, headers={"User-Agent": "rhinocc-dash"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (our own URL)
        return json.loads(response.read().decode("utf-8"))


def geocode(address: str, citycode: str | None = None, fetch=fetch_json) -> Geocoded:
    """The best BAN answer for `address` (within the commune `citycode` when given)."""
    query = {"q": address.strip()[:200], "limit": "1"}
    if citycode:
        query["citycode"] = citycode
    url = ban_url() + "?" + urllib.parse.urlencode(query)
    try:
        answer = fetch(url)
    except (OSError, ValueError, urllib.error.URLError):
        return Geocoded(None, problem="injoignable")
    features = answer.get("features") if isinstance(answer, dict) else None
    if not features:
        return Geocoded(None, problem="introuvable")
    best = features[0]
    try:
        lon, lat = (float(v) for v in best["geometry"]["coordinates"][:2])
        props = best.get("properties", {})
        score = float(props.get("score", 0))
    except (KeyError, TypeError, ValueError):
        return Geocoded(None, problem="introuvable")
    if score < MIN_SCORE:
        return Geocoded(None, problem="introuvable")
    return Geocoded((lon, lat), str(props.get("label", "")), str(props.get("citycode", "")))
