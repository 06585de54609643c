"""The run-time store on SQLite and on PostgreSQL: migrations, correction requests, anti-abuse,
moderation races, campaigns, faults (server down, read-only file)."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest
from pg_server import Server, binaries

from rhinocc_dash.shared import audit
from rhinocc_dash.store import Store, StoreUnavailable, campaigns, corrections, migrations
from rhinocc_dash.store.corrections import AlreadyDecided, Refused, Submission
from rhinocc_dash.texts import corrections as T

IN_CI = os.environ.get("CI", "").lower() == "true"
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def pg_server():
    bin_dir = binaries()
    if bin_dir is None:
        message = "PostgreSQL absent : installez le paquet Debian postgresql (make postgresql)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    server = Server(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("RHINOCC_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("RHINOCC_SNAPSHOTS", str(tmp_path / "snapshots"))
    if request.param == "sqlite":
        return Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    return Store(request.getfixturevalue("pg_server").new_database())


def phone_request(**changes) -> Submission:
    values = dict(lieu_id="lieu-x-00001", lieu_nom="Médiathèque", departement="46",
                  field="telephone", current_value="05 65 00 00 00", proposed="05 65 11 22 33",
                  comment="", email="aidant@example.org")
    return Submission(**{**values, **changes})


def test_migrations_are_versioned_and_run_once(store):
    with store.transaction() as cur:
        versions = [r["version"] for r in cur.execute(
            "SELECT version FROM schema_version ORDER BY version").all()]
        assert versions == [m[0] for m in migrations.MIGRATIONS]
        assert migrations.upgrade(cur) == migrations.LATEST  # a second run adds nothing
        assert cur.execute("SELECT COUNT(*) AS n FROM schema_version").one()["n"] == len(versions)


def test_submit_list_accept_erases_email_and_audits(store, tmp_path):
    first = corrections.submit(store, phone_request(), "10.0.0.1", NOW)
    second = corrections.submit(store, phone_request(email=""), "10.0.0.2", NOW)
    queue = corrections.queue(store)
    assert [r["id"] for r in queue] == [first, second]
    assert queue[0]["email"] == "aidant@example.org" and queue[1]["email"] is None
    assert queue[0]["sender"] != "10.0.0.1"  # only a hash of the address is kept
    row = corrections.accept(store, first, "coord", NOW)
    assert row["status"] == corrections.ACCEPTED and row["email"] is None
    corrections.merge(store, second, first, "coord", NOW)
    assert corrections.queue(store) == []
    assert all(r["email"] is None for r in corrections.queue(store, None))
    assert [a["proposed"] for a in corrections.accepted(store)] == ["05 65 11 22 33"]
    events = audit.events(tmp_path / "snapshots")
    assert [e["action"] for e in events] == ["correction_acceptee", "correction_fusionnee"]
    assert events[0]["request"] == first and events[0]["who"] == "coord"


def test_reject_needs_a_reason(store):
    request_id = corrections.submit(store, phone_request(), "10.0.0.1", NOW)
    with pytest.raises(Refused, match="motif"):
        corrections.reject(store, request_id, "coord", "  ")
    row = corrections.reject(store, request_id, "coord", "Numéro vérifié : inchangé")
    assert row["status"] == corrections.REJECTED and row["reason"] == "Numéro vérifié : inchangé"


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"proposed": "9" * 501}, "Valeur juste"),
        ({"comment": "x" * 1001}, "Commentaire"),
        ({"email": "pas-un-courriel"}, "forme nom@domaine"),
        ({"honeypot": "http://spam.example"}, "automate"),
        ({"field": "<script>"}, "type d'erreur inconnu"),
        ({"proposed": "", "comment": ""}, "valeur juste"),
    ],
)
def test_bad_input_is_refused_with_its_reason(store, changes, reason):
    with pytest.raises(Refused, match=reason):
        corrections.submit(store, phone_request(**changes), "10.0.0.1", NOW)
    assert corrections.count(store) == 0


def test_payloads_are_stored_as_plain_text(store):
    payloads = ["<img src=x onerror=alert(1)>", "**gras** [lien](javascript:alert(1))",
                "=HYPERLINK(\"http://x\")", "+33 5\x00\x07 65"]
    ids = [corrections.submit(store, phone_request(proposed=p), f"10.1.0.{i}", NOW)
           for i, p in enumerate(payloads)]
    stored = {r["id"]: r["proposed"] for r in corrections.queue(store)}
    assert [stored[i] for i in ids] == payloads[:3] + ["+33 5 65"]  # control characters dropped


def test_rate_limit_per_address_holds_for_1000_submissions(store):
    outcomes = []
    for i in range(1000):
        try:
            corrections.submit(store, phone_request(comment=f"essai {i}"), "203.0.113.9",
                               NOW + dt.timedelta(seconds=i * 0.06))
            outcomes.append("stored")
        except Refused as exc:
            outcomes.append(str(exc))
    assert outcomes.count("stored") == corrections.RATE_LIMIT
    assert set(outcomes[corrections.RATE_LIMIT:]) == {
        T.REPORT_RATE_LIMITED.format(limit=corrections.RATE_LIMIT)}
    assert corrections.count(store) == corrections.RATE_LIMIT
    # another address is not affected, and the same one may send again an hour later
    corrections.submit(store, phone_request(), "203.0.113.10", NOW + dt.timedelta(minutes=1))
    corrections.submit(store, phone_request(), "203.0.113.9", NOW + dt.timedelta(minutes=61))


def test_two_maintainers_accepting_at_once_one_wins(store):
    request_id = corrections.submit(store, phone_request(), "10.0.0.1", NOW)
    results: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def decide(who: str) -> None:
        barrier.wait()
        try:
            results[who] = corrections.accept(store, request_id, who)["decided_by"]
        except AlreadyDecided as exc:
            results[who] = exc

    threads = [threading.Thread(target=decide, args=(w,)) for w in ("alice", "bruno")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [w for w, r in results.items() if r == w]
    losers = [r for r in results.values() if isinstance(r, AlreadyDecided)]
    assert len(winners) == 1 and len(losers) == 1
    assert f"par {winners[0]}" in str(losers[0])


def test_emails_older_than_12_months_are_erased(store):
    old = corrections.submit(store, phone_request(), "10.0.0.1", NOW - dt.timedelta(days=400))
    recent = corrections.submit(store, phone_request(), "10.0.0.2", NOW)  # purges on the way
    emails = {r["id"]: r["email"] for r in corrections.queue(store)}
    assert emails == {old: None, recent: "aidant@example.org"}


def test_campaign_statuses_follow_answers_and_acceptance(store):
    lieux = [{"lieu_id": f"lieu-x-{i:05d}", "nom": f"Lieu {i}", "departement": "46"}
             for i in range(3)]
    campaign = campaigns.create(store, "Lot, printemps", {"departements": ["46"]}, lieux, "coord")
    assert campaigns.set_status(store, campaign, "lieu-x-00002", "contacte", "coord")
    assert not campaigns.set_status(store, campaign, "lieu-absent", "contacte", "coord")
    request_id = corrections.submit(
        store, phone_request(lieu_id="lieu-x-00001", campaign_id=campaign), "10.0.0.1", NOW)
    statuses = {m["lieu_id"]: m["status"] for m in campaigns.members(store, campaign)}
    assert statuses == {"lieu-x-00000": "a_contacter", "lieu-x-00001": "repondu",
                        "lieu-x-00002": "contacte"}
    corrections.accept(store, request_id, "coord")
    progress = {r["status"]: r["n"] for r in campaigns.progress(store)}
    assert progress == {"a_contacter": 1, "mis_a_jour": 1, "contacte": 1}


def test_unreachable_server_says_so():
    down = Store("postgresql://rhinocc@127.0.0.1:9/absente")
    with pytest.raises(StoreUnavailable, match="injoignable"):
        corrections.submit(down, phone_request(), "10.0.0.1", NOW)


@pytest.mark.skipif(os.getuid() == 0, reason="root writes read-only files anyway")
def test_read_only_sqlite_says_so(tmp_path):
    path = tmp_path / "store.sqlite"
    corrections.count(Store(f"sqlite:///{path}"))
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StoreUnavailable):
            corrections.submit(Store(f"sqlite:///{path}"), phone_request(), "10.0.0.1", NOW)
    finally:
        tmp_path.chmod(0o755)


def test_store_that_cannot_be_created_says_so(tmp_path):
    blocker = tmp_path / "un-fichier"
    blocker.write_text("pas un dossier")
    with pytest.raises(StoreUnavailable, match="injoignable"):
        corrections.submit(Store(f"sqlite:///{blocker / 'store.sqlite'}"), phone_request(),
                           "10.0.0.1", NOW)


def test_a_version_1_store_is_migrated(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'old.sqlite'}")
    with store._raw(serialise=True) as cur:
        cur.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    "applied_at TEXT NOT NULL)")
        for statement in migrations.MIGRATIONS[0][2]:
            cur.execute(statement.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT"))
        cur.execute("INSERT INTO schema_version VALUES (1, 'correction requests', 'x')")
    assert campaigns.listing(store) == []  # version 2's table exists now
    with store.transaction() as cur:
        assert migrations.current_version(cur) == migrations.LATEST


def test_read_only_postgresql_says_so_and_keeps_what_it_has(pg_server):
    import psycopg

    store = Store(pg_server.new_database())
    kept = corrections.submit(store, phone_request(), "10.0.0.1", NOW)
    name = store.url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    with pytest.raises(StoreUnavailable, match="read-only|lecture seule"):
        corrections.submit(store, phone_request(), "10.0.0.2", NOW)
    assert [r["id"] for r in corrections.queue(store)] == [kept]  # reading still works
