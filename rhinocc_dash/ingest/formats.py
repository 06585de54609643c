"""Venue file formats: the national standard v1.x, RhinOcc's GoGoCarto map, and what every reader
reads or ignores.

Each format lists the fields that distinguish it (recognition: every one present, none of its
`excluded` fields), the columns it reads (and into what, in French) and the columns it ignores (and
why). A column in neither list is reported « ignorée : colonne inconnue du format ». Adapters for the
two new formats are here; the others are in `venue_sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import vocab, vocab_v1
from ..config import REGION
from . import venue_sources
from .hours import DAYS, FRENCH_DAYS, from_day_texts, from_osm
from .venue_sources import _dep_of_postcode, _draft, join, siret, text

KEPT_RAW = "pas de champ dans l'entrepôt : conservée dans l'enregistrement d'origine"


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    distinguishing: frozenset[str]
    read: dict[str, str]
    ignored: dict[str, str] = field(default_factory=dict)
    excluded: frozenset[str] = frozenset()
    renames: dict[str, str] = field(default_factory=dict)

    def account(self, column: str) -> tuple[str, str]:
        """(« lue » or « ignorée », into what or why) for one column of a file."""
        name = self.renames.get(column, column)
        if name in self.read:
            return "lue", self.read[name]
        if name in self.ignored:
            return "ignorée", self.ignored[name]
        for prefix, reason in self.ignored.items():
            if prefix.endswith("*") and name.startswith(prefix[:-1]):
                return "ignorée", reason
        return "ignorée", "colonne inconnue du format"


def _days(prefix: str, what: str) -> dict[str, str]:
    return {f"{prefix}{day}": what for day in FRENCH_DAYS}


V1_ONLY = frozenset(
    {
        "publics_specifiquement_adresses",
        "dispositif_programmes_nationaux",
        "prise_en_charge_specifique",
        "frais_a_charge",
        "formations_labels",
        "autres_formations_labels",
        "modalites_acces",
        "itinerance",
        "fiche_acces_libre",
        "courriels",
    }
)
V01_ONLY = frozenset({"publics_accueillis", "labels_nationaux", "conditions_acces", "courriel"})

STANDARD_V1 = Format(
    "standard_v1",
    "standard national « lieux de médiation numérique » v1.x",
    frozenset({"id", "pivot", "nom", "adresse", "date_maj"}),
    {
        "id": "identifiant de l'enregistrement",
        "pivot": "SIRET",
        "nom": "nom",
        "commune": "commune",
        "code_postal": "code postal",
        "code_insee": "code commune (INSEE)",
        "adresse": "adresse",
        "complement_adresse": "adresse (complément)",
        "latitude": "latitude",
        "longitude": "longitude",
        "typologie": "type de lieu",
        "telephone": "téléphone",
        "courriels": "courriel",
        "site_web": "site web",
        "horaires": "horaires (OpenStreetMap)",
        "itinerance": "itinérant",
        "date_maj": "date de mise à jour",
        "services": "services (vocabulaire v1)",
        "publics_specifiquement_adresses": "publics (vocabulaire v1)",
        "dispositif_programmes_nationaux": "labels et dispositifs (vocabulaire v1)",
        "formations_labels": "labels et dispositifs (vocabulaire v1)",
        "autres_formations_labels": "labels et dispositifs",
        "prise_en_charge_specifique": "vérifiée (vocabulaire v1) ; " + KEPT_RAW,
        "frais_a_charge": "vérifiée (vocabulaire v1) ; " + KEPT_RAW,
        "modalites_acces": "vérifiée (vocabulaire v1) ; " + KEPT_RAW,
        "modalites_accompagnement": "vérifiée (vocabulaire v1) ; " + KEPT_RAW,
    },
    {
        "presentation_resume": KEPT_RAW,
        "presentation_detail": KEPT_RAW,
        "source": KEPT_RAW,
        "structure_parente": KEPT_RAW,
        "fiche_acces_libre": KEPT_RAW,
        "prise_rdv": KEPT_RAW,
    },
    excluded=V01_ONLY,
)

GOGOCARTO = Format(
    "gogocarto",
    "carte GoGoCarto (elements.json)",
    frozenset({"name", "geo", "categories"}),
    {
        "id": "identifiant de l'enregistrement",
        "name": "nom",
        "geo": "latitude et longitude",
        "geo.latitude": "latitude",
        "geo.longitude": "longitude",
        "address": "adresse",
        "address.streetNumber": "adresse (numéro)",
        "address.streetAddress": "adresse",
        "address.postalCode": "code postal",
        "address.addressLocality": "commune",
        "categories": "services, publics, labels et type de lieu (correspondance nationale)",
        "openHours": "horaires",
        "siret": "SIRET",
        "tel": "téléphone",
        "emailpub": "courriel",
        "url": "site web",
        "updatedAt": "date de mise à jour",
        "tarif": "vérifiée (frais à charge) ; " + KEPT_RAW,
    },
    {
        "address.addressCountry": "toujours la France",
        "address.customFormatedAddress": "doublon de l'adresse détaillée",
        "createdAt": "date de création de la fiche, pas de mise à jour",
        "status": "statut interne à la carte",
        "categoriesFull": "doublon de `categories`",
        "sourceKey": "nom interne de la carte",
        "prise_rdv": KEPT_RAW,
        "prez_lieu": KEPT_RAW,
        "struct_port": KEPT_RAW,
        "modalites_accompagnement": KEPT_RAW,
        "autre_labels": KEPT_RAW,
        "description": KEPT_RAW,
    },
)

V01 = dict(
    read={
        "id": "identifiant de l'enregistrement",
        "pivot": "SIRET",
        "nom": "nom",
        "commune": "commune",
        "code_postal": "code postal",
        "code_insee": "code commune (INSEE) et département",
        "adresse": "adresse",
        "complement_adresse": "adresse (complément)",
        "latitude": "latitude",
        "longitude": "longitude",
        "typologie": "type de lieu",
        "telephone": "téléphone",
        "courriel": "courriel",
        "site_web": "site web",
        "horaires": "horaires (OpenStreetMap)",
        "date_maj": "date de mise à jour",
        "services": "services (vocabulaire v0.1)",
        "publics_accueillis": "publics (vocabulaire v0.1)",
        "labels_nationaux": "labels",
    },
    ignored={
        "conditions_acces": KEPT_RAW,
        "conditions_access": KEPT_RAW,
        "presentation_resume": KEPT_RAW,
        "presentation_detail": KEPT_RAW,
        "source": KEPT_RAW,
        "prise_rdv": KEPT_RAW,
        "modalites_accompagnement": KEPT_RAW,
        "labels_autres": KEPT_RAW,
        "accessibilite": KEPT_RAW,
        "structure_parente": KEPT_RAW,
        "cle_ban": "identifiant d'adresse non utilisé (l'adresse est lue)",
        "structureId": "identifiant de la structure porteuse, pas du lieu",
        "nb_aidants": "nombre de conseillers, pas une donnée du lieu",
        "aidants": "noms des conseillers : données personnelles, non reprises",
    },
)

FORMATS = (
    STANDARD_V1,
    Format(
        "data_inclusion_v01",
        "schéma médiation v0.1 (data·inclusion)",
        frozenset({"id", "typologie", "code_insee", "nom", "publics_accueillis"}),
        excluded=V1_ONLY - {"courriels"},
        **V01,
    ),
    Format(
        "cnfs",
        "lieux des Conseillers numériques (schéma v0.1)",
        frozenset({"id", "pivot", "structureId", "nom"}),
        excluded=V1_ONLY - {"courriels"},
        **V01,
    ),
    Format(
        "rhinocc",
        "export RhinOcc",
        frozenset({"n_ref", "nom"}),
        {
            "n_ref": "identifiant de l'enregistrement",
            "departement": "département",
            "ville": "commune",
            "code_commune": "code commune (INSEE)",
            "nom": "nom",
            "code_postal": "code postal",
            "adresse": "adresse",
            "adresse_suite": "adresse (complément)",
            "type_lieu": "type de lieu, itinérant",
            "tel_structure": "téléphone",
            "email_structure": "courriel",
            "site_internet": "site web",
            **_days("", "horaires"),
            "date_maj": "date de mise à jour",
            "public_toutes_actions": "publics",
            "codes_publics": "publics",
            **{f"type_mediation_{i}": "services" for i in range(1, 6)},
            "codes_types_mediations": "services",
            "code_label": "labels",
            "lat": "latitude",
            "lon": "longitude",
            "BAN_latitude": "latitude (géocodage BAN, si lat manque)",
            "BAN_longitude": "longitude (géocodage BAN, si lon manque)",
            "BAN_adress": "précision du géocodage",
            "BAN_city": "commune (si ville manque), précision du géocodage",
        },
        {
            "statut_infos": "statut de saisie interne à l'annuaire",
            "structure_porteuse": "structure porteuse, pas le lieu",
            "adresse_full": "doublon de adresse, code postal et ville",
            "nature_juridique": "pas de champ dans l'entrepôt",
            "rattachement": "pas de champ dans l'entrepôt",
            "conditions_acces_toutes_actions": KEPT_RAW,
            "public_si_different_*": "publics d'une action seulement, pas du lieu",
            "conditions_acces_si_diff_*": KEPT_RAW,
            "presta_mediation_*": KEPT_RAW,
            "wifi": "déjà dans les codes de services (W)",
            "precisions": KEPT_RAW,
            "codes_thematiques": "thématiques sans équivalent dans le vocabulaire",
            "BAN_adress_full": "doublon du géocodage",
            "BAN_postcode": "doublon du géocodage",
            "BAN_depcode": "doublon du géocodage",
        },
    ),
    Format(
        "rhinocc",
        "export RhinOcc ancien (rh_id, geo_lat, geo_lon)",
        frozenset({"rh_id", "nom", "geo_lat", "geo_lon"}),
        {},
        renames={"rh_id": "n_ref", "geo_lat": "lat", "geo_lon": "lon"},
    ),
    Format(
        "france_services",
        "liste France Services",
        frozenset({"id_fs", "lib_fs", "insee_dep"}),
        {
            "id_fs": "identifiant de l'enregistrement",
            "insee_dep": "département",
            "lib_fs": "nom",
            "adresse": "adresse",
            "complement_adresse": "adresse (complément)",
            "insee_com": "code commune (INSEE)",
            "code_postal": "code postal",
            "lib_com": "commune",
            "latitude": "latitude",
            "longitude": "longitude",
            "mail": "courriel",
            "telephone": "téléphone",
            **_days("h_", "horaires"),
            "format_fs": "itinérant",
            "itinerance": "itinérant",
        },
        {
            "prise_rdv": KEPT_RAW,
            "commentaire": KEPT_RAW,
            "type_fs": KEPT_RAW,
            "groupe_fs": KEPT_RAW,
            "groupe": KEPT_RAW,
            "labellisation_fs": "date de labellisation, pas de mise à jour",
            "labellisation": "date de labellisation, pas de mise à jour",
        },
    ),
    Format(
        "aidants_connect",
        "structures Aidants Connect",
        frozenset({"Data pass ID", "Name", "Département"}),
        {
            "Data pass ID": "identifiant de l'enregistrement",
            "Name": "nom",
            "Adresse": "adresse",
            "Code postal": "code postal",
            "commune": "commune",
            "Département": "département",
            "Région": "région (si le département manque)",
            "SIRET": "SIRET",
            "date_maj": "date de mise à jour",
        },
        {
            "Nombre d'agents formés": "activité de la structure, pas une donnée du lieu",
            "Nombre d'usagers accompagnés": "activité de la structure, pas une donnée du lieu",
            "Nombre de mandats": "activité de la structure, pas une donnée du lieu",
        },
    ),
    GOGOCARTO,
)
# The old RhinOcc layout is read as today's once renamed.
FORMATS[4].read.update(FORMATS[3].read)
FORMATS[4].ignored.update(FORMATS[3].ignored)


def columns_of(rows: list[dict]) -> list[str]:
    """Every column of a file's records; a nested object (GoGoCarto's `address`, `geo`) gives its
    own keys as `address.postalCode`…"""
    seen: dict[str, None] = {}
    for row in rows:
        if not isinstance(row, dict):
            continue
        for key, value in row.items():
            seen[key] = None
            if isinstance(value, dict) and key in ("address", "geo"):
                for inner in value:
                    seen[f"{key}.{inner}"] = None
    return list(seen)


def non_empty(rows: list[dict], column: str) -> bool:
    """True when at least one record has a value in `column` (`a.b` for a nested key)."""
    outer, _, inner = column.partition(".")
    for row in rows:
        value = row.get(outer) if isinstance(row, dict) else None
        if inner:
            value = value.get(inner) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return True
    return False


def candidates(columns: set[str]) -> list[Format]:
    """Formats whose distinguishing fields are all in `columns` and that exclude none of them."""
    return [f for f in FORMATS if f.distinguishing <= columns and not f.excluded & columns]


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


# The reader of each format (the `format` of a source in the manifest).
READERS = {
    "rhinocc": venue_sources.rhinocc,
    "france_services": venue_sources.france_services,
    "cnfs": venue_sources.cnfs,
    "data_inclusion_v01": venue_sources.data_inclusion,
    "aidants_connect": venue_sources.aidants_connect,
    "standard_v1": standard_v1,
    "gogocarto": gogocarto,
}
# Columns without which a format's rows cannot be understood (a tuple: any one of them will do);
# their absence makes the source partial: the build stops unless told to accept it.
EXPECTED_COLUMNS = {
    "rhinocc": ("nom", "ville", "code_postal", ("lat", "BAN_latitude"), ("lon", "BAN_longitude")),
    "france_services": ("lib_fs", "insee_dep", "insee_com", "latitude", "longitude"),
    "cnfs": ("nom", "code_postal", "latitude", "longitude"),
    "data_inclusion_v01": ("nom", "code_postal", "code_insee"),
    "aidants_connect": ("Name", "Code postal", "Département"),
    "standard_v1": ("nom", "code_postal", "adresse"),
    "gogocarto": ("name", "geo", "address"),
}
