"""Gap page: server time of a rerun after a weight change and after adding a hypothetical lieu.

Target: <= 500 ms at regional scale (commune level, all 4,446 communes). AppTest, warm cache, median of 5.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from rhinocc_dash.shared.config import resolve_db

ROOT = Path(__file__).resolve().parent.parent

COMMUNES = ("48077", "09193", "48110", "12166", "09267", "65192")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main(db: Path) -> None:
    os.environ["RHINOCC_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "pages" / "ecarts.py"), default_timeout=120)
    at.run()
    at.run()
    weights = [
        timed(lambda v=v: at.sidebar.select_slider(key="gap_w_revenu_median").set_value(v).run())
        for v in (0.5, 1.0, 1.5, 2.0, 2.5)
    ]
    print(
        f"weight change, commune level: median {statistics.median(weights):.0f} ms "
        f"(min {min(weights):.0f}, max {max(weights):.0f}); target <= 500 ms"
    )
    added = []
    for code in COMMUNES[:5]:
        at.selectbox(key="gap_whatif_commune").set_value(code).run()
        added.append(timed(lambda: at.button(key="gap_whatif_add").click().run()))
    print(
        f"hypothetical lieu added, commune level: median {statistics.median(added):.0f} ms "
        f"(min {min(added):.0f}, max {max(added):.0f}, first add includes a cold cache); target <= 500 ms"
    )
    assert not at.exception


if __name__ == "__main__":
    main(resolve_db(sys.argv[1] if len(sys.argv) > 1 else None))
