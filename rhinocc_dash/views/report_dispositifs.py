"""The reports' section « Dispositifs nationaux »: the département's programme figures beside the
région's, or the 13 départements compared, as blocks of `report_blocks` (PDF and HTML alike)."""

from __future__ import annotations

from .. import texts_dispositifs as tx
from ..analysis.dispositifs_service import Dispositifs
from ..formatting import fmt_int
from .report_blocks import Block, heading, note, table
from .tables import FORMATTERS

PROGRAMME_COLUMNS = {
    "france_services": tx.FS_COLUMNS,
    "cnfs": tx.CNFS_COLUMNS,
    "aidants_connect": tx.AC_COLUMNS,
}
KINDS = {
    **dict.fromkeys(["sites_pour_10000", "postes_pour_10000", "mandats_pour_10000"], "decimal2"),
    **dict.fromkeys(["part_au_dela_10km", "part_au_dela_20km"], "percent"),
}
FARTHEST_KINDS = {"distance_mediane_km": "decimal1", "part_population_10km": "percent"}


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
    if tx.PASS_TERRITORIES:
        territories = ", ".join(tx.PASS_TERRITORIES)
        text += " " + tx.PASS_TERRITORIES_TEXT.format(
            territories=territories, source=tx.PASS_SOURCE
        )
    return text


def _context_note() -> str:
    items = [
        f"{label} : {fmt_int(value)} ({more})" for label, value, more in tx.CONTEXT_ITEMS if value
    ]
    if not items:
        return tx.NO_CONTEXT
    return (
        f"{tx.CONTEXT_TITLE} : "
        + " ; ".join(items)
        + ". "
        + tx.CONTEXT_NOTE.format(source=tx.CONTEXT_SOURCE)
    )


def departement_blocks(d: Dispositifs, dep: str) -> list[Block]:
    """The département's figures per programme, the région's beside them, its communes farthest from
    a France Services, the Pass numérique and the quoted regional context."""
    name = d.departement_names()[dep]
    rows = []
    for programme, column in tx.REPORT_ROWS:
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
