"""The enumerated vocabularies of the national standard « lieux de médiation numérique » v1.0.2
(`standard-mediation-num_schema_v1.0.2.json`, patterns of its fields), and how RhinOcc's GoGoCarto
categories map onto them (the national pipeline's own mapping, mednum-cli `rhin-occ.config.json`)."""

from __future__ import annotations

from . import vocab

LIST_SEPARATOR = "|"
ENUMS = {
    "services": vocab.SERVICES,
    "publics_specifiquement_adresses": (
        vocab.P_JEUNES,
        vocab.P_ETUDIANTS,
        vocab.P_FAMILLES,
        vocab.P_SENIORS,
        vocab.P_FEMMES,
    ),
    "prise_en_charge_specifique": (
        "Surdité",
        "Handicaps moteurs",
        "Handicaps mentaux",
        "Illettrisme",
        "Langues étrangères (anglais)",
        "Langues étrangères (autres)",
        "Déficience visuelle",
    ),
    "frais_a_charge": ("Gratuit", "Gratuit sous condition", "Payant"),
    "dispositif_programmes_nationaux": (
        vocab.L_AIDANTS_CONNECT,
        "Bibliothèques numérique de référence",
        "Certification PIX",
        vocab.L_CNFS,
        "Emmaüs Connect",
        vocab.L_FRANCE_SERVICES,
        "Grande école du numérique",
        "La Croix Rouge",
        "Point d'accès numérique CAF",
        "Promeneurs du net",
        "Relais numérique (Emmaüs Connect)",
    ),
    "formations_labels": (
        "Formé à « Mon Espace Santé »",
        "Formé à « DUPLEX » (illettrisme)",
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "Collectif ressources et acteurs réemploi (Normandie)",
        "Étapes numériques(La Poste)",
        "Fabriques de Territoire",
        "Les Éclaireurs du numérique (Drôme)",
        "Mes Papiers (Métropole de Lyon)",
        "ORDI 3.0",
        "SUD LABS (PACA)",
    ),
    "modalites_acces": (
        "Se présenter",
        "Téléphoner",
        "Contacter par mail",
        "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public",
        "Envoyer un mail avec une fiche de prescription",
    ),
    "modalites_accompagnement": (
        "En autonomie",
        "Accompagnement individuel",
        "Dans un atelier collectif",
        "À distance",
    ),
    "itinerance": ("Itinérant", "Fixe"),
}

# RhinOcc's GoGoCarto categories → the standard's values, field by field: a category holding one of
# the terms (accents and case aside) gives the value (mednum-cli, assets/input/rhin-occ).
GOGOCARTO_CATEGORIES = {
    "services": (
        (
            (
                "démarches administratives",
                "Utiliser le numérique au quotidien",
                "Accompagner les démarches de santé",
            ),
            vocab.S_ADMIN,
        ),
        (
            (
                "Prendre en main un ordinateur",
                "Prendre en main un smartphone ou une tablette",
                "Initiation à la bureautique",
            ),
            vocab.S_OUTILS,
        ),
        (
            (
                "Créer et développer une entreprise",
                "Favoriser l'insertion professionnelle",
                "Formations  numériques professionnalisantes",
                "Formation des professionnels",
            ),
            vocab.S_INSERTION,
        ),
        (("Soutenir la parentalité et l'éducation avec le numérique",), vocab.S_PARENTALITE),
        (("Créer avec le numérique", "fabrication numérique"), vocab.S_LOISIRS),
        (
            ("Approfondir la culture numérique", "Promouvoir la citoyenneté numérique"),
            vocab.S_COMPREHENSION,
        ),
        (("postes informatiques", "connexion internet"), vocab.S_ACCES),
        (("S'équiper en matériel informatique reconditionné",), vocab.S_MATERIEL),
    ),
    "publics": (
        (("Jeunes (16-26 ans)",), vocab.P_JEUNES),
        (("Enfants (-16 ans)", "Famille"), vocab.P_FAMILLES),
        (("Séniors (+65 ans)",), vocab.P_SENIORS),
        (("Uniquement femmes",), vocab.P_FEMMES),
    ),
    "labels": (
        (("Point Relais CAF", "Point Numérique CAF"), "Point d'accès numérique CAF"),
        (("France Services",), vocab.L_FRANCE_SERVICES),
        (("Espace Public Numérique",), vocab.L_EPN),
        (("Tiers lieu",), vocab.L_TIERS_LIEU),
    ),
    "prise_en_charge_specifique": (
        (("Surdité",), "Surdité"),
        (("Handicaps moteurs",), "Handicaps moteurs"),
        (("Handicaps psychiques",), "Handicaps mentaux"),
        (("Personnes en situation d'illettrisme",), "Illettrisme"),
        (("Public langues étrangères",), "Langues étrangères (autres)"),
        (("Déficience visuelle",), "Déficience visuelle"),
    ),
    "typologie": (
        (("Association", "associatif"), "ASSO"),
        (("Centre social",), "CS"),
        (("France Services",), "RFS"),
        (("CAF",), "CAF"),
        (("Espace Public Numérique",), "EPN"),
        (("Tiers lieu",), "TIERS_LIEUX"),
        (("FabLab",), "FABLAB"),
    ),
}
GOGOCARTO_FEES = (
    (("Gratuit sous condition",), "Gratuit sous condition"),
    (("payant", "Tarif", "Adhésion"), "Payant"),
    (("Gratuit",), "Gratuit"),
)


def split(value) -> list[str]:
    """The values of a `|`-separated list field ('' and None give none)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [v.strip() for v in str(value).split(LIST_SEPARATOR) if v.strip()]


def unknown_values(field: str, value) -> list[str]:
    """Values of an enumerated field that the standard does not know."""
    allowed = {vocab.fold(v) for v in ENUMS.get(field, ())}
    return [v for v in split(value) if field in ENUMS and vocab.fold(v) not in allowed]


def canonical(field: str, values: list[str]) -> list[str]:
    """The standard's own spelling of known values (case and accents as in the schema)."""
    spelled = {vocab.fold(v): v for v in ENUMS.get(field, ())}
    return [spelled[vocab.fold(v)] for v in values if vocab.fold(v) in spelled]


def categories_to(field: str, categories: list[str], table=None) -> list[str]:
    """Values of `field` that RhinOcc's GoGoCarto categories give (the national pipeline's terms)."""
    folded = [vocab.fold(c) for c in categories]
    found = []
    for terms, value in table if table is not None else GOGOCARTO_CATEGORIES[field]:
        if any(vocab.fold(t) in c for t in terms for c in folded) and value not in found:
            found.append(value)
    return found
