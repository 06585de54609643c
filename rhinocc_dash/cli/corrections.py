"""`rhinocc-dash corrections list | accept ID | reject ID --reason … | merge ID --into ID`: the
moderation of correction requests from scripts (the same functions as the Signalements page)."""

from __future__ import annotations

import getpass
import sys

from ..store import StoreUnavailable, corrections, default_store
from ..texts import corrections as T


def register(commands) -> dict:
    cmd = commands.add_parser("corrections", help="traiter les signalements d'erreurs des fiches")
    actions = cmd.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="lister les signalements (en attente par défaut)")
    listing.add_argument("--all", action="store_true", help="tous les signalements, traités compris")
    for name, helptext in (("accept", "accepter une correction"), ("reject", "refuser"),
                           ("merge", "fusionner un doublon")):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("id", type=int, help="numéro du signalement")
        action.add_argument("--by", default=getpass.getuser(), help="qui décide (défaut : l'utilisateur)")
        if name == "reject":
            action.add_argument("--reason", required=True, help="motif du refus")
        if name == "merge":
            action.add_argument("--into", type=int, required=True, help="signalement conservé")
    return {"corrections": _run}


def _run(args) -> int:
    store = default_store()
    try:
        if args.action == "list":
            rows = corrections.queue(store, None if args.all else corrections.OPEN, limit=100_000)
            for row in rows:
                print("\t".join(str(v if v is not None else "") for v in (
                    row["id"], row["created_at"], row["status"], row["lieu_id"], row["lieu_nom"],
                    row["field"], row["proposed"].replace("\n", " "))))
            print(f"{len(rows)} signalement(s) · {store.describe()}", file=sys.stderr)
            return 0
        by = f"{args.by} (ligne de commande)"
        if args.action == "accept":
            corrections.accept(store, args.id, by)
            print(T.MODERATION_ACCEPTED.format(id=args.id), file=sys.stderr)
        elif args.action == "reject":
            corrections.reject(store, args.id, by, args.reason)
            print(T.MODERATION_REJECTED.format(id=args.id), file=sys.stderr)
        else:
            corrections.merge(store, args.id, args.into, by)
            print(T.MODERATION_MERGED.format(id=args.id, into=args.into), file=sys.stderr)
    except (corrections.Refused, corrections.AlreadyDecided, StoreUnavailable) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0
