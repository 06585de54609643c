"""Page « Mise à jour »: the data-update workflow, snapshots and history."""

from __future__ import annotations

UPDATE_TITLE = "Mise à jour des données"
UPDATE_INTRO = (
    "Apporter un nouvel export RhinOcc, une nouvelle liste France Services ou un nouveau fichier des "
    "Conseillers numériques : le fichier est reconnu, vérifié, comparé avec la version en ligne, puis "
    "publié (ou abandonné). Chaque publication est une version complète, conservée : on peut y revenir "
    "en un clic. Réservé aux mainteneurs connectés ; la lecture reste publique."
)
UPDATE_SIGN_IN_FIRST = (
    "Connectez-vous pour mettre à jour les données (comptes des mainteneurs du hub)."
)
UPDATE_STEP_FILES = "1. Fichiers à apporter"
UPDATE_STEP_BUILD = "2. Construction de la version candidate"
UPDATE_STEP_REPORT = "3. Rapport de validation"
UPDATE_STEP_COMPARE = "4. Ce qui change par rapport à la version en ligne"
UPDATE_STEP_PUBLISH = "5. Publier ou abandonner"
UPDATE_STEP_SNAPSHOTS = "6. Versions publiées"
UPDATE_UPLOAD = "Déposer un ou plusieurs fichiers (CSV, JSON, GeoJSON)"
UPDATE_UPLOAD_HELP = (
    "Sources reconnues : export RhinOcc (colonnes actuelles ou anciennes rh_id, geo_lat, geo_lon), liste "
    "France Services (CSV ou GeoJSON), lieux des Conseillers numériques, structures data·inclusion, "
    "structures Aidants Connect. 20 Mo au plus par fichier."
)
UPDATE_FROM_ORIGIN = "Ou télécharger depuis l'origine publique (connexion nécessaire)"
UPDATE_ORIGIN_SOURCE = "Source à télécharger"
UPDATE_ORIGIN_BUTTON = "Télécharger depuis l'origine"
UPDATE_NO_ORIGIN = "Cette source n'a pas d'origine publique connue : déposez le fichier."
UPDATE_DOWNLOADING = "Téléchargement…"
UPDATE_DOWNLOAD_FAILED = (
    "Téléchargement impossible (pas de connexion, ou fichier différent de celui attendu) : déposez le "
    "fichier à la main."
)
UPDATE_OK = "reconnu"
UPDATE_FORCE = "« {name} » n'est pas reconnu : de quelle source s'agit-il ?"
UPDATE_FORCE_NONE = "(choisir une source)"
UPDATE_TWICE = "Deux fichiers pour la même source : n'en gardez qu'un."
UPDATE_FILE_COLUMNS = {
    "fichier": "Fichier",
    "source": "Source reconnue",
    "disposition": "Disposition des colonnes",
    "lignes": "Lignes",
    "encodage": "Encodage",
    "millesime": "Millésime",
    "statut": "Statut",
}
UPDATE_VINTAGE = "Millésime de « {name} » ({source})"
UPDATE_VINTAGE_HELP = "Proposé d'après : {origin}. Format AAAA-MM ou AAAA-MM-JJ."
UPDATE_CHECK = "Vérifier et comparer (construit une version candidate, sans rien publier)"
UPDATE_QUEUED = "en attente"
UPDATE_BUILDING = "Étape {step}/{total} · {label}"
UPDATE_BUILD_FAILED = (
    "La version candidate n'a pas pu être construite ; la version en ligne est intacte. "
    "Raison : {error}"
)
UPDATE_RESTART = "Recommencer"
UPDATE_STATS_COLUMNS = {
    "source": "Source",
    "vintage": "Millésime",
    "encoding": "Encodage",
    "rows_in_file": "Lignes du fichier",
    "rows_outside_region": "Hors région",
    "rows_read": "Lignes lues",
    "rows_accepted": "Acceptées",
    "rows_quarantined": "Mises de côté",
    "sans_localisation_precise": "Sans localisation précise",
    "notes": "Remarques (colonnes absentes…)",
}
UPDATE_NO_REJECT = "Aucune ligne mise de côté."
UPDATE_FIRST = "Aucune version publiée : la candidate sera la première."
UPDATE_COUNT_LABELS = (
    "Fiches ajoutées",
    "Fiches retirées",
    "Fiches modifiées",
    "Lieux ajoutés",
    "Lieux retirés",
    "Lieux modifiés",
)
UPDATE_SOURCE_COLUMNS = {
    "source": "Source",
    "fiches_avant": "Fiches en ligne",
    "fiches_apres": "Fiches candidates",
    "ajoutees": "Ajoutées",
    "retirees": "Retirées",
    "modifiees": "Modifiées",
}
UPDATE_FIGURES_TITLE = "Chiffres clés, avant et après"
UPDATE_FIGURE_NAMES = {
    "lieux": "Lieux",
    "lieux_pour_10000": "Lieux pour 10 000 habitants",
    "part_population_10km": "Habitants à moins de 10 km d'un lieu",
}
UPDATE_DEP_TITLE = "Lieux par département"
UPDATE_DEP_COLUMNS = {
    "code": "Code",
    "nom": "Département",
    "lieux_avant": "En ligne",
    "lieux_apres": "Candidate",
    "ajoutes": "Ajoutés",
    "retires": "Retirés",
    "modifies": "Modifiés",
    "evolution": "Évolution",
}
UPDATE_TOP_TITLE = "Classement des écarts : les 20 premières communes, avant et après"
UPDATE_TOP_COLUMNS = {
    "code": "Code",
    "nom": "Commune",
    "rang_avant": "Rang en ligne",
    "rang_apres": "Rang candidat",
    "mouvement": "Mouvement",
}
UPDATE_MAP_TITLE = "Lieux ajoutés (vert) et retirés (rouge)"
UPDATE_ADDED = "Ajouté"
UPDATE_REMOVED = "Retiré"
UPDATE_CHANGED_TITLE = "Fiches modifiées ({n}) et champs concernés"
UPDATE_CHANGED_COLUMNS = {
    "key": "Fiche",
    "source": "Source",
    "nom": "Nom",
    "champs": "Champs modifiés",
}
UPDATE_COMMENT = "Commentaire de publication (obligatoire : pourquoi cette version)"
UPDATE_PUBLISH = "Publier cette version"
UPDATE_DISCARD = "Abandonner"
UPDATE_PUBLISHED = "Version {version} publiée : elle est maintenant en ligne pour tous."
UPDATE_NO_SNAPSHOT = "Aucune version publiée pour l'instant."
UPDATE_SNAPSHOT_COLUMNS = {
    "version": "Version",
    "courante": "En ligne",
    "published_at": "Publiée le",
    "published_by": "Par",
    "comment": "Commentaire",
    "lieux": "Lieux",
    "size_bytes": "Taille (Mo)",
    "files": "Fichiers remplacés",
}
UPDATE_MANIFEST_OF = "Version"
UPDATE_MANIFEST = "Manifeste (fichiers, empreintes SHA-256, lignes, millésimes)"
UPDATE_ROLLBACK_CONFIRM = "Remettre en ligne la version {version} pour tous les visiteurs"
UPDATE_ROLLBACK = "Revenir à cette version"
UPDATE_ROLLED_BACK = "Version {version} remise en ligne."
UPDATE_AUDIT = "Journal des opérations (publications, retours, connexions)"
HISTORY_TITLE = "Lieux à chaque version publiée, par label principal"
HISTORY_ONE = (
    "Une seule version publiée pour l'instant : l'historique se construira avec les prochaines "
    "publications (page « Mise à jour des données »). L'évolution des sites France Services entre "
    "les listes de 2022 et 2024 est dans l'onglet « France Services 2022 → 2024 »."
)
HISTORY_NOTE = (
    "Chaque barre est une version publiée (date de publication) ; sous la date, les millésimes des "
    "sources de lieux qu'elle contient."
)
HISTORY_DEP_TITLE = "Lieux par département, à chaque version"
