"""The département report for prefecture partners: one self-contained HTML file (Plotly embedded, offline,
printable to PDF from a browser). Every value from data is escaped."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from ..analysis import coverage, quality, sources
from ..analysis.departement import ReportInputs, epci_coverage, gap_ranking, key_figures
from ..formatting import fmt_date, fmt_decimal, fmt_int, fmt_percent
from . import charts, palette

PRINT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1000px;margin:auto;
padding:1.5em}h1{color:PRIMARY_COLOUR;margin-bottom:.2em}h2{border-bottom:2px solid PRIMARY_COLOUR;padding-bottom:.2em;
margin-top:1.6em}.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:.8em}.figure{border:1px solid #ccd;
border-radius:6px;padding:.6em}.figure .value{font-size:1.6em;font-weight:600}.figure .label{font-size:.9em}
.source{color:#555;font-size:.85em}table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #ccd;padding:.25em .4em;text-align:left}th{background:#eef4f6}.estimate{font-style:italic}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.chart,.figures,table{break-inside:avoid}
@page{size:A4;margin:14mm}}
""".replace("PRIMARY_COLOUR", palette.hex_colour(palette.PRIMARY))


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


def build_report(dep: str, inputs: ReportInputs, today: dt.date) -> str:
    """The whole report as one HTML document."""
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    figures_ = key_figures(dep, inputs)
    communes = inputs.communes[inputs.communes["departement"] == dep]
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    catalogue = inputs.catalogue
    population_note = sources.short(catalogue, "population")
    blocks = [
        _figure(
            "lieux",
            "Lieux d'inclusion numérique",
            fmt_int(figures_["lieux"]),
            f"Lieux dédoublonnés, {len(sources.lieux_sources(catalogue))} sources",
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
            sources.short(catalogue, "filosofi_departement"),
        ),
        _figure(
            "ifn2020_global",
            "Indice de fragilité numérique 2020",
            fmt_decimal(figures_["ifn2020_global"], 1),
            sources.short(catalogue, "ifn2020_iris") + " ; 100 = moyenne régionale",
        ),
        _figure(
            "illectronisme_estime",
            "Personnes en illectronisme (estimation modélisée)",
            fmt_int(figures_["illectronisme_estime"]),
            "Total régional RhinOcc 2023 (Insee 2019) réparti",
        ),
    ]
    epci, dep_row = epci_coverage(dep, inputs)
    access_dep = communes.merge(inputs.access, on="code_insee")
    figures = [
        _chart(
            charts.commune_distance_map(
                access_dep,
                inputs.geometries,
                lieux,
                f"Lieux et distance au lieu le plus proche · {name}",
            ),
            "carte",
        ),
        _chart(
            charts.territory_bar(
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
            charts.territory_bar(
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
            charts.label_stack(
                coverage.label_composition(lieux.assign(epci=lieux["epci_siren"]), "epci")
                .merge(inputs.epci_names, left_on="epci", right_on="code")
                .assign(territoire=lambda f: f["nom"]),
                "territoire",
                "Lieux par label principal, par EPCI",
            ),
            "labels",
        ),
    ]
    ranking = _gap_table(dep, inputs)
    freshness = quality.freshness(inputs.records[inputs.records["departement"] == dep], today)
    source_names = sources.names(inputs.catalogue)
    freshness["source"] = freshness["source"].map(lambda k: source_names.get(k, k))
    for column in ("plus_ancienne", "plus_recente"):
        freshness[column] = freshness[column].map(fmt_date)
    for column in [c for c in freshness.columns if c.startswith("part_")]:
        freshness[column] = freshness[column].map(fmt_percent)
    catalogue = catalogue[["title", "producer", "vintage", "licence"]].rename(
        columns={
            "title": "Données",
            "producer": "Producteur",
            "vintage": "Millésime",
            "licence": "Licence",
        }
    )
    return _document(name, dep, today, blocks, figures, ranking, freshness, catalogue)


def _gap_table(dep: str, inputs: ReportInputs) -> pd.DataFrame:
    """The département's 20 largest gaps as a French table."""
    ranked = gap_ranking(dep, inputs)
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


def _document(name, dep, today, blocks, figures, ranking, freshness, sources) -> str:
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
            *figures,
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
