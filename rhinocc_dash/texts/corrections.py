"""French texts of the freshness levels, the correction requests, their moderation and the campaigns."""

from __future__ import annotations

# Freshness levels, in order (the key is what the store, the URL and the code use).
FRESHNESS_LABELS = {
    "a_jour": "à jour",
    "a_surveiller": "à surveiller",
    "a_verifier": "à vérifier",
    "a_mettre_a_jour": "à mettre à jour",
}
FRESHNESS_RULE = (
    "Fraîcheur : âge de la date la plus récente des fiches du lieu (ou de sa dernière correction "
    "acceptée) au {today} : « à jour » moins de 6 mois, « à surveiller » 6 à 12 mois, « à vérifier » "
    "12 à 18 mois, « à mettre à jour » plus de 18 mois ou sans date."
)
FRESHNESS_CARD = "Fraîcheur"
FRESHNESS_CARD_TEXT = "{level} · {date}, {source}"
FRESHNESS_CARD_UNDATED = "{level} · aucune fiche datée"
FRESHNESS_HUB_SOURCE = "correction acceptée par le hub"
CORRECTED_CARD = "Correction"
CORRECTED_BY_HUB = "corrigé par le hub le {date} ({fields})"
FRESHNESS_BY_DEP_TITLE = "Fraîcheur des lieux par département"
FRESHNESS_DEP_COLUMNS = {
    "departement": "Département",
    "nom": "Nom",
    "lieux": "Lieux",
    **{key: f"{label} (lieux)" for key, label in FRESHNESS_LABELS.items()},
    **{f"part_{key}": f"{label} (%)" for key, label in FRESHNESS_LABELS.items()},
}
FRESHNESS_FILTER = "Fraîcheur des informations"
VIGILANCE_TITLE = "Points de vigilance : fraîcheur des informations"
VIGILANCE_COLUMNS = {"niveau": "Fraîcheur", "lieux": "Lieux", "part": "Part"}
CLOSED_TITLE = "Lieux fermés définitivement"
CLOSED_INTRO = (
    "Lieux signalés « fermé définitivement » et fermetures acceptées par le hub : ils ne sont plus comptés "
    "depuis la publication qui a suivi la décision, et restent listés ici."
)
CLOSED_NONE = "Aucune fermeture définitive acceptée à ce jour."
CLOSED_COLUMNS = {
    "nom": "Lieu",
    "commune": "Commune",
    "departement": "Département",
    "ferme_le": "Fermeture acceptée le",
    "request_id": "Signalement n°",
}
VIGILANCE_TEXT = (
    "{stale} lieux sur {total} ({share}) ont des informations à mettre à jour (plus de 18 mois ou "
    "sans date) ; {check} sont à vérifier (12 à 18 mois), {watch} à surveiller, {fresh} à jour."
)

# The report form.
FIELDS = {
    "ferme": "Fermé définitivement",
    "adresse": "A déménagé (nouvelle adresse)",
    "horaires": "Horaires",
    "telephone": "Téléphone",
    "courriel": "Courriel",
    "services": "Services proposés",
    "autre": "Autre",
}
REPORT_OPEN = "Signaler une erreur"
REPORT_INTRO = (
    "Une information de cette fiche est fausse ou a changé ? Dites-le au hub : un mainteneur vérifie "
    "chaque signalement avant de corriger la fiche. Aucun compte n'est nécessaire."
)
REPORT_FIELD = "Ce qui est faux"
REPORT_PROPOSED = "Valeur juste"
REPORT_PROPOSED_HELP = "La valeur actuelle est pré-remplie : remplacez-la par la bonne."
REPORT_CLOSED_PROPOSED = "Depuis quand (facultatif)"
REPORT_COMMENT = "Commentaire (facultatif)"
REPORT_EMAIL = "Votre courriel, pour recevoir une réponse (facultatif)"
REPORT_HONEYPOT = "Ne pas remplir ce champ"
REPORT_PRIVACY = (
    "Données personnelles : le courriel n'est demandé que pour vous répondre ; seuls les mainteneurs "
    "du hub le voient, et il est effacé dès que le signalement est traité, au plus tard 12 mois après "
    "l'envoi. Le texte envoyé est conservé et affiché tel quel, en texte brut."
)
REPORT_SEND = "Envoyer le signalement"
REPORT_SAVED = "Signalement n° {id} enregistré : merci. Un mainteneur du hub va le vérifier."
REPORT_NOT_SAVED = (
    "Votre signalement n'a pas pu être enregistré ({reason}). Réessayez plus tard ou écrivez au hub."
)
REPORT_STORE_DOWN = "la base des signalements est indisponible"
REPORT_TOO_LONG = "« {field} » dépasse {limit} caractères ({length})"
REPORT_EMPTY = "indiquez la valeur juste ou un commentaire"
REPORT_BAD_EMAIL = "le courriel « {email} » n'a pas la forme nom@domaine"
REPORT_BAD_FIELD = "type d'erreur inconnu : « {field} »"
REPORT_RATE_LIMITED = "trop de signalements envoyés depuis votre adresse : {limit} par heure au plus"
REPORT_HONEYPOT_FILLED = "le formulaire a été rempli par un automate"
REPORT_FIELD_NAMES = {
    "proposed": "Valeur juste",
    "comment": "Commentaire",
    "email": "Courriel",
}

# Moderation.
MODERATION_TITLE = "Signalements à traiter"
MODERATION_EMPTY = "Aucun signalement en attente."
MODERATION_COUNT = "Signalements en attente"
MODERATION_OLDEST = "Les {n} signalements les plus anciens sont affichés, sur {total} en attente."
MODERATION_PICK = "Signalement à traiter"
MODERATION_SIDE_BY_SIDE = "Valeur actuelle et valeur proposée"
MODERATION_CURRENT = "Valeur actuelle"
MODERATION_PROPOSED = "Valeur proposée"
MODERATION_ACCEPT = "Accepter la correction"
MODERATION_REJECT = "Refuser"
MODERATION_REASON = "Motif du refus"
MODERATION_MERGE = "Fusionner avec le signalement"
MODERATION_MERGE_BUTTON = "Fusionner (doublon)"
MODERATION_ACCEPTED = (
    "Signalement n° {id} accepté : la correction s'appliquera à la prochaine publication."
)
MODERATION_REJECTED = "Signalement n° {id} refusé."
MODERATION_MERGED = "Signalement n° {id} fusionné avec le n° {into}."
MODERATION_ALREADY = "Le signalement n° {id} a déjà été traité ({status}, par {by} le {at})."
MODERATION_REASON_MISSING = "Indiquez le motif du refus."
MODERATION_NOT_FOUND = "Aucun signalement n° {id}."
MODERATION_MERGE_SELF = "Un signalement ne peut pas être fusionné avec lui-même."
MODERATION_STORE_DOWN = "Base des signalements indisponible : {error}"
MODERATION_PUBLISH = "Publier les corrections acceptées"
MODERATION_PUBLISHING = "Construction et publication d'une nouvelle version…"
MODERATION_PINNED = (
    "Entrepôt fixé par RHINOCC_DB : les corrections acceptées s'appliqueront à sa prochaine construction."
)
MODERATION_PAGE_TITLE = "Signalements et campagnes"
MODERATION_PAGE_INTRO = (
    "Les erreurs signalées sur les fiches des lieux, à vérifier avant de corriger ; les campagnes "
    "de mise à jour auprès des lieux. Réservé aux mainteneurs."
)
MODERATION_SECTIONS = ["Signalements", "Campagnes"]
PAGE_CORRECTIONS = "Signalements"
MODERATION_PUBLISHED = "Version {version} publiée avec les corrections acceptées."
MODERATION_COLUMNS = {
    "id": "N°",
    "created_at": "Reçu le",
    "lieu_nom": "Lieu",
    "departement": "Dép.",
    "field": "Erreur signalée",
    "current_value": "Valeur actuelle",
    "proposed": "Valeur proposée",
    "comment": "Commentaire",
    "email": "Courriel (mainteneurs seulement)",
    "status": "Statut",
}
STATUS_LABELS = {
    "ouverte": "en attente",
    "acceptee": "acceptée",
    "rejetee": "refusée",
    "fusionnee": "fusionnée",
}

# Campaigns.
CAMPAIGN_TITLE = "Campagnes de mise à jour"
CAMPAIGN_NAME = "Nom de la campagne"
CAMPAIGN_DEPS = "Départements"
CAMPAIGN_LEVELS = "Fraîcheur"
CAMPAIGN_SOURCES = "Sources"
CAMPAIGN_LABELS = "Labels"
CAMPAIGN_SELECTED = "{n} lieux sélectionnés"
CAMPAIGN_CREATE = "Créer la campagne"
CAMPAIGN_CREATED = "Campagne n° {id} créée ({n} lieux)."
CAMPAIGN_EMPTY_SELECTION = "Aucun lieu ne correspond à cette sélection."
CAMPAIGN_PICK = "Campagne"
CAMPAIGN_CSV = "Publipostage (CSV)"
CAMPAIGN_STATUS_SAVE = "Enregistrer les statuts"
CAMPAIGN_STATUS_SAVED = "{n} statut(s) enregistré(s)."
CAMPAIGN_PROGRESS_TITLE = "Avancement des campagnes de mise à jour"
CAMPAIGN_NONE = "Aucune campagne de mise à jour pour l'instant."
CAMPAIGN_STATUSES = {
    "a_contacter": "à contacter",
    "contacte": "contacté",
    "repondu": "répondu",
    "mis_a_jour": "mis à jour",
    "sans_reponse": "sans réponse",
}
CAMPAIGN_COLUMNS = {
    "campaign_id": "N°",
    "name": "Campagne",
    "created_at": "Créée le",
    "lieux": "Lieux",
    **{key: label for key, label in CAMPAIGN_STATUSES.items()},
    "part_repondu": "Ont répondu (%)",
}
CAMPAIGN_LIEU_COLUMNS = {
    "lieu_id": "Identifiant",
    "nom": "Lieu",
    "departement": "Dép.",
    "status": "Statut",
    "updated_at": "Mis à jour le",
    "updated_by": "Par",
}
MAILMERGE_COLUMNS = {
    "lieu_id": "identifiant",
    "nom": "lieu",
    "commune": "commune",
    "departement": "departement",
    "courriel": "courriel",
    "telephone": "telephone",
    "fraicheur": "fraicheur",
    "lien": "lien_correction",
}
