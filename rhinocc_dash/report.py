"""The département report for prefecture partners: one self-contained HTML file (Plotly embedded, offline,
printable to PDF from a browser). Every value from data is escaped."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from . import coverage, figures, gap, quality
from .formatting import fmt_date, fmt_decimal, fmt_int, fmt_percent
from .texts import SOURCE_NAMES

PRINT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1000px;margin:auto;
padding:1.5em}h1{color:#0f6e8c;margin-bottom:.2em}h2{border-bottom:2px solid #0f6e8c;padding-bottom:.2em;
margin-top:1.6em}.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:.8em}.figure{border:1px solid #ccd;
border-radius:6px;padding:.6em}.figure .value{font-size:1.6em;font-weight:600}.figure .label{font-size:.9em}
.source{color:#555;font-size:.85em}table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #ccd;padding:.25em .4em;text-align:left}th{background:#eef4f6}.estimate{font-style:italic}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.chart,.figures,table{break-inside:avoid}
@page{size:A4;margin:14mm}}
"""


@dataclass(frozen=True)
class ReportInputs:
    communes: pd.DataFrame  # communes_base
    access: pd.DataFrame  # commune_access
    lieux: pd.DataFrame  # map_lieux
    indicators: pd.DataFrame  # commune_indicators
    epci_names: pd.DataFrame  # code, nom
    departements: pd.DataFrame  # departement_published (code, nom, revenu_median, taux_pauvrete)
    records: pd.DataFrame  # quality_records
    geometries: pd.DataFrame  # geo_commune (code, nom, geometry as dicts or text)
    catalogue: pd.DataFrame  # source_catalogue


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _figure(key: str, label: str, value: str, note: str = "") -> str:
    return (
        f'<div class="figure"><div class="value" data-figure="{key}">{_esc(value)}</div>'
        f'<div class="label">{_esc(label)}</div><div class="source">{_esc(note)}</div></div>'
    )


def _table(frame: pd.DataFrame, table_id: str) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _chart(figure: go.Figure, chart_id: str) -> str:
    return (
        f'<div class="chart" id="{chart_id}">'
        + figure.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False})
        + "</div>"
    )


def key_figures(dep: str, inputs: ReportInputs) -> dict:
    """The report's key figures for one département (numbers, before formatting)."""
    communes = inputs.communes[inputs.communes["departement"] == dep]
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    row = coverage.total_row(communes, inputs.access, lieux, dep, "")
    frame = gap.gap_frame("commune", inputs.communes, inputs.indicators, inputs.access, None)
    in_dep = frame[frame["departement"] == dep]
    published = inputs.departements.set_index("code").loc[dep]
    ifn = in_dep.dropna(subset=["ifn2020_global"])
    return {
        "lieux": row["lieux"],
        "population": row["population"],
        "lieux_pour_10000": row["lieux_pour_10000"],
        "communes_avec_lieu": row["communes_avec_lieu"],
        "communes": row["communes"],
        "part_population_10km": row["part_population_10km"],
        "distance_mediane_km": row["distance_mediane_km"],
        "taux_pauvrete": published["taux_pauvrete"],
        "revenu_median": published["revenu_median"],
        "ifn2020_global": (ifn["ifn2020_global"] * ifn["ifn2020_population_p16"]).sum()
        / ifn["ifn2020_population_p16"].sum(),
        "illectronisme_estime": int(in_dep["illectronisme_estime"].sum()),
    }


def build_report(dep: str, inputs: ReportInputs, today: dt.date) -> str:
    """The whole report as one HTML document."""
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    figures_ = key_figures(dep, inputs)
    communes = inputs.communes[inputs.communes["departement"] == dep]
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    population_note = "Population municipale 2023, Insee"
    blocks = [
        _figure(
            "lieux",
            "Lieux d'inclusion numérique",
            fmt_int(figures_["lieux"]),
            "Lieux dédoublonnés, 5 sources",
        ),
        _figure(
            "lieux_pour_10000",
            "Lieux pour 10 000 habitants",
            fmt_decimal(figures_["lieux_pour_10000"], 2),
            population_note,
        ),
        _figure("population", "Habitants", fmt_int(figures_["population"]), population_note),
        _figure(
            "communes_avec_lieu",
            "Communes avec au moins un lieu",
            f"{fmt_int(figures_['communes_avec_lieu'])} / {fmt_int(figures_['communes'])}",
            "COG 2026",
        ),
        _figure(
            "part_population_10km",
            "Population à moins de 10 km d'un lieu",
            fmt_percent(figures_["part_population_10km"]),
            "À vol d'oiseau, depuis le point de la commune",
        ),
        _figure(
            "distance_mediane_km",
            "Distance médiane au lieu le plus proche",
            f"{fmt_decimal(figures_['distance_mediane_km'], 1)} km",
            "Pondérée par la population",
        ),
        _figure(
            "taux_pauvrete",
            "Taux de pauvreté",
            fmt_percent(figures_["taux_pauvrete"], ratio=False),
            "Insee, Filosofi 2019",
        ),
        _figure(
            "ifn2020_global",
            "Indice de fragilité numérique 2020",
            fmt_decimal(figures_["ifn2020_global"], 1),
            "La MedNum ; 100 = moyenne régionale",
        ),
        _figure(
            "illectronisme_estime",
            "Personnes en illectronisme (estimation modélisée)",
            fmt_int(figures_["illectronisme_estime"]),
            "Total régional RhinOcc 2023 (Insee 2019) réparti",
        ),
    ]
    epci_codes = set(communes["epci_siren"])
    epci_communes = inputs.communes[inputs.communes["epci_siren"].isin(epci_codes)]
    epci = coverage.coverage_table(
        epci_communes, inputs.access, inputs.lieux, "epci_siren", inputs.epci_names
    )
    dep_row = coverage.total_row(communes, inputs.access, lieux, dep, name)
    access_dep = communes.merge(inputs.access, on="code_insee")
    charts = [
        _chart(
            figures.commune_distance_map(
                access_dep,
                inputs.geometries,
                lieux,
                f"Lieux et distance au lieu le plus proche · {name}",
            ),
            "carte",
        ),
        _chart(
            figures.territory_bar(
                epci,
                "lieux_pour_10000",
                dep_row["lieux_pour_10000"],
                "Lieux pour 10 000 habitants, par EPCI",
                "lieux / 10 000 hab.",
                reference_label=name,
            ),
            "epci_lieux",
        ),
        _chart(
            figures.territory_bar(
                epci,
                "part_population_10km",
                dep_row["part_population_10km"],
                "Population à moins de 10 km d'un lieu, par EPCI",
                "%",
                reference_label=name,
                percent=True,
            ),
            "epci_10km",
        ),
        _chart(
            figures.label_stack(
                coverage.label_composition(lieux.assign(epci=lieux["epci_siren"]), "epci")
                .merge(inputs.epci_names, left_on="epci", right_on="code")
                .assign(territoire=lambda f: f["nom"]),
                "territoire",
                "Lieux par label principal, par EPCI",
            ),
            "labels",
        ),
    ]
    ranking = _gap_ranking(dep, inputs)
    freshness = quality.freshness(inputs.records[inputs.records["departement"] == dep], today)
    freshness["source"] = freshness["source"].map(lambda k: SOURCE_NAMES.get(k, k))
    for column in ("plus_ancienne", "plus_recente"):
        freshness[column] = freshness[column].map(fmt_date)
    for column in [c for c in freshness.columns if c.startswith("part_")]:
        freshness[column] = freshness[column].map(fmt_percent)
    sources = inputs.catalogue[["titre", "producer", "vintage", "licence"]].rename(
        columns={
            "titre": "Données",
            "producer": "Producteur",
            "vintage": "Millésime",
            "licence": "Licence",
        }
    )
    return _document(name, dep, today, blocks, charts, ranking, freshness, sources)


def _gap_ranking(dep: str, inputs: ReportInputs, top: int = 20) -> pd.DataFrame:
    """The 20 communes of the département with the largest need-minus-offer gap (default weights)."""
    frame = gap.gap_frame("commune", inputs.communes, inputs.indicators, inputs.access, None)
    ranked = gap.explain(gap.scores(frame, gap.DEFAULT_WEIGHTS), gap.DEFAULT_WEIGHTS)
    ranked = ranked[ranked["departement"] == dep].head(top)
    return pd.DataFrame(
        {
            "Rang régional": ranked["rang"].map(fmt_int),
            "Commune": ranked["nom"],
            "Population 2023": ranked["population"].map(fmt_int),
            "Illectronisme (estimation)": ranked["illectronisme_estime"].map(fmt_int),
            "Lieu le plus proche (km)": ranked["distance_lieu_km"].map(lambda v: fmt_decimal(v, 1)),
            "Écart besoin − offre": ranked["ecart"].map(lambda v: fmt_decimal(v, 0)),
            "Pourquoi": ranked["pourquoi"],
        }
    )


def _document(name, dep, today, blocks, charts, ranking, freshness, sources) -> str:
    title = f"Inclusion numérique · {name} ({dep})"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="fr"><head><meta charset="utf-8">',
            f"<title>{_esc(title)}</title><style>{PRINT_CSS}</style>",
            f"<script>{get_plotlyjs()}</script></head><body>",
            f"<h1>{_esc(title)}</h1>",
            f'<p class="source">Rapport rhinocc-dash généré le {fmt_date(today)} à partir de données ouvertes '
            "(millésimes ci-dessous). Les distances sont à vol d'oiseau depuis le point représentatif de chaque "
            "commune.</p>",
            "<h2>Chiffres clés</h2>",
            f'<div class="figures">{"".join(blocks)}</div>',
            '<p class="source estimate">L\'illectronisme par territoire est une estimation modélisée : le total '
            "régional (1 160 000 personnes, RhinOcc 2023 d'après Insee 2019) réparti au prorata de la population et "
            "de l'axe « compétences numériques » de l'IFN 2020.</p>",
            "<h2>Carte et couverture</h2>",
            *charts,
            "<h2>Communes où l'écart besoin − offre est le plus grand</h2>",
            _table(ranking, "classement"),
            '<p class="source">Score d\'écart : rang centile du besoin (IFN 2020, compétences numériques, IFN 2023, '
            "pauvreté) moins rang centile de l'offre, parmi les 4 446 communes d'Occitanie.</p>",
            "<h2>Fraîcheur des données</h2>",
            _table(freshness, "fraicheur"),
            "<h2>Sources</h2>",
            _table(sources, "sources"),
            "</body></html>",
        ]
    )
