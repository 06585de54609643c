"""« Orienter une personne »: server time of a search, median over 20 searches.

Target: <= 300 ms. Each search is a rerun of the page (AppTest, warm caches) after choosing another
commune, with a need and « ouvert maintenant » set: the whole script (commune centre, criteria on all
lieux, the 10 nearest, cards, map, table). The pure search (`orient.nearest`) is timed apart.

    .venv/bin/python benchmarks/bench_orienter.py [warehouse.duckdb]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from rhinocc_dash.analysis import orient, orient_hours, service
from rhinocc_dash.shared.config import resolve_db
from rhinocc_dash.warehouse import run

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = 20


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main(db: Path) -> None:
    os.environ["RHINOCC_DB"] = str(db)
    os.environ["RHINOCC_BAN_URL"] = "http://127.0.0.1:9/search/"  # never online
    con = duckdb.connect(str(db), read_only=True)
    communes = run(con, "communes_base").sort_values("population", ascending=False)
    codes = list(communes["code_insee"].iloc[: SEARCHES * 10 : 10])  # big towns to villages
    lieux = service.lieux(con)
    need = orient.Need(services=("demarches",), when=orient_hours.When("maintenant"))
    now = orient_hours.paris_now()
    centres = communes.set_index("code_insee")[["longitude", "latitude"]]
    pure = [
        timed(lambda c=c: orient.nearest(lieux, tuple(centres.loc[c]), need, now)) for c in codes
    ]
    at = AppTest.from_file(str(ROOT / "pages" / "orienter.py"), default_timeout=120)
    at.query_params.update({"commune": codes[0], "besoin": "demarches", "quand": "maintenant"})
    at.run()
    at.run()
    page = [timed(lambda c=c: at.selectbox(key="ori_commune").set_value(c).run()) for c in codes]
    assert not at.exception, at.exception
    print(
        f"search, pure function (orient.nearest): median {statistics.median(pure):.1f} ms "
        f"(min {min(pure):.1f}, max {max(pure):.1f}) over {len(pure)} communes"
    )
    print(
        f"search, page rerun (server time): median {statistics.median(page):.0f} ms "
        f"(min {min(page):.0f}, max {max(page):.0f}) over {len(page)} communes; target <= 300 ms"
    )


if __name__ == "__main__":
    main(resolve_db(sys.argv[1] if len(sys.argv) > 1 else None))
