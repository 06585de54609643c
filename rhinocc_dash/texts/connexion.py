"""Signing in (coordinators: data updates, corrections)."""

from __future__ import annotations

SIGN_IN = "Se connecter"
SIGN_IN_OIDC = "Se connecter (compte de l'organisation)"
SIGN_OUT = "Se déconnecter"
SIGNED_IN = "Connecté : {name}"
SIGN_IN_NAME = "Identifiant de mainteneur"
SIGN_IN_PASSWORD = "Mot de passe"
SIGN_IN_FAILED = "Identifiant ou mot de passe incorrect."
SIGN_IN_LOCKED = "Trop d'essais infructueux : réessayez dans {minutes} min."
NO_MAINTAINERS = (
    "Aucun compte de mainteneur n'est configuré. Créez-en un avec « rhinocc-dash maintainer add NOM » "
    "(le mot de passe est gardé haché dans .streamlit/secrets.toml)."
)
