"""What each venue file format reads and ignores: the fields that tell it apart (recognition), the
columns it reads (and into what, in French) and the columns it ignores (and why). A column in neither
list is reported « ignorée : colonne inconnue du format »."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..shared.week import FRENCH_DAYS

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
