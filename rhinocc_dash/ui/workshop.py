"""Streamlit side, the workshop mode: large type, one idea per screen, keyboard and on-screen
navigation, the position in the URL, offline maps, a QR code of the current address.

Figures come from the same cached service functions as the other pages (`data`), formatted by
`formatting`; every text taken from the data is escaped.
"""

from __future__ import annotations

import html
import io
import socket
import urllib.parse

import segno
import streamlit as st

from .. import texts
from ..analysis import gap, service, workshop
from ..analysis.figures import departement_figures, departement_gap_ranking, regional_gap_ranking
from ..analysis.workshop import position as position
from ..shared.config import REGION
from ..shared.formatting import fmt_int, fmt_millions, fmt_percent
from ..views import basemap, deck, viewport
from ..views.report_departement import figure_rows
from .basemap import base_layers
from .data import caption, current_sources, lieux, query, service_frame
from .legends import map_legends
from .page_frame import is_phone
from .workshop_style import KEYS, STYLE

MAP_HEIGHT = 480
PHONE_MAP_WIDTH = 340
MAP_WIDTH = 560  # the map's column on a 1280 px screen (a 1920 px one shows a little more around)


def _figures(items: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<div class="chiffre"><b>{html.escape(v)}</b><span>{html.escape(label)}</span></div>'
        for v, label in items
    )
    return f'<div class="chiffres">{cells}</div>'


def _block(title: str, body: str = "", source: str = "") -> None:
    note = f'<div class="source">{html.escape(source)}</div>' if source else ""
    st.html(f'<div class="atelier"><h1>{html.escape(title)}</h1>{body}{note}</div>')


def setup() -> None:
    st.html(STYLE)
    st.html(KEYS, unsafe_allow_javascript=True)


def sequence() -> tuple[list[workshop.Screen], dict[str, str], list[str]]:
    """The screens (the URL's `deps` chooses the départements), their titles, notices."""
    deps = query("departement_list")
    names = dict(zip(deps["code"], deps["nom"], strict=True))
    chosen, ignored = workshop.chosen_departements(st.query_params.get("deps", ""), list(names))
    screens = workshop.sequence(list(names), chosen)
    titles = {
        s.key: texts.atelier.WORKSHOP_TITLES[s.kind].format(
            nom=names.get(s.departement), code=s.departement
        )
        for s in screens
    }
    notices = [texts.atelier.WORKSHOP_UNKNOWN_DEPS.format(values=", ".join(ignored))] if ignored else []
    return screens, titles, notices


def _go(key: str) -> None:
    st.query_params["ecran"] = key


def _jumped() -> None:
    _go(st.session_state["atelier_aller"])


def navigation(screens: list[workshop.Screen], titles: dict[str, str], index: int) -> None:
    """Previous / next buttons (and the arrow keys), the position, a jump to any screen."""
    with st.container(key="atelier_sequence", horizontal=True, vertical_alignment="center"):
        before = screens[workshop.step(screens, index, -1)].key
        after = screens[workshop.step(screens, index, +1)].key
        st.button(
            texts.atelier.WORKSHOP_PREVIOUS,
            key="atelier_precedent",
            disabled=index == 0,
            on_click=_go,
            args=(before,),
        )
        st.button(
            texts.atelier.WORKSHOP_NEXT,
            key="atelier_suivant",
            type="primary",
            disabled=index == len(screens) - 1,
            on_click=_go,
            args=(after,),
        )
        st.markdown(
            texts.atelier.WORKSHOP_POSITION.format(n=index + 1, total=len(screens)),
            help=texts.atelier.WORKSHOP_KEYS,
        )
        st.session_state["atelier_aller"] = screens[index].key
        st.selectbox(
            texts.atelier.WORKSHOP_JUMP,
            [s.key for s in screens],
            format_func=titles.get,
            key="atelier_aller",
            on_change=_jumped,
            label_visibility="collapsed",
            width=320,
        )
        st.markdown(f"[{texts.atelier.WORKSHOP_EXIT}](./)")  # the home page, same tab


def _lan_address() -> str | None:
    """This machine's address on its network (the interface a packet would leave by; nothing is
    sent), for phones in the room; None without a network."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def qr_code() -> None:
    """A QR code of this screen's address, made here (no external service). An address on this
    machine only (localhost) is replaced by its network address, which phones can reach."""
    base = st.context.url or ""
    parts = urllib.parse.urlsplit(base)
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if local and (lan := _lan_address()):
        base = parts._replace(netloc=f"{lan}:{parts.port}" if parts.port else lan).geturl()
        local = False
    query = urllib.parse.urlencode(st.query_params.to_dict())
    address = f"{base.split('?')[0]}?{query}" if query else base
    if not address:
        return
    picture = io.BytesIO()
    segno.make(address, error="m").save(picture, kind="png", scale=6, border=2)
    st.image(picture.getvalue(), width=180, alt=texts.atelier.WORKSHOP_QR)
    st.caption(texts.atelier.WORKSHOP_QR, help=texts.atelier.WORKSHOP_QR_HELP)
    if local:
        st.caption(texts.atelier.WORKSHOP_QR_LOCAL)


def _map(view, extra=(), key: str = "atelier_carte", communes: bool = False, dep=None):
    """Lieux over the offline base (département outlines and town names; commune outlines on the
    région's map and on a département's, its own only)."""
    frame = deck.point_frame(lieux(), "categorie", current_sources())
    base = base_layers(large=True, communes=communes, departement=dep)
    drawn = deck.build_deck(frame, None, None, False, None, view, basemap=False, base=base)
    drawn.layers.extend(extra)
    st.pydeck_chart(drawn, height=MAP_HEIGHT, key=key)


def context_screen(title: str) -> None:
    figures = service_frame(service.home_figures)
    poverty = service_frame(service.regional_reference)["taux_pauvrete"]
    items = []
    if REGION.quoted("a_accompagner") is not None:
        items += [
            (fmt_millions(REGION.quoted("a_accompagner")), texts.atelier.WORKSHOP_CONTEXT_PEOPLE),
            (fmt_percent(REGION.quoted("a_accompagner_part"), ratio=False), texts.atelier.WORKSHOP_CONTEXT_SHARE),
        ]
    items.append((fmt_percent(poverty, ratio=False), texts.accueil.CONTEXT_PAUVRETE))
    if REGION.quoted("illectronisme") is not None:
        items.append((fmt_millions(REGION.quoted("illectronisme")), texts.accueil.CONTEXT_ILLECTRONISME))
    body = _figures(items)
    if REGION.quoted("a_accompagner") is None:
        body += f"<p>{html.escape(texts.atelier.WORKSHOP_CONTEXT_NONE)}</p>"
    source = f"{REGION.context_source}. Pauvreté : {caption(['filosofi_departement'])}"
    _block(title, body, source)
    st.caption(f"{texts.accueil.METRIC_POPULATION} : {fmt_int(figures['population'])}")


def offer_screen(title: str) -> None:
    f = service_frame(service.home_figures)
    body = _figures(
        [
            (fmt_int(f["lieux"]), texts.atelier.WORKSHOP_OFFER_LIEUX),
            (fmt_percent(f["share_within_10km"]), texts.atelier.WORKSHOP_OFFER_WITHIN),
            (
                f"{fmt_int(f['communes_with_lieu'])} / {fmt_int(f['communes'])}",
                texts.atelier.WORKSHOP_OFFER_COMMUNES,
            ),
        ]
    )
    _block(title, body, caption(["lieux", "population"], texts.accueil.LIEUX_METHOD))


def map_screen(title: str) -> None:
    _block(title)
    shown = lieux()
    left, right = st.columns([4, 1])
    with left:
        _map(viewport.initial_view(is_phone()), communes=True)
    with right:
        map_legends(shown, ("points",), "categorie", current_sources(), None, None, None, None)
        st.caption(texts.atelier.WORKSHOP_MAP_LEGEND)
        st.caption(caption(["lieux", "communes"], texts.accueil.LIEUX_METHOD))


def departement_screen(title: str, dep: str) -> None:
    data = service_frame(service.region_data)
    rows = {
        k: (v, label)
        for k, label, v, _ in figure_rows(departement_figures(dep, data), data.catalogue)
    }
    keys = ("lieux", "lieux_pour_10000", "part_population_10km", "communes_avec_lieu")
    _block(title, _figures([rows[k] for k in keys if k in rows]))
    left, right = st.columns([3, 2])
    in_dep = lieux()[lambda f: f["departement"] == dep]
    communes = query("communes_base")
    mine = communes[communes["departement"] == dep]
    with left:
        view = viewport.fit_bounds(
            mine["longitude"].min() - 0.1,
            mine["latitude"].min() - 0.1,
            mine["longitude"].max() + 0.1,
            mine["latitude"].max() + 0.1,
            PHONE_MAP_WIDTH if is_phone() else MAP_WIDTH,
            MAP_HEIGHT,
        )
        _map(view, key=f"atelier_carte_{dep}", communes=True, dep=dep)
    with right:
        gaps = departement_gap_ranking(dep, data, top=3)
        items = "".join(
            f"<li><b>{html.escape(str(r.nom))}</b> · écart {fmt_int(r.ecart)}<br>"
            f"{html.escape(str(r.pourquoi))}</li>"
            for r in gaps.itertuples()
        )
        body = (
            f'<ol class="ecarts">{items}</ol>' if items else f"<p>{texts.atelier.WORKSHOP_DEP_NO_GAP}</p>"
        )
        st.html(f'<div class="atelier"><h2>{html.escape(texts.atelier.WORKSHOP_DEP_GAPS)}</h2>{body}</div>')
        st.caption(f"{fmt_int(len(in_dep))} {texts.atelier.WORKSHOP_OFFER_LIEUX}")
        st.caption(caption(gap.SOURCES, texts.ecarts.gap_method_note(REGION.context_source)))


def whatif_screen(title: str) -> None:
    _block(title, f"<p>{html.escape(texts.atelier.WORKSHOP_WHATIF_INTRO)}</p>")
    data = service_frame(service.region_data)
    communes = query("communes_base").set_index("code_insee")
    ranked = regional_gap_ranking(data)["code"].head(30)
    first = [c for c in ranked if c in communes.index]
    rest = sorted(set(communes.index) - set(first), key=lambda c: communes.at[c, "nom"])
    options = [None, *first, *rest]
    picked = st.selectbox(
        texts.atelier.WORKSHOP_WHATIF_PICK,
        options,
        format_func=lambda c: (
            "—"
            if c is None
            else f"{communes.at[c, 'nom']} ({communes.at[c, 'departement']})"  # plain text
        ),
        key="atelier_simulation",
        width=520,
    )
    hypotheses = (picked,) if picked else ()
    scenario = service.Scenario("departement", hypotheses)
    newly = service_frame(service.whatif, scenario).newly_within if hypotheses else 0
    st.html(
        f'<div class="atelier">{_figures([(fmt_int(newly), texts.atelier.WORKSHOP_WHATIF_NEWLY)])}</div>'
    )
    if not picked:
        st.caption(texts.atelier.WORKSHOP_WHATIF_NONE)
    st.caption(caption(["lieux", "population"], texts.accueil.LIEUX_METHOD))
    at = (communes.at[picked, "longitude"], communes.at[picked, "latitude"]) if picked else None
    _map(
        viewport.initial_view(is_phone()),
        key="atelier_carte_simulation",
        extra=basemap.reach_layers(*at) if at else [],
    )
