"""Page « Atelier »: the workshop presentation."""

from __future__ import annotations

WORKSHOP_PREVIOUS = "← Précédent"
WORKSHOP_NEXT = "Suivant →"
WORKSHOP_POSITION = "Écran {n} / {total}"
WORKSHOP_JUMP = "Aller à"
WORKSHOP_KEYS = "Flèches ← → du clavier : écran précédent / suivant."
WORKSHOP_EXIT = "Quitter le mode atelier"
WORKSHOP_QR = "Ouvrir cet écran sur son téléphone"
WORKSHOP_QR_HELP = (
    "Le QR code mène à l'adresse de cet écran ; une adresse locale (localhost) est remplacée par "
    "l'adresse de cet ordinateur sur le réseau de la salle."
)
WORKSHOP_QR_LOCAL = (
    "Cet ordinateur n'est sur aucun réseau : les téléphones ne pourront pas ouvrir cette adresse."
)
WORKSHOP_UNKNOWN_SCREEN = "Écran « {value} » inconnu : retour au premier écran."
WORKSHOP_UNKNOWN_DEPS = "Départements ignorés dans l'adresse : {values}."
WORKSHOP_TITLES = {
    "contexte": "Le besoin : qui accompagner ?",
    "offre": "L'offre : les lieux d'inclusion numérique",
    "carte": "Où sont les lieux ?",
    "departement": "{nom} ({code})",
    "simulation": "Et si on ouvrait un lieu ?",
}
WORKSHOP_CONTEXT_PEOPLE = "personnes à accompagner"
WORKSHOP_CONTEXT_SHARE = "de la population (selon la source)"
WORKSHOP_CONTEXT_NONE = (
    "Aucun chiffre de contexte régional dans les réglages de ce territoire : seul le taux de "
    "pauvreté (Insee) est affiché."
)
WORKSHOP_OFFER_LIEUX = "lieux d'inclusion numérique"
WORKSHOP_OFFER_WITHIN = "des habitants à moins de 10 km d'un lieu"
WORKSHOP_OFFER_COMMUNES = "communes ont au moins un lieu"
WORKSHOP_MAP_LEGEND = "Chaque point est un lieu, coloré selon son label principal."
WORKSHOP_DEP_GAPS = "Les trois plus grands écarts besoin − offre"
WORKSHOP_DEP_NO_GAP = "Aucune commune classée dans ce département."
WORKSHOP_WHATIF_PICK = "Commune où ouvrir un lieu"
WORKSHOP_WHATIF_NEWLY = "habitants de plus à moins de 10 km d'un lieu"
WORKSHOP_WHATIF_INTRO = (
    "Choisissez une commune : la carte y place un lieu hypothétique et le chiffre dit combien "
    "d'habitants passeraient à moins de 10 km d'un lieu. Les communes proposées d'abord sont les plus "
    "grands écarts de la région."
)
WORKSHOP_WHATIF_NONE = "Aucun lieu ajouté : choisissez une commune."
