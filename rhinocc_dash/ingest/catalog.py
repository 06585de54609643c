"""Catalogue of the open-data source files: where each comes from, who produces it, its vintage and
licence.

`path` is the file as kept in the sources folder (the Occitanie subset). Where the public origin is
a national file, `national_path` is where `rhinocc-dash fetch` stores it; the adapters accept either
and keep the 13 départements. `sha256` is the expected checksum of what the origin serves, where it
is known: for files copied unchanged, the checksum of the copy; for national inputs kept in
`indicators/raw/`, the one in its SHA256SUMS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..shared import sources_manifest

GITHUB_RAW = "https://raw.githubusercontent.com"
NPM_CDN = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True)
class Origin:
    """A public raw-file address: a repository at a commit, or an npm package at a version."""

    repo: str
    ref: str
    path: str
    kind: str = "github"

    def relative_url(self) -> str:
        if self.kind == "npm":
            return f"{self.repo}@{self.ref}/{self.path}"
        return f"{self.repo}/{self.ref}/{self.path}"

    def url(self, base: str | None = None) -> str:
        default = NPM_CDN if self.kind == "npm" else GITHUB_RAW
        return f"{(base or default).rstrip('/')}/{self.relative_url()}"


@dataclass(frozen=True)
class SourceFile:
    key: str
    path: str
    title: str
    producer: str
    vintage: str
    licence: str
    origin: Origin | None = None
    sha256: str | None = None
    national_path: str | None = None
    national_sha256: str | None = None
    derived_from: tuple[str, ...] = field(default_factory=tuple)
    # Companion files fetched with this one: (path in the sources folder, origin, sha256 or None).
    parts: tuple[tuple[str, Origin, str | None], ...] = field(default_factory=tuple)
    # Short French name shown in filters, legends and cards (the title when empty).
    name: str = ""
    # Venue sources (from the sources manifest): the reader, the role, the programme of an official
    # list, which record describes a lieu first (lower first), an origin that is not a raw file.
    format: str = ""
    role: str = ""
    programme: str = ""
    priority: int = 9
    origin_url: str = ""

    def url(self) -> str | None:
        """Where the file comes from, if known."""
        return self.origin.url() if self.origin else (self.origin_url or None)

    @property
    def short_name(self) -> str:
        return self.name or self.title

    def locate(self, sources: Path) -> Path | None:
        """The file to read in `sources`: the regional copy, else the national file, else None."""
        for rel in (self.path, self.national_path):
            if rel and (sources / rel).is_file():
                return sources / rel
        if (
            self.parts
            and not self.national_path
            and all((sources / rel).is_file() for rel, *_ in self.parts)
        ):
            return sources / self.parts[0][0]
        return None


MEDNUM_CLI = "anct-cartographie-nationale/mednum-cli"
LO2 = "Licence Ouverte / Open Licence 2.0"
NO_LICENCE = "non précisée par l'origine"
GEOJSON_FR = "gregoiredavid/france-geojson"
GEOJSON_COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833"
DEPT_FOLDERS = {
    "09": "09-ariege",
    "11": "11-aude",
    "12": "12-aveyron",
    "30": "30-gard",
    "31": "31-haute-garonne",
    "32": "32-gers",
    "34": "34-herault",
    "46": "46-lot",
    "48": "48-lozere",
    "65": "65-hautes-pyrenees",
    "66": "66-pyrenees-orientales",
    "81": "81-tarn",
    "82": "82-tarn-et-garonne",
}
ETALAB_PKG = "@etalab/decoupage-administratif"


def venue_entry(declared: dict) -> SourceFile:
    """A venue source of the manifest as a catalogue entry."""
    origin = declared.get("origin")
    return SourceFile(
        declared["key"],
        declared["path"],
        declared["title"],
        declared["producer"],
        str(declared["vintage"]),
        declared["licence"],
        Origin(origin["repo"], origin["ref"], origin["path"]) if origin else None,
        sha256=declared.get("sha256"),
        national_path=declared.get("national_path"),
        name=declared.get("name", ""),
        format=declared["format"],
        role=declared["role"],
        programme=declared.get("programme", ""),
        priority=int(declared.get("priority", 9)),
        origin_url=declared.get("origin_url", ""),
    )


# The venue sources declared in the region's sources manifest, in build order.
VENUE_FILES = tuple(venue_entry(e) for e in sources_manifest.DECLARED)

SCHEMA_FILE = SourceFile(
    "schema_v1",
    "venues/schemas/standard-mediation-num_schema_v1.0.2.json",
    "Standard « lieux de médiation numérique » v1.0.2",
    "La MedNum, ANCT, Datactivist",
    "v1.0.2",
    "etalab-2.0",
    Origin(
        "LaMednum/standard-mediation-num", "13b05e2eba70227343ae5b176a155ac3878867e7", "schema.json"
    ),
    sha256="c268f27e019a37b73c0fda92768c862b2dd53c83dd047beabb43fe9254105cef",
)

INDICATOR_FILES = (
    SourceFile(
        "ifn2020_iris",
        "indicators/ifn2020_mednum_d4g_iris_occitanie.csv",
        "Indice de fragilité numérique 2020 par IRIS (précision complète)",
        "La MedNum",
        "2020",
        NO_LICENCE,
        Origin(
            "team-48/inr-indice-fragilite",
            "7cbe0ad05b2ecc35d2217c1efa27cf3d8fa971ac",
            "infrastructure/statistics/data/76.csv",
        ),
        national_path="indicators/raw/team48_region76.csv",
        national_sha256="a89fd1bb255a86478b4ef4252bb8b63610ee306cfd2e4ab25a1009d6e7a01119",
        parts=(
            (
                "indicators/raw/team48_headers.csv",
                Origin(
                    "team-48/inr-indice-fragilite",
                    "7cbe0ad05b2ecc35d2217c1efa27cf3d8fa971ac",
                    "infrastructure/statistics/data/headers.csv",
                ),
                "0b4ca28eff21566fb195cde679bb4ddc5eeae117b009ef774be0928f629b6801",
            ),
        ),
    ),
    SourceFile(
        "ifn2020_tableau",
        "indicators/ifn2020_mednum_tableau_iris_occitanie.csv",
        "Indice de fragilité numérique 2020 par IRIS (scores entiers, population 2016)",
        "La MedNum",
        "2020",
        NO_LICENCE,
        Origin(
            "slamer59/fragilite_num_playground",
            "7e57426028f54110d5e09ac62a7ed39b858e8391",
            "data/interim/get_indice_frag_pivot.trc.pqt",
        ),
        national_path="indicators/raw/get_indice_frag_pivot.trc.pqt",
        national_sha256="a7326cc7390e8597958e1b320a217dd51604390ab0321466e96f0dd4a094746a",
    ),
    SourceFile(
        "ifn2023_commune",
        "indicators/ifn_fragilite_numerique_2023_commune_occitanie.csv",
        "Indice de fragilité numérique 2023 (déciles) par commune",
        "La MedNum (fragilite-numerique.fr)",
        "2023",
        NO_LICENCE,
        Origin(
            "inclusion-numerique/stack",
            "f834ffa01171899e8efc38eb0864174b42a29482",
            "apps/web/public/data/ifn-city-all-variation.csv",
        ),
        national_path="indicators/raw/ifn-city-all-variation_f834ffa.csv",
        national_sha256="d790acb341a35779ef49a0e27ae8c2d92ea3414b99e85bbe0dbfb90ce470a78f",
    ),
    SourceFile(
        "ifn2023_epci",
        "indicators/ifn_fragilite_numerique_2023_epci_occitanie.csv",
        "Indice de fragilité numérique 2023 (déciles) par EPCI",
        "La MedNum (fragilite-numerique.fr)",
        "2023",
        NO_LICENCE,
        Origin(
            "inclusion-numerique/stack",
            "f834ffa01171899e8efc38eb0864174b42a29482",
            "apps/web/public/data/ifn-epci-all-variation.csv",
        ),
        national_path="indicators/raw/ifn-epci-all-variation_f834ffa.csv",
        national_sha256="37fc40768422b62337933ea811aa34c589244414a942370282807d70fdb95a1d",
    ),
    SourceFile(
        "filosofi_commune",
        "indicators/filosofi2019_commune_occitanie.csv",
        "Filosofi 2019 par commune",
        "Insee",
        "2019",
        "Insee, réutilisation avec mention de la source",
        Origin(
            "oliviercailloux/R-forces",
            "e235fe35d10c0ec7b652e72943c6d02721f79538",
            "base-cc-filosofi-2019_CSV.zip",
        ),
        national_path="indicators/raw/base-cc-filosofi-2019_CSV.zip",
        national_sha256="30c03621a161276dcb5f4362244f1b5af21f5ca99956cc1924c8d2c7c7014a1a",
    ),
    SourceFile(
        "filosofi_epci",
        "indicators/filosofi2019_epci_occitanie.csv",
        "Filosofi 2019 par EPCI",
        "Insee",
        "2019",
        "Insee, réutilisation avec mention de la source",
        national_path="indicators/raw/base-cc-filosofi-2019_CSV.zip",
    ),
    SourceFile(
        "filosofi_departement",
        "indicators/filosofi2019_departement_region_occitanie.csv",
        "Filosofi 2019 par département, région et France métropolitaine",
        "Insee",
        "2019",
        "Insee, réutilisation avec mention de la source",
        national_path="indicators/raw/base-cc-filosofi-2019_CSV.zip",
    ),
    SourceFile(
        "population",
        "indicators/population_communes_occitanie_pl2023_cog2026.csv",
        "Populations légales 2023 (en vigueur 2026)",
        "Insee, compilé par Etalab",
        "PL 2023",
        LO2,
        Origin(ETALAB_PKG, "6.0.0", "data/communes.json", kind="npm"),
        national_path="geo/national/communes.json",
    ),
)

GEO_FILES = (
    SourceFile(
        "departements",
        "geo/departements-occitanie_ign2018_25pct.geojson",
        "Contours des départements (simplifiés 25 %)",
        "IGN Admin Express via G. David",
        "COG 2018",
        "Licence Ouverte (Admin Express)",
        Origin(GEOJSON_FR, GEOJSON_COMMIT, "regions/occitanie/departements-occitanie.geojson"),
        sha256="3fa0b419e2569454d2475b7bbebc1390ff1755e061813838b3753cc48a4c143a",
    ),
    SourceFile(
        "region",
        "geo/region-occitanie_ign2018_25pct.geojson",
        "Contour de la région",
        "IGN Admin Express via G. David",
        "COG 2018",
        "Licence Ouverte (Admin Express)",
        Origin(GEOJSON_FR, GEOJSON_COMMIT, "regions/occitanie/region-occitanie.geojson"),
        sha256="1d3eae2dc4d73cb31eb832088453353f1e9721ade596d5dd8885cab81e8fc746",
    ),
    SourceFile(
        "communes_2018",
        "geo/communes-occitanie_cog2018_ign2018_25pct.geojson",
        "Contours des communes (COG 2018, simplifiés 25 %)",
        "IGN Admin Express via G. David",
        "COG 2018",
        "Licence Ouverte (Admin Express)",
        parts=tuple(
            (
                f"geo/communes-2018/communes-{folder}.geojson",
                Origin(
                    GEOJSON_FR, GEOJSON_COMMIT, f"departements/{folder}/communes-{folder}.geojson"
                ),
                None,
            )
            for folder in DEPT_FOLDERS.values()
        ),
    ),
    SourceFile(
        "communes_ref",
        "geo/ref/communes-occitanie_cog2026_decoupage-administratif.csv",
        "Communes 2026 : codes postaux, EPCI, anciens codes",
        "Etalab (découpage administratif)",
        "COG 2026",
        LO2,
        Origin(ETALAB_PKG, "6.0.0", "data/communes.json", kind="npm"),
        national_path="geo/national/communes.json",
    ),
    SourceFile(
        "epci_ref",
        "geo/ref/epci-occitanie_2026_decoupage-administratif.json",
        "EPCI 2026 et leurs membres",
        "Etalab (découpage administratif)",
        "EPCI 2026",
        LO2,
        Origin(ETALAB_PKG, "6.0.0", "data/epci.json", kind="npm"),
        national_path="geo/national/epci.json",
    ),
    SourceFile(
        "qpv",
        "geo/qpv-2015_occitanie_hackaviz2021.geojson",
        "Quartiers prioritaires de la politique de la ville (génération 2015)",
        "Toulouse DataViz (Hackaviz 2021)",
        "QPV 2015",
        NO_LICENCE,
        Origin(
            "ToulouseDataViz/Hackaviz2021",
            "a054acb49307aba725aee67405c5b4f3860bb16d",
            "data/qp.geojson",
        ),
        sha256="1e5f7099bf51310f0b4559afced973093d322fd86151b91343c48fe7ae5fecda",
    ),
)

DERIVED_FILES = (
    SourceFile(
        "communes_2026_geometry",
        "geo/derived/communes-occitanie_cog2026_DERIVED-from-ign2018.geojson",
        "Communes 2026 sur géométrie 2018",
        "dérivé",
        "COG 2026",
        "—",
        derived_from=("communes_2018", "communes_ref"),
    ),
    SourceFile(
        "epci_geometry",
        "geo/derived/epci-occitanie_2026_DERIVED-dissolve.geojson",
        "EPCI 2026 (fusion des communes)",
        "dérivé",
        "EPCI 2026",
        "—",
        derived_from=("communes_2018", "communes_ref"),
    ),
)

BUILD_FILES = VENUE_FILES + INDICATOR_FILES + GEO_FILES
ALL_FILES = BUILD_FILES + (SCHEMA_FILE,) + DERIVED_FILES
BY_KEY = {f.key: f for f in ALL_FILES}


def missing_files(sources: Path) -> list[SourceFile]:
    """Files the build needs that are present in neither regional nor national form."""
    return [f for f in BUILD_FILES if f.locate(sources) is None]
