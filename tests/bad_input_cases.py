"""The corpus of malformed sources folders (issue 15): one defect per case, and what the build must do.

Each case names the catalogue file it damages, how (a function of the real file's bytes that writes the
damaged file), and the expected outcome: the build is refused with a French message containing given
words, or it is built and the damaged source's counts, quarantine reasons, flags or status are as
stated. Adding a case is one line. Used by tests/test_bad_input.py (on copies of the real files).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Refused:
    """The build raises a `BuildError` whose message contains every fragment (case-insensitive)."""

    fragments: tuple[str, ...]


@dataclass(frozen=True)
class Built:
    """The build succeeds; the damaged source accepts `scale` × the real build's rows + `accepted`
    (None: not checked)."""

    accepted: int | None = 0
    quarantined: dict[str, int] = field(default_factory=dict)  # reason code → rows (exact)
    flags: dict[str, int] = field(default_factory=dict)  # flag → at least this many records
    status: str = "present"
    check: Callable | None = None  # check(con, real_con): further assertions
    scale: int = 1


@dataclass(frozen=True)
class Case:
    id: str
    key: str  # catalogue key of the damaged file
    mutate: Callable[
        [Path, bytes], None
    ]  # writes the damaged file at the path, from the real bytes
    expect: Refused | Built
    allow_partial: bool = False


def refused(*fragments: str) -> Refused:
    return Refused(tuple(fragments))


# Mutations: each returns a function (target path, real bytes) → writes the damaged file.


def content(transform: Callable[[bytes], bytes]):
    def write(target: Path, data: bytes) -> None:
        target.write_bytes(transform(data))

    return write


def text(transform: Callable[[str], str], encoding: str = "utf-8", errors: str = "strict"):
    return content(lambda data: transform(data.decode("utf-8-sig")).encode(encoding, errors))


def rows(transform: Callable[[list[list[str]]], list[list[str]]], delimiter: str = ","):
    """Rewrite a CSV file: `transform` gets [header, *rows] as lists of strings."""

    def apply(source: str) -> str:
        table = list(csv.reader(io.StringIO(source, newline="")))
        out = io.StringIO(newline="")
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(transform(table))
        return out.getvalue()

    return text(apply)


def cell(row: int, column: str, value: str):
    """Set one cell (data row `row`, 1-based) of a CSV file."""

    def apply(table):
        table[row][table[0].index(column)] = value
        return table

    return rows(apply)


def column_map(column: str, function: Callable[[str], str]):
    def apply(table):
        index = table[0].index(column)
        for row in table[1:]:
            row[index] = function(row[index])
        return table

    return rows(apply)


def drop_columns(*names: str):
    def apply(table):
        keep = [i for i, name in enumerate(table[0]) if name not in names]
        return [[row[i] for i in keep] for row in table]

    return rows(apply)


def add_column(name: str, value: str):
    return rows(lambda table: [table[0] + [name]] + [row + [value] for row in table[1:]])


def rename_column(old: str, new: str):
    return rows(lambda table: [[new if c == old else c for c in table[0]]] + table[1:])


def json_data(transform: Callable[[object], object]):
    return text(lambda source: json.dumps(transform(json.loads(source)), ensure_ascii=False))


def json_field(index: int, key: str, value):
    def apply(data):
        data[index][key] = value
        return data

    return json_data(apply)


def geometry_type(kind: str):
    """Every feature's geometry becomes a line (or point) of its first coordinates."""

    def apply(data):
        for feature in data["features"]:
            ring = feature["geometry"]["coordinates"]
            while isinstance(ring[0][0], list):
                ring = ring[0]
            coordinates = ring[0] if kind == "Point" else ring
            feature["geometry"] = {"type": kind, "coordinates": coordinates}
        return data

    return json_data(apply)


def feature_property(index: int, key: str, value=None, remove: bool = False):
    def apply(data):
        if remove:
            del data["features"][index]["properties"][key]
        else:
            data["features"][index][key] = value
        return data

    return json_data(apply)


def swap_columns(a: str, b: str):
    def apply(table):
        i, j = table[0].index(a), table[0].index(b)
        for row in table[1:]:
            row[i], row[j] = row[j], row[i]
        return table

    return rows(apply)


def comma_decimal(*columns: str):
    def apply(table):
        for name in columns:
            index = table[0].index(name)
            for row in table[1:]:
                row[index] = row[index].replace(".", ",")
        return table

    return rows(apply)


def first_rows(count: int):
    return rows(lambda table: table[: count + 1])


def repeat_rows(times: int):
    return rows(lambda table: [table[0]] + table[1:] * times)


def distinct_copies(times: int):
    """`times` copies of every row, each copy with its own id and name (clearly synthetic)."""

    def apply(table):
        ref, nom = table[0].index("n_ref"), table[0].index("nom")
        out = [table[0]] + [list(r) for r in table[1:]]
        for copy in range(1, times):
            for row in table[1:]:
                new = list(row)
                new[ref], new[nom] = f"{row[ref]}-SYNTH{copy:03d}", f"{row[nom]} (fictif {copy})"
                out.append(new)
        return out

    return rows(apply)


def invalid_utf8_in_one_row(data: bytes) -> bytes:
    """The first « é » of the file's data written as a lone Latin-1 byte (0xE9): invalid UTF-8 in
    that row only."""
    lines = data.split(b"\n")
    number = next(i for i, line in enumerate(lines) if i and b"\xc3\xa9" in line)
    lines[number] = lines[number].replace(b"\xc3\xa9", b"\xe9", 1)
    return b"\n".join(lines)


def truncate_mid_last_row(data: bytes) -> bytes:
    body = data.rstrip(b"\n")
    last = body.rfind(b"\n")
    return body[: last + 1 + (len(body) - last) // 3]


def make_directory(target: Path, data: bytes) -> None:
    target.mkdir()
    (target / "lisez-moi.txt").write_text("un dossier à la place du fichier")


def make_fifo(target: Path, data: bytes) -> None:
    os.mkfifo(target)


def make_symlink_loop(target: Path, data: bytes) -> None:
    other = target.with_name(target.name + ".boucle")
    other.symlink_to(target.name)
    target.symlink_to(other.name)


def with_extra_files(target: Path, data: bytes) -> None:
    target.write_bytes(data)
    (target.parent / "notes de travail.txt").write_text("à trier", encoding="utf-8")
    (target.parent / "lieux-2025_brouillon.json").write_text('{"pas": "un lieu"}')
    (target.parent / "copie.csv").write_bytes(b"\x00\x01garbage")


def crlf_bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def nul_in_row(data: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[10] = lines[10].replace(b",", b",\x00", 1)
    return b"\n".join(lines)


def ragged(table):
    for row in table[1:21]:
        row.append("colonne décalée")
    return table


def no_leading_zero(value: str) -> str:
    return value[1:] if value.startswith("0") else value


def set_qpv_lines(target: Path, data: bytes) -> None:
    geometry_type("LineString")(target, data)


def dict_of_lists(data):
    return {"lieux": data, "total": len(data)}


def population_text(table):
    table[12][table[0].index("population_municipale")] = "beaucoup"
    return table


def oversized(chars: int, column: str = "precisions", row: int = 5):
    return cell(row, column, "x" * chars)


def rhinocc_dates(value: str, rows_to_change: int = 10):
    def apply(table):
        index = table[0].index("date_maj")
        for row in table[1 : rows_to_change + 1]:
            row[index] = value
        return table

    return rows(apply)


def far_away(count: int):
    """`count` RhinOcc rows geocoded in Madrid (outside France)."""

    def apply(table):
        for name, value in (("lat", "40.4168"), ("lon", "-3.7038")):
            index = table[0].index(name)
            for row in table[1 : count + 1]:
                row[index] = value
        for name in ("BAN_latitude", "BAN_longitude"):
            index = table[0].index(name)
            for row in table[1 : count + 1]:
                row[index] = ""
        return table

    return rows(apply)


def no_mojibake(con, real_con) -> None:
    names = [
        r[0]
        for r in con.execute("SELECT nom FROM venue_records WHERE source = 'rhinocc'").fetchall()
    ]
    assert not [n for n in names if "Ã" in n], "mojibake after a single bad byte"


def same_filosofi(con, real_con) -> None:
    sql = "SELECT code_insee, revenu_median FROM commune_indicators ORDER BY code_insee"
    assert con.execute(sql).fetchall() == real_con.execute(sql).fetchall()


def same_population(con, real_con) -> None:
    sql = "SELECT code_insee, population FROM communes ORDER BY code_insee"
    assert con.execute(sql).fetchall() == real_con.execute(sql).fetchall()


def same_points(source: str):
    def check(con, real_con) -> None:
        sql = (
            "SELECT source_row, latitude, longitude FROM venue_records WHERE source = ? "
            "ORDER BY source_row"
        )
        assert con.execute(sql, [source]).fetchall() == real_con.execute(sql, [source]).fetchall()

    return check


def no_future_dates(con, real_con) -> None:
    latest = con.execute("SELECT max(date_maj) FROM venue_records").fetchone()[0]
    assert latest is None or latest.year < 2030


CASES = [
    # Encodings
    Case("cp1252", "rhinocc", text(lambda s: s, "cp1252", "replace"), Built(0)),
    Case("latin1", "rhinocc", text(lambda s: s, "latin-1", "replace"), Built(0)),
    Case(
        "utf8_invalide_une_ligne",
        "rhinocc",
        content(invalid_utf8_in_one_row),
        Built(-1, {"encodage_invalide": 1}, check=no_mojibake),
    ),
    Case("octets_nuls", "rhinocc", content(nul_in_row), Built(-1, {"caracteres_interdits": 1})),
    Case("bom_crlf", "france_services_2024", content(crlf_bom), Built(0)),
    Case("bom_crlf_rhinocc", "rhinocc", content(crlf_bom), Built(0)),
    # Delimiters
    Case("point_virgule", "rhinocc", rows(lambda t: t, ";"), Built(0)),
    Case("tabulation", "france_services_2024", rows(lambda t: t, "\t"), Built(0)),
    Case("lignes_irregulieres", "rhinocc", rows(ragged), Built(-20, {"champs_en_trop": 20})),
    # Truncated, empty, header-only
    Case(
        "tronque_en_cours_de_ligne",
        "rhinocc",
        content(truncate_mid_last_row),
        Built(-1, {"ligne_incomplete": 1}),
    ),
    Case(
        "tronque_de_moitie",
        "rhinocc",
        first_rows(300),
        refused("rhinocc", "300", "844", "--allow-partial"),
    ),
    Case(
        "tronque_de_moitie_accepte",
        "rhinocc",
        first_rows(300),
        Built(None, status="partial"),
        allow_partial=True,
    ),
    Case("vide", "rhinocc", content(lambda d: b""), refused("rhinocc_2022-12", "vide")),
    Case(
        "vide_accepte",
        "rhinocc",
        content(lambda d: b""),
        Built(None, status="absent"),
        allow_partial=True,
    ),
    Case("entete_seul", "rhinocc", first_rows(0), refused("rhinocc_2022-12", "aucune ligne")),
    Case(
        "entete_seul_accepte",
        "rhinocc",
        first_rows(0),
        Built(None, status="absent"),
        allow_partial=True,
    ),
    Case("json_vide", "aidants_connect", content(lambda d: b"[]"), refused("aidants", "aucun")),
    # Columns
    Case("colonne_nom_absente", "rhinocc", drop_columns("nom"), refused("rhinocc", "« nom »")),
    Case(
        "colonne_renommee",
        "france_services_2024",
        rename_column("latitude", "Latitude (WGS84)"),
        refused("france-services_2024", "« latitude »"),
    ),
    Case("colonne_en_plus", "rhinocc", add_column("commentaire_interne", "à revoir"), Built(0)),
    Case(
        "deux_colonnes_nom",
        "rhinocc",
        add_column("nom", "Autre nom"),
        refused("rhinocc", "« nom »", "deux fois"),
    ),
    Case(
        "colonne_code_epci_absente",
        "communes_ref",
        drop_columns("code_epci"),
        refused("communes-occitanie_cog2026", "« code_epci »"),
    ),
    Case(
        "colonne_population_absente",
        "population",
        rename_column("population_municipale", "pop"),
        refused("population_communes", "« population_municipale »"),
    ),
    # Comma decimals
    Case(
        "virgule_decimale",
        "rhinocc",
        comma_decimal("lat", "lon", "BAN_latitude", "BAN_longitude"),
        Built(0, check=same_points("rhinocc")),
    ),
    Case(
        "virgule_decimale_fs",
        "france_services_2024",
        comma_decimal("latitude", "longitude"),
        Built(0, check=same_points("france_services_2024")),
    ),
    Case(
        "virgule_decimale_filosofi",
        "filosofi_commune",
        comma_decimal("MED19"),
        Built(0, check=same_filosofi),
    ),
    # Coordinates
    Case(
        "coordonnees_inversees",
        "rhinocc",
        swap_columns("lat", "lon"),
        Built(0, flags={"coordonnees_inversees": 800}),
    ),
    Case("hors_de_france", "rhinocc", far_away(10), Built(0, flags={"point_hors_region": 10})),
    # INSEE codes without their leading zero
    Case(
        "insee_sans_zero_fs",
        "france_services_2024",
        column_map("insee_com", no_leading_zero),
        Built(0, flags={"code_insee_complete": 14}),
    ),
    Case(
        "insee_sans_zero_population",
        "population",
        column_map("code_commune", no_leading_zero),
        Built(0, check=same_population),
    ),
    Case(
        "insee_sans_zero_filosofi",
        "filosofi_commune",
        column_map("CODGEO", no_leading_zero),
        Built(0, check=same_filosofi),
    ),
    # Long fields
    Case("champ_10_ko", "rhinocc", oversized(10_000), Built(0)),
    Case("champ_200_ko", "rhinocc", oversized(200_000), Built(-1, {"champ_trop_long": 1})),
    Case(
        "champ_200_ko_json",
        "data_inclusion",
        json_field(3, "presentation_detail", "y" * 200_000),
        Built(-1, {"champ_trop_long": 1}),
    ),
    # Dates
    Case(
        "date_impossible",
        "rhinocc",
        rhinocc_dates("31/02/2021"),
        Built(0, flags={"date_illisible": 10}),
    ),
    Case(
        "date_2099",
        "rhinocc",
        rhinocc_dates("2099-01-01"),
        Built(0, flags={"date_future": 10}, check=no_future_dates),
    ),
    Case(
        "date_fevrier_2030",
        "rhinocc",
        rhinocc_dates("Février 2030"),
        Built(0, flags={"date_future": 10}, check=no_future_dates),
    ),
    Case(
        "date_1850", "rhinocc", rhinocc_dates("01/01/1850"), Built(0, flags={"date_improbable": 10})
    ),
    # Invalid JSON, wrong JSON shapes
    Case(
        "json_invalide_cnfs",
        "cnfs",
        content(lambda d: d[: len(d) // 2]),
        refused("cnfs-lieux", "JSON", "ligne"),
    ),
    Case(
        "json_invalide_cnfs_accepte",
        "cnfs",
        content(lambda d: d[: len(d) // 2]),
        Built(None, status="absent"),
        allow_partial=True,
    ),
    Case(
        "objet_au_lieu_de_liste",
        "data_inclusion",
        json_data(dict_of_lists),
        refused("data-inclusion", "liste"),
    ),
    Case(
        "liste_de_nombres",
        "aidants_connect",
        json_data(lambda d: list(range(len(d)))),
        refused("aidants", "aucun"),
    ),
    Case(
        "communes_json_invalide",
        "communes_2018",
        content(lambda d: d[:-200]),
        refused("communes-occitanie_cog2018", "JSON", "ligne"),
    ),
    # GeoJSON of the wrong shape
    Case(
        "qpv_lignes",
        "qpv",
        set_qpv_lines,
        refused("qpv-2015", "LineString", "Polygon"),
    ),
    Case(
        "departements_points",
        "departements",
        geometry_type("Point"),
        refused("departements-occitanie", "Point", "Polygon"),
    ),
    Case(
        "commune_sans_code",
        "communes_2018",
        feature_property(7, "code", remove=True),
        refused("communes-occitanie_cog2018", "« code »"),
    ),
    Case(
        "commune_sans_geometrie",
        "communes_2018",
        feature_property(7, "geometry", None),
        refused("communes-occitanie_cog2018", "géométrie"),
    ),
    # Non-numeric values
    Case(
        "population_non_numerique",
        "population",
        rows(population_text),
        refused("population_communes", "ligne 13", "« population_municipale »", "beaucoup"),
    ),
    Case(
        "population_ref_non_numerique",
        "communes_ref",
        cell(4, "population", "N/A"),
        refused("communes-occitanie_cog2026", "ligne 5", "« population »", "N/A"),
    ),
    Case(
        "filosofi_non_numerique",
        "filosofi_commune",
        cell(3, "MED19", "secret"),
        refused("filosofi2019_commune", "ligne 4", "« MED19 »", "secret"),
    ),
    Case(
        "ifn2023_non_numerique",
        "ifn2023_commune",
        cell(3, "total_mean5", "sept"),
        refused("ifn_fragilite_numerique_2023_commune", "« total_mean5 »", "sept"),
    ),
    Case(
        "ifn2020_entete_seul",
        "ifn2020_iris",
        first_rows(0),
        refused("ifn2020_mednum_d4g", "aucune ligne"),
    ),
    Case(
        "filosofi_epci_vide",
        "filosofi_epci",
        content(lambda d: b""),
        refused("filosofi2019_epci", "vide"),
    ),
    # Not a file
    Case(
        "dossier",
        "rhinocc",
        make_directory,
        refused("rhinocc_2022-12_lieux_occitanie_geocoded.csv"),
    ),
    Case("fifo", "cnfs", make_fifo, refused("cnfs-lieux_2022-12_occitanie.json")),
    Case("boucle_de_liens", "qpv", make_symlink_loop, refused("qpv-2015_occitanie_hackaviz2021")),
    Case("fichiers_inconnus", "rhinocc", with_extra_files, Built(0)),
    # Volume
    Case(
        "x100_lignes_dupliquees",
        "rhinocc",
        repeat_rows(100),
        Built(0, {"doublon_exact": 99 * 845}),
    ),
    Case("x3_lignes_distinctes", "rhinocc", distinct_copies(3), Built(0, scale=3)),
]


def copy_sources(real: Path, folder: Path) -> Path:
    """A copy of the files the build reads (the folder stays small and the real data untouched)."""
    from rhinocc_dash.ingest.catalog import BUILD_FILES

    for entry in BUILD_FILES:
        path = entry.locate(real)
        target = folder / path.relative_to(real)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return folder


def case_folder(pristine: Path, folder: Path, case: Case) -> Path:
    """A sources folder for `case`: links to the pristine copy, the damaged file written anew."""
    from rhinocc_dash.ingest.catalog import BY_KEY

    for path in pristine.rglob("*"):
        if path.is_file():
            link = folder / path.relative_to(pristine)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path)
    target = folder / BY_KEY[case.key].path
    data = (pristine / BY_KEY[case.key].path).read_bytes()
    target.unlink()
    case.mutate(target, data)
    return folder
