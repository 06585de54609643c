"""The reports' section « Dispositifs nationaux »: the département's programme figures beside the
région's, or the 13 départements compared, as blocks of `report_blocks` (PDF and HTML alike)."""

from __future__ import annotations

from ..analysis.dispositifs_service import Dispositifs
from ..shared.config import REGION
from ..shared.formatting import fmt_int
from ..texts import dispositifs as tx
from .french_tables import FORMATTERS
from .report_blocks import Block, heading, note, table

PROGRAMME_COLUMNS = {
    "france_services": tx.FS_COLUMNS,
    "cnfs": tx.CNFS_COLUMNS,
    "aidants_connect": tx.AC_COLUMNS,
}
KINDS = {
    **dict.fromkeys(["sites_pour_10000", "postes_pour_10000", "mandats_pour_10000"], "decimal2"),
    **dict.fromkeys(["part_au_dela_10km", "part_au_dela_20km"], "percent"),
}
AC_COUNTS_SHOWN = ("mandats", "usagers", "agents_formes")
# (programme, column of its table) of the département report's table; labels from the texts' columns.
REPORT_ROWS = (
    *[("france_services", c) for c in ("sites_2022", "sites_2024", "sites_pour_10000")],
    *[("france_services", f"{m}_au_dela_{k}km") for k in (10, 20) for m in ("population", "part")],
    *[("cnfs", c) for c in ("postes", "postes_zrr", "postes_qpv", "investissement_eur")],
    ("cnfs", "lieux_activite_2022"),
    *[("aidants_connect", c) for c in ("structures", "structures_sans_mandat", *AC_COUNTS_SHOWN)],
)
FARTHEST_KINDS = {"distance_mediane_km": "decimal1", "part_population_10km": "percent"}


def quoted_context(programmes: dict) -> list[tuple[str, object, str]]:
    """The programme figures the region's settings quote (`[programmes]`), worded as (label, figure,
    detail); a figure the settings lack is left out."""

    def get(key: str):
        return programmes.get(key, "—")

    items = [
        (
            tx.CONTEXT_AC_LABEL,
            programmes.get("aidants_connect_formes"),
            tx.CONTEXT_AC_DETAIL.format(
                sessions=get("aidants_connect_sessions"), deps=get("aidants_connect_departements")
            ),
        ),
        (
            tx.CONTEXT_CNFS_LABEL.format(trainer=get("conseillers_formateur")),
            programmes.get("conseillers_formes"),
            tx.CONTEXT_CNFS_DETAIL.format(deps=get("conseillers_departements")),
        ),
    ]
    return [item for item in items if item[1]]


def pass_territories_text(programmes: dict) -> str | None:
    """Where the Pass numérique is distributed, as the settings quote it (None when they do not)."""
    territories = programmes.get("pass_numerique_territoires", [])
    if not territories:
        return None
    return tx.PASS_TERRITORIES_TEXT.format(
        territories=", ".join(territories), source=programmes.get("pass_numerique_source", "")
    )


def _cell(value, column: str) -> str:
    return FORMATTERS[KINDS.get(column, "int")](value)


def _sources_note(d: Dispositifs) -> str:
    keys = ["france_services_2024", "cnfs_structures", "aidants_connect_compteurs"]
    rows = d.sources.drop_duplicates("key").set_index("key")
    parts = [
        f"{rows.at[k, 'name']}, {rows.at[k, 'producer']}, {rows.at[k, 'vintage']}"
        for k in keys
        if k in rows.index
    ]
    return "Sources : " + " ; ".join(parts) + "."


def _pass_note(d: Dispositifs, dep: str | None) -> str:
    names = d.departement_names()
    lieux = d.pass_numerique
    count = len(lieux) if dep is None else int((lieux["departement"] == names[dep]).sum())
    text = f"{tx.PASS_TITLE} : {tx.PASS_COUNT.format(n=fmt_int(count))}"
    territories = pass_territories_text(REGION.programmes)
    return f"{text} {territories}" if territories else text


def _context_note() -> str:
    items = [
        f"{label} : {fmt_int(value)} ({more})"
        for label, value, more in quoted_context(REGION.programmes)
    ]
    if not items:
        return tx.NO_CONTEXT
    return (
        f"{tx.CONTEXT_TITLE} : "
        + " ; ".join(items)
        + ". "
        + tx.CONTEXT_NOTE.format(source=REGION.programmes.get("formation_source", ""))
    )


def departement_blocks(d: Dispositifs, dep: str) -> list[Block]:
    """The département's figures per programme, the région's beside them, its communes farthest from
    a France Services, the Pass numérique and the quoted regional context."""
    name = d.departement_names()[dep]
    rows = []
    for programme, column in REPORT_ROWS:
        frame = getattr(d, programme).set_index("code")
        programme_name = tx.PROGRAMME_NAMES[programme].split(" (")[0]
        label = f"{programme_name} : {PROGRAMME_COLUMNS[programme][column]}"
        region = frame.iloc[-1]
        rows.append([label, _cell(frame.at[dep, column], column), _cell(region[column], column)])
    figures_block = {
        "type": "table",
        "id": "dispositifs",
        "columns": ["Mesure", name, tx.REGION_ROW],
        "numeric": [False, True, True],
        "widths": [4, 1.3, 1.3],
        "rows": rows,
        "total": False,
    }
    farthest = d.farthest[d.farthest["departement"] == dep].head(10)
    return [
        heading(tx.REPORT_TITLE),
        note(tx.REPORT_INTRO),
        figures_block,
        note(f"{_sources_note(d)} {tx.FS_METHOD}"),
        heading(tx.REPORT_FARTHEST, 2),
        table(
            farthest.drop(columns=["departement"]),
            "dispositifs_communes_eloignees",
            tx.FS_FARTHEST_COLUMNS,
            FARTHEST_KINDS,
            (1.2, 2.4, 1.3, 2.4, 1.6),
        ),
        note(_pass_note(d, dep)),
        note(_context_note()),
    ]


def _region_table(d: Dispositifs, programme: str, columns: list[str], table_id: str) -> Block:
    frame = getattr(d, programme)[["nom", *columns]]
    kinds = {c: KINDS.get(c, "int") for c in columns}
    widths = (2.2, *[1] * len(columns))
    return table(frame, table_id, PROGRAMME_COLUMNS[programme], kinds, widths, total=True)


def region_blocks(d: Dispositifs) -> list[Block]:
    """The 13 départements compared per programme (région in the last row), and the quoted context."""
    farthest = d.farthest.head(10).assign(
        departement=d.farthest["departement"].map(d.departement_names())
    )
    fs = ["sites_2022", "sites_2024", "sites_pour_10000", "part_au_dela_10km", "part_au_dela_20km"]
    cnfs = ["structures", "postes", "postes_zrr", "postes_qpv", "postes_pour_10000"]
    ac = ["structures", "structures_sans_mandat", "mandats", "usagers", "agents_formes"]
    return [
        heading(tx.REPORT_TITLE),
        note(tx.REPORT_INTRO),
        heading(tx.REPORT_REGION_FS, 2),
        _region_table(d, "france_services", fs, "dispositifs_france_services"),
        heading(tx.REPORT_REGION_CNFS, 2),
        _region_table(d, "cnfs", cnfs, "dispositifs_conseillers"),
        heading(tx.REPORT_REGION_AC, 2),
        _region_table(d, "aidants_connect", ac, "dispositifs_aidants_connect"),
        note(f"{_sources_note(d)} {tx.FS_METHOD}"),
        heading(tx.REPORT_FARTHEST, 2),
        table(
            farthest,
            "dispositifs_communes_eloignees",
            tx.FS_FARTHEST_COLUMNS,
            FARTHEST_KINDS,
            (1.2, 2.2, 1.8, 1.3, 2.4, 1.6),
        ),
        note(_pass_note(d, None)),
        note(_context_note()),
    ]
