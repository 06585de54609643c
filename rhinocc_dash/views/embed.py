"""Embed mode, pure side: the view's parameters, the link to the full page, the `<iframe>` code and the
list of open-data files shown to visitors."""

from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

from ..shared.formatting import fmt_decimal, fmt_int

PARAM = "integrer"
# Not part of a view: the embed flags themselves (Streamlit's own are never in st.query_params).
NOT_VIEW = {PARAM, "embed", "embed_options"}
FRAME_WIDTH = "100%"


def view_params(params: dict) -> dict[str, str]:
    """The parameters that make the view (filters, territory, level, indicator…), flags removed."""
    return {k: str(v) for k, v in params.items() if k not in NOT_VIEW}


def full_view_url(path: str, params: dict) -> str:
    """The same view in the full dashboard, relative to the app (a frame resolves it on our site)."""
    query = urlencode(view_params(params))
    return f"/{path.strip('/')}" + (f"?{query}" if query else "")


def origin(url: str | None) -> str | None:
    """« https://tableau.rhinocc.fr » from the address the visitor's browser shows, None if unknown."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _attribute(value: str) -> str:
    """A double-quoted attribute's value: « < > & " » escaped, apostrophes left readable."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def iframe_snippet(site: str, path: str, params: dict, title: str, height: int) -> str:
    """The `<iframe>` to paste into a web page: this view, framed, lazy-loaded, titled."""
    query = urlencode({**view_params(params), PARAM: "1"})
    source = f"{site.rstrip('/')}/{path.strip('/')}?{query}"
    return (
        f'<iframe src="{_attribute(source)}" title="{_attribute(title)}" '
        f'width="{FRAME_WIDTH}" height="{int(height)}" loading="lazy" '
        'style="border:0;max-width:100%" referrerpolicy="strict-origin-when-cross-origin">'
        "</iframe>"
    )


def fmt_size(size: int) -> str:
    """« 632 ko », « 1,6 Mo » (French units, decimal prefixes)."""
    if size < 1_000_000:
        return f"{fmt_int(round(size / 1000))} ko"
    return f"{fmt_decimal(size / 1_000_000)} Mo"


def open_data_files(package: dict) -> list[dict]:
    """One row per file of a `datapackage.json`, for the « Données ouvertes » table."""
    rows = [
        {
            "fichier": "datapackage.json",
            "titre": "Description des fichiers (Frictionless)",
            "lignes": "",
            "taille": "",
            "lien": "/donnees/datapackage.json",
        }
    ]
    for resource in package.get("resources", []):
        count = resource.get("rows", resource.get("features"))
        rows.append(
            {
                "fichier": resource["path"],
                "titre": resource.get("title", ""),
                "lignes": fmt_int(count) if count is not None else "",
                "taille": fmt_size(int(resource.get("bytes", 0))),
                "lien": f"/donnees/{resource['path']}",
            }
        )
    return rows
