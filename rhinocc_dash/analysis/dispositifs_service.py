"""The read side's figures of the page « Dispositifs nationaux » and of the reports' programme
sections: (connection, arguments) -> frames, re-exported by `analysis.service`."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ..shared.config import REGION
from ..warehouse import run
from . import dispositifs as programmes


@dataclass(frozen=True)
class Dispositifs:
    """Every figure of the programmes, per département and for the région (last row of each table)."""

    need: pd.DataFrame
    france_services: pd.DataFrame
    farthest: pd.DataFrame  # every commune, farthest from a France Services first
    fs_sites: pd.DataFrame
    cnfs: pd.DataFrame
    aidants_connect: pd.DataFrame
    inactive: pd.DataFrame
    pass_numerique: pd.DataFrame
    rejects: pd.DataFrame
    sources: pd.DataFrame  # the source catalogue and the programme files' metadata

    def departement_names(self) -> dict[str, str]:
        return dict(zip(self.need["code"], self.need["nom"], strict=True))


def dispositifs(con: duckdb.DuckDBPyConnection) -> Dispositifs:
    """The programmes' figures per département (see `analysis.dispositifs`)."""
    from .service import gap_base, points  # the service imports this module

    need = programmes.need_frame(gap_base(con, "departement"))
    region = programmes.region_need(need, REGION.code, REGION.name)
    names = dict(zip(need["code"], need["nom"], strict=True))
    communes = run(con, "communes_base")
    people = points(con)[["code_insee", "x", "y", "population"]]
    sites = run(con, "programme_sites")
    fs = sites[sites["source"].isin([programmes.FS_2024, programmes.FS_2022])]
    fs_2024 = fs[fs["source"] == programmes.FS_2024]
    distances, farthest = programmes.france_services_access(people, communes, fs_2024)
    ac = run(con, "programme_aidants_connect")
    posts = run(con, "programme_cnfs_postes")
    catalogue = run(con, "source_catalogue")
    extra = run(con, "programme_sources")
    return Dispositifs(
        need=need,
        france_services=programmes.france_services_table(fs, distances, need, region),
        farthest=farthest,
        fs_sites=fs_2024.reset_index(drop=True),
        cnfs=programmes.cnfs_table(
            posts, sites[sites["source"] == programmes.CNFS_LIEUX], need, region
        ),
        aidants_connect=programmes.aidants_connect_table(ac, need, region),
        inactive=programmes.inactive_structures(ac, names),
        pass_numerique=programmes.pass_numerique_lieux(run(con, "pass_numerique_lieux"), names),
        rejects=run(con, "programme_rejects"),
        sources=pd.concat([catalogue, extra], ignore_index=True),
    )


def dispositifs_epci(con: duckdb.DuckDBPyConnection, dep: str) -> pd.DataFrame:
    """The programmes per EPCI with a member commune in `dep`."""
    sites = run(con, "programme_sites")
    return programmes.by_epci(
        run(con, "epci_published")[["code", "nom"]],
        run(con, "communes_base"),
        dep,
        sites,
        run(con, "programme_cnfs_postes"),
        run(con, "programme_aidants_connect"),
    )
