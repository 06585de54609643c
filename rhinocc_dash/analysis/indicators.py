"""The need and access indicators the map, the gap analysis and the report show: label, unit, sources."""

from __future__ import annotations

from dataclasses import dataclass, field

IFN2020_SOURCES = ("ifn2020_iris", "ifn2020_tableau")
# Per level, the file an indicator's value comes from (its caption names that file's producer and vintage).
IFN2023_SOURCES = {
    "commune": ("ifn2023_commune",),
    "epci": ("ifn2023_epci",),
    "departement": ("ifn2023_commune",),
}
FILOSOFI_SOURCES = {
    "commune": ("filosofi_commune",),
    "epci": ("filosofi_epci",),
    "departement": ("filosofi_departement",),
}
# Access indicators derive from the lieux (every current venue source) and the population.
LIEUX = "lieux"
ACCESS_SOURCES = (LIEUX, "population")
IFN2020_UNIT = "indice, 100 = moyenne régionale"
DECILE_UNIT = "décile, 1 à 10"


FRAGILE = "plus foncé = plus fragile"


@dataclass(frozen=True)
class Indicator:
    label: str
    unit: str
    sources: tuple[str, ...] | dict[str, tuple[str, ...]] = field(default=())
    decimals: int = 1
    darker: str = FRAGILE  # what the dark end of the legend means
    more_need: str = "dark"  # which end of the scale means more need: "dark" or "light"

    def source_keys(self, level: str) -> tuple[str, ...]:
        """Catalogue keys of the files behind the value at `level` (« lieux » = every current venue source)."""
        return self.sources.get(level, ()) if isinstance(self.sources, dict) else self.sources


INDICATORS = {
    "ifn2020_global": Indicator("IFN 2020 · score global", IFN2020_UNIT, IFN2020_SOURCES),
    "ifn2020_acces_interfaces": Indicator(
        "IFN 2020 · accès aux interfaces numériques", IFN2020_UNIT, IFN2020_SOURCES
    ),
    "ifn2020_acces_information": Indicator(
        "IFN 2020 · accès à l'information", IFN2020_UNIT, IFN2020_SOURCES
    ),
    "ifn2020_competences_administratives": Indicator(
        "IFN 2020 · compétences administratives", IFN2020_UNIT, IFN2020_SOURCES
    ),
    "ifn2020_competences_numeriques": Indicator(
        "IFN 2020 · compétences numériques et scolaires", IFN2020_UNIT, IFN2020_SOURCES
    ),
    "ifn2023_total": Indicator("IFN 2023 · moyenne des 5 déciles", DECILE_UNIT, IFN2023_SOURCES),
    "ifn2023_sans_thd": Indicator("IFN 2023 · sans très haut débit", DECILE_UNIT, IFN2023_SOURCES),
    "ifn2023_sans_4g": Indicator("IFN 2023 · sans couverture 4G", DECILE_UNIT, IFN2023_SOURCES),
    "ifn2023_pauvrete": Indicator("IFN 2023 · pauvreté", DECILE_UNIT, IFN2023_SOURCES),
    "ifn2023_plus_65_ans": Indicator(
        "IFN 2023 · part des 65 ans et plus", DECILE_UNIT, IFN2023_SOURCES
    ),
    "ifn2023_peu_diplomes": Indicator(
        "IFN 2023 · peu ou pas diplômés", DECILE_UNIT, IFN2023_SOURCES
    ),
    "revenu_median": Indicator(
        "Revenu médian par unité de consommation",
        "€ par an",
        FILOSOFI_SOURCES,
        0,
        "plus foncé = revenu plus élevé (moins de besoin)",
        "light",
    ),
    "taux_pauvrete": Indicator(
        "Taux de pauvreté (seuil à 60 %)", "%", FILOSOFI_SOURCES, 1, "plus foncé = plus de pauvreté"
    ),
    "lieux_pour_10000": Indicator(
        "Lieux pour 10 000 habitants",
        "lieux pour 10 000 hab.",
        ACCESS_SOURCES,
        2,
        "plus foncé = plus de lieux (mieux desservi)",
        "light",
    ),
    "distance_lieu_km": Indicator(
        "Distance médiane des habitants au lieu le plus proche",
        "km, à vol d'oiseau",
        ACCESS_SOURCES,
        1,
        "plus foncé = plus loin d'un lieu",
    ),
}
IFN2020_KEYS = [k for k in INDICATORS if k.startswith("ifn2020")]
IFN2023_KEYS = [k for k in INDICATORS if k.startswith("ifn2023")]
# How a value above the commune is obtained, shown in the legend.
AGGREGATION_NOTES = {
    "ifn2020": "moyenne des communes pondérée par la population 2016",
    "ifn2023_departement": "moyenne des communes pondérée par la population 2023",
    "ifn2023_epci": "valeur publiée pour l'EPCI entier",
    "filosofi": "valeur publiée par l'Insee pour le territoire",
    "distance": "médiane des habitants du territoire (population répartie dans chaque commune)",
}


def aggregation_note(indicator: str, level: str) -> str | None:
    if level == "commune":
        return None
    if indicator.startswith("ifn2020"):
        return AGGREGATION_NOTES["ifn2020"]
    if indicator.startswith("ifn2023"):
        return AGGREGATION_NOTES[f"ifn2023_{level}"]
    if indicator in ("revenu_median", "taux_pauvrete"):
        return AGGREGATION_NOTES["filosofi"]
    if indicator == "distance_lieu_km":
        return AGGREGATION_NOTES["distance"]
    return None
