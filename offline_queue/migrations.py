"""Schema versions of the outbox, applied in order and recorded in ``PRAGMA user_version``.

A kiosk updated in the field must open the queue its previous version left,
with requests still waiting in it: each step moves the schema one version on,
inside one transaction with the version bump, so a power cut leaves either the
old schema or the new one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from .errors import IT_HELP, OutboxError


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    db.execute(
        """
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            seq INTEGER,
            local_reference TEXT NOT NULL UNIQUE,
            procedure_code TEXT NOT NULL,
            procedure_version TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('queued', 'sending', 'sent', 'needs_attention')),
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            enqueued_at TEXT NOT NULL,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            error_details BLOB,
            dossier_number TEXT,
            received_at TEXT,
            supersedes TEXT,
            body BLOB,
            snapshot BLOB NOT NULL,
            purged_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX submissions_due ON submissions (state, next_attempt_at)")
    db.execute(
        """
        CREATE TABLE documents (
            submission_id TEXT NOT NULL REFERENCES submissions (id),
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            filename BLOB NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB,
            upload_url TEXT,
            upload_offset INTEGER NOT NULL DEFAULT 0,
            upload_complete INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (submission_id, idx)
        )
        """
    )


def _v2_superseded_by(db: sqlite_utils.Database) -> None:
    """A request refused for good can be replaced by a corrected one (``supersedes``).

    The old row keeps its state and gains the id of its replacement, so it is
    never sent again and can be purged once the replacement is through.
    """
    db.execute("ALTER TABLE submissions ADD COLUMN superseded_by TEXT")
    db.execute("CREATE UNIQUE INDEX submissions_superseded_by ON submissions (superseded_by)")


def _v3_refused_at(db: sqlite_utils.Database) -> None:
    """When the service refused a request: an uncorrected refusal is purged some time after.

    Refusals already waiting when the kiosk is updated count from the update, so none
    is purged before a mediator has had the whole delay, and its warning, to correct it.
    """
    db.execute("ALTER TABLE submissions ADD COLUMN refused_at TEXT")
    db.execute(
        "UPDATE submissions SET refused_at = strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now') "
        "WHERE state = 'needs_attention'"
    )


def _v4_pass_indexes(db: sqlite_utils.Database) -> None:
    """Indexes so that a sync pass reads what waits or is due, not the whole history.

    A kiosk keeps every row (a purged one keeps its reference and state), so anything a
    pass reads by scanning grows with the weeks. ``submissions_live`` answers the counts
    by state from the index alone, and keeps the planner off the unique index of
    ``superseded_by``, which it took for ``superseded_by IS NULL`` and then read every
    row. The two partial indexes hold only rows not yet purged: sent ones by the time
    their retention counts from, and replaced ones, whose purge follows their chain.
    ``IF NOT EXISTS``: a test or a repair may take an outbox back to an older version.
    """
    db.execute("CREATE INDEX IF NOT EXISTS submissions_live ON submissions (state, superseded_by)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS submissions_sent_kept ON submissions "
        "(COALESCE(received_at, enqueued_at)) "
        "WHERE state = 'sent' AND superseded_by IS NULL AND purged_at IS NULL"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS submissions_replaced_kept ON submissions (superseded_by) "
        "WHERE superseded_by IS NOT NULL AND purged_at IS NULL"
    )


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial, _v2_superseded_by, _v3_refused_at, _v4_pass_indexes,
]
LATEST = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema to ``LATEST``; returns the version found before."""
    found = schema_version(db)
    if found > LATEST:
        raise OutboxError(
            f"La file d'attente a été créée par une version plus récente du logiciel "
            f"(schéma {found}, connu : {LATEST}). Ne supprimez rien. {IT_HELP} pour "
            "mettre la borne à jour."
        )
    while schema_version(db) < LATEST:
        # IMMEDIATE, then read the version again: another process may have
        # migrated between our check and our write lock.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(db)
            if version < LATEST:
                MIGRATIONS[version](db)
                db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
    return found
