"""One controlled vocabulary for services, publics and labels, aligned on the national standard
v1.0.2.

Services use the nine values of the standard's `services` field. Publics use the standard's
`publics_specifiquement_adresses` values, plus « Tout public », « Adultes » and « Demandeurs
d'emploi », which older files state and the standard has no term for. Labels use the standard's
`dispositif_programmes_nationaux` names where one exists (France Services, Conseillers numériques,
Aidants Connect), and RhinOcc's own regional labels otherwise. RhinOcc's short codes are not decoded
in any source file: the decoding below is ours, read from the codes and the activities they
accompany, and documented in the README.
"""

from __future__ import annotations

import re
import unicodedata

S_ADMIN = "Aide aux démarches administratives"
S_OUTILS = "Maîtrise des outils numériques du quotidien"
S_INSERTION = "Insertion professionnelle via le numérique"
S_SECURITE = "Utilisation sécurisée du numérique"
S_PARENTALITE = "Parentalité et éducation avec le numérique"
S_LOISIRS = "Loisirs et créations numériques"
S_COMPREHENSION = "Compréhension du monde numérique"
S_ACCES = "Accès internet et matériel informatique"
S_MATERIEL = "Acquisition de matériel informatique à prix solidaire"
SERVICES = (
    S_ADMIN,
    S_OUTILS,
    S_INSERTION,
    S_SECURITE,
    S_PARENTALITE,
    S_LOISIRS,
    S_COMPREHENSION,
    S_ACCES,
    S_MATERIEL,
)

# Service families shown on coverage charts.
SERVICE_FAMILIES = {
    S_ADMIN: "Accès aux droits",
    S_INSERTION: "Accès aux droits",
    S_OUTILS: "Ateliers et compétences",
    S_SECURITE: "Ateliers et compétences",
    S_PARENTALITE: "Ateliers et compétences",
    S_COMPREHENSION: "Ateliers et compétences",
    S_LOISIRS: "Ateliers et compétences",
    S_ACCES: "Équipement en libre-service",
    S_MATERIEL: "Équipement en libre-service",
}

L_FRANCE_SERVICES = "France Services"
L_CNFS = "Conseillers numériques"
L_AIDANTS_CONNECT = "Aidants Connect"
L_APTIC = "APTIC"
L_MSAP = "Maison de services au public (MSAP)"
L_TIERS_LIEU = "Tiers-lieu"
L_EPN = "Espace public numérique (EPN)"
LABELS = (L_FRANCE_SERVICES, L_CNFS, L_AIDANTS_CONNECT, L_APTIC, L_MSAP, L_TIERS_LIEU, L_EPN)

P_TOUT_PUBLIC = "Tout public"
P_ADULTES = "Adultes"
P_JEUNES = "Jeunes"
P_ETUDIANTS = "Étudiants"
P_FAMILLES = "Familles et/ou enfants"
P_SENIORS = "Seniors"
P_FEMMES = "Femmes"
P_DEMANDEURS_EMPLOI = "Demandeurs d'emploi"
P_ETRANGERS = "Personnes étrangères ou allophones"
PUBLICS = (
    P_TOUT_PUBLIC,
    P_ADULTES,
    P_JEUNES,
    P_ETUDIANTS,
    P_FAMILLES,
    P_SENIORS,
    P_FEMMES,
    P_DEMANDEURS_EMPLOI,
    P_ETRANGERS,
)

# RhinOcc activity codes (type_mediation_N, codes_types_mediations).
RHINOCC_SERVICES = {
    "ORD": (S_ACCES,),  # ordinateurs en accès libre
    "ORDM": (S_OUTILS,),  # médiation / initiation à l'ordinateur
    "ACCN": (S_OUTILS,),  # accompagnement aux usages numériques
    "COMP": (S_OUTILS,),  # développement des compétences numériques
    "SENS": (S_COMPREHENSION, S_SECURITE),  # sensibilisation aux enjeux du numérique
    "ACCDA": (S_ADMIN,),  # accompagnement aux démarches administratives
    "ACCDS": (S_ADMIN,),  # accès aux droits sociaux
    "ENT": (S_INSERTION,),  # accompagnement des entreprises / créateurs
    "PRO": (S_INSERTION,),  # insertion professionnelle
    "W": (S_ACCES,),  # wifi public
    "FL": (S_LOISIRS,),  # fablab
    "REP": (S_MATERIEL,),  # réparation / réemploi de matériel
}
RHINOCC_PUBLICS = {
    "TP": (P_TOUT_PUBLIC,),
    "ALL": (P_TOUT_PUBLIC,),
    "J": (P_JEUNES,),
    "SEN": (P_SENIORS,),
    "S": (P_SENIORS,),
    "DE": (P_DEMANDEURS_EMPLOI,),
    "EMPLOI": (P_DEMANDEURS_EMPLOI,),
    "ETR": (P_ETRANGERS,),
    "ETRANGER": (P_ETRANGERS,),
    "FEMME": (P_FEMMES,),
    "HABITANTS": (P_TOUT_PUBLIC,),
}
RHINOCC_LABELS = {
    "MFS": (L_FRANCE_SERVICES,),
    "MSAP": (L_MSAP,),
    "APTIC": (L_APTIC,),
    "TL": (L_TIERS_LIEU,),
    "EPN": (L_EPN,),
}

# Services of the v0.1 schema (CNFS lieux, data·inclusion).
V01_SERVICES = {
    "prendre en main un smartphone ou une tablette": (S_OUTILS,),
    "prendre en main un ordinateur": (S_OUTILS,),
    "utiliser le numerique au quotidien": (S_OUTILS,),
    "approfondir ma culture numerique": (S_COMPREHENSION,),
    "promouvoir la citoyennete numerique": (S_COMPREHENSION,),
    "devenir autonome dans les demarches administratives": (S_ADMIN,),
    "realiser des demarches administratives avec un accompagnement": (S_ADMIN,),
    "accompagner les demarches de sante": (S_ADMIN,),
    "acceder a du materiel": (S_ACCES,),
    "acceder a une connexion internet": (S_ACCES,),
    "favoriser mon insertion professionnelle": (S_INSERTION,),
    "creer et developper mon entreprise": (S_INSERTION,),
    "creer avec le numerique": (S_LOISIRS,),
    "soutenir la parentalite et l'education avec le numerique": (S_PARENTALITE,),
    "equiper en materiel informatique": (S_MATERIEL,),
}
V01_PUBLICS = {
    "jeunes (16-26 ans)": (P_JEUNES,),
    "seniors (+ 65 ans)": (P_SENIORS,),
    "familles/enfants": (P_FAMILLES,),
    "adultes": (P_ADULTES,),
    "public langues etrangeres": (P_ETRANGERS,),
    "etudiants": (P_ETUDIANTS,),
    "femmes": (P_FEMMES,),
}
V01_LABELS = {
    "cnfs": (L_CNFS,),
    "france services": (L_FRANCE_SERVICES,),
    "aidants connect": (L_AIDANTS_CONNECT,),
    "aptic": (L_APTIC,),
}


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for vocabulary look-ups (accents removed)."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def map_terms(
    values: list[str], table: dict[str, tuple[str, ...]], key=fold
) -> tuple[list[str], list[str]]:
    """Map source values onto the vocabulary; return (terms in vocabulary order, unknown source values)."""
    found: set[str] = set()
    unknown: list[str] = []
    for value in values:
        if not value or not value.strip():
            continue
        terms = table.get(key(value))
        if terms is None:
            unknown.append(value.strip())
        else:
            found.update(terms)
    return ordered(found), unknown


_ORDER = {term: i for i, term in enumerate(SERVICES + LABELS + PUBLICS)}


def ordered(terms) -> list[str]:
    return sorted(set(terms), key=lambda t: (_ORDER.get(t, 999), t))


def split_codes(text: str | None, separators: str = "-;,/") -> list[str]:
    """Split a RhinOcc code list such as « ORDM-ACCN-COMP » or « TP-J DE ALL »."""
    if not text:
        return []
    return [part for part in re.split(f"[{re.escape(separators)}\\s]+", text.strip()) if part]


def rhinocc_code_key(code: str) -> str:
    return fold(code).upper()


# Location precisions whose point is only approximate (the centre of a commune): drawn apart on the map.
APPROXIMATE_PRECISIONS = ("commune", "postcode")
