"""Adapters of the two formats the field exchanges today: the national standard « lieux de médiation
numérique » v1.x (every field; lists separated by `|`) and RhinOcc's GoGoCarto map (`elements.json`),
whose categories are mapped as the national pipeline maps them."""

from __future__ import annotations

from ..shared import vocab, vocab_v1
from ..shared.config import REGION
from ..shared.week import DAYS
from .hours import from_day_texts, from_osm
from .venue_sources import _dep_of_postcode, _draft, join, siret, text


def _dep(code_insee: str, code_postal: str) -> str:
    code = text(code_insee)
    if len(code) == 5:
        return code[:2]
    return _dep_of_postcode(text(code_postal))


def standard_v1(row: dict) -> dict | None:
    """A record of the national standard v1.x (every known field; lists separated by `|`)."""
    dep = _dep(row.get("code_insee"), row.get("code_postal"))
    if dep not in REGION.departements:
        return None
    services, unknown = vocab.map_terms(
        vocab_v1.split(row.get("services")), {vocab.fold(s): (s,) for s in vocab.SERVICES}
    )
    publics = vocab_v1.canonical(
        "publics_specifiquement_adresses",
        vocab_v1.split(row.get("publics_specifiquement_adresses")),
    )
    labels = vocab_v1.canonical(
        "dispositif_programmes_nationaux",
        vocab_v1.split(row.get("dispositif_programmes_nationaux")),
    )
    labels += vocab_v1.canonical("formations_labels", vocab_v1.split(row.get("formations_labels")))
    labels += vocab_v1.split(row.get("autres_formations_labels"))
    return _draft(
        source_id=text(row.get("id")),
        nom=text(row.get("nom")),
        adresse=join(row.get("adresse"), row.get("complement_adresse")),
        code_postal=text(row.get("code_postal")),
        code_insee=text(row.get("code_insee")),
        commune=text(row.get("commune")),
        departement=dep,
        latitude=text(row.get("latitude")),
        longitude=text(row.get("longitude")),
        services=services,
        publics=vocab.ordered(publics),
        labels=vocab.ordered(labels),
        unknown_terms=unknown,
        hours=from_osm(text(row.get("horaires")) or None),
        date_text=text(row.get("date_maj")),
        siret=siret(row.get("pivot")),
        telephone=text(row.get("telephone")),
        courriel=", ".join(vocab_v1.split(row.get("courriels"))),
        site_web=", ".join(vocab_v1.split(row.get("site_web"))),
        type_lieu=text(row.get("typologie")),
        itinerant="Itinérant" in vocab_v1.split(row.get("itinerance")),
    )


def _categories(row: dict) -> list[str]:
    values = row.get("categories") or []
    return [text(v) for v in (values if isinstance(values, list) else [values]) if text(v)]


def gogocarto(row: dict) -> dict | None:
    """An element of a GoGoCarto map (`elements.json`), RhinOcc's categories mapped as the national
    pipeline maps them."""
    address = row.get("address") if isinstance(row.get("address"), dict) else {}
    geo = row.get("geo") if isinstance(row.get("geo"), dict) else {}
    postcode = text(address.get("postalCode"))
    dep = _dep("", postcode)
    if dep not in REGION.departements:
        return None
    categories = _categories(row)
    hours = row.get("openHours") if isinstance(row.get("openHours"), dict) else {}
    return _draft(
        source_id=text(row.get("id")),
        nom=text(row.get("name")),
        adresse=join(address.get("streetNumber"), address.get("streetAddress")),
        code_postal=postcode,
        commune=text(address.get("addressLocality")),
        departement=dep,
        latitude=text(geo.get("latitude")),
        longitude=text(geo.get("longitude")),
        services=vocab.ordered(vocab_v1.categories_to("services", categories)),
        publics=vocab.ordered(vocab_v1.categories_to("publics", categories)),
        labels=vocab.ordered(vocab_v1.categories_to("labels", categories)),
        hours=from_day_texts({d: text(hours.get(d)) or None for d in DAYS}),
        date_text=text(row.get("updatedAt"))[:10],
        siret=siret(row.get("siret")),
        telephone=text(row.get("tel")),
        courriel=text(row.get("emailpub")),
        site_web=text(row.get("url")),
        type_lieu=", ".join(vocab_v1.categories_to("typologie", categories)),
    )
