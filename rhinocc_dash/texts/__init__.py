"""Every text a user reads, in French: one module per page (or concept), `common` for what all pages
share. Code and tests use the same constants: `texts.carte.MAP_TITLE`."""

from . import (
    accessibilite,
    accueil,
    annuaire,
    atelier,
    carte,
    common,
    connexion,
    corrections,
    couverture,
    dispositifs,
    ecarts,
    filtres,
    integrer,
    mise_a_jour,
    orienter,
    qualite,
    rapport,
    sources,
)

__all__ = [
    "accessibilite",
    "accueil",
    "annuaire",
    "atelier",
    "carte",
    "common",
    "connexion",
    "corrections",
    "couverture",
    "dispositifs",
    "ecarts",
    "filtres",
    "integrer",
    "mise_a_jour",
    "orienter",
    "qualite",
    "rapport",
    "sources",
]
