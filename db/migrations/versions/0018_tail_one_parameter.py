"""Team server: ``deliverydesk_tail`` takes its work as one ``jsonb`` parameter.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 13:00:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.
PostgreSQL only (SQLite gets nothing, as with 0015).

Why: revision 0015's function took 27 parameters, 15 of them arrays; psycopg builds each array's
binary form in Python, element by element, and that was about a sixth of the team server's CPU per
pushed group (cProfile, session 9). One ``jsonb`` text made by Python's C JSON encoder costs a
fraction of it; PostgreSQL parses it in C. What the function does is unchanged: the same lock, the
same writes in the same order, the same tokens filled in and hashed (see 0015's docstring), the same
result. The old signature is dropped here, so a server process of an older release fails loudly
instead of calling it (upgrade every process together, docs/server.md).

The parameter: ``{"t": token, "records": [{entity, record_id, new, scope, version, created_by,
field_versions}], "events": [{occurred_at, actor, entity, record_id, project_id, action, changes,
content}], "group": {group_id, user_id, device_id, received_at, status, adopt, payload_sha256,
payload, event_hashes, answer, link}}``; timestamps as ISO 8601 text, naive UTC; the arrays in the
order they are applied (read WITH ORDINALITY, so that order is kept).
"""
import importlib.util
from pathlib import Path

from alembic import op


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64  # deliverydesk.domain.audit.GENESIS_HASH, written out: revisions stay frozen

OLD_SIGNATURE = (
    "deliverydesk_tail(text, text[], text[], boolean[], text[], integer[], text[], text[], timestamp[],"
    " text[], text[], text[], text[], text[], text[], text[], text, text, text, timestamp, text, boolean,"
    " text, text, text, text, text)"
)

TAIL = """
CREATE OR REPLACE FUNCTION deliverydesk_tail(tail jsonb)
RETURNS TABLE (group_seq bigint, group_position bigint, group_answer text, lock_wait double precision,
                lock_hold double precision)
LANGUAGE plpgsql AS $tail$
#variable_conflict use_variable
DECLARE
    t text := tail->>'t';
    g jsonb := tail->'group';
    called timestamptz := clock_timestamp();
    locked timestamptz;
    head_position bigint;
    head_seq bigint;
    head_hash text;
    audit_seq integer;
    audit_hash text;
    anchored boolean;
    seq bigint;
    pos bigint;
    event_seq integer;
    content text;
    event_hash text;
    answer text;
    link text;
    link_hash text;
    r record;
    e record;
BEGIN
    -- the lock every tail takes (server_head, then the audit anchor: the order every writer keeps)
    SELECT h.last_position, h.last_group_seq, h.last_group_hash INTO head_position, head_seq, head_hash
        FROM server_head h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO server_head (id, last_position, last_group_seq, last_group_hash)
            VALUES (1, 0, 0, '{genesis}') ON CONFLICT DO NOTHING;
        SELECT h.last_position, h.last_group_seq, h.last_group_hash INTO head_position, head_seq, head_hash
            FROM server_head h WHERE h.id = 1 FOR UPDATE;
    END IF;
    SELECT a.last_seq, a.last_hash INTO audit_seq, audit_hash FROM audit_head a WHERE a.id = 1 FOR UPDATE;
    anchored := FOUND;
    IF NOT anchored THEN  -- the anchor was removed: carry on from the newest event (check says so)
        SELECT ae.seq, ae.hash INTO audit_seq, audit_hash FROM audit_event ae ORDER BY ae.seq DESC LIMIT 1;
        IF NOT FOUND THEN
            audit_seq := 0;
            audit_hash := '{genesis}';
        END IF;
    END IF;
    locked := clock_timestamp();
    seq := head_seq + 1;
    pos := head_position;
    -- the records' positions and versions (services.sync.server._register)
    FOR r IN SELECT * FROM ROWS FROM (jsonb_to_recordset(tail->'records') AS (
                entity text, record_id text, new boolean, scope text, version integer, created_by text,
                field_versions text)) WITH ORDINALITY AS x(entity, record_id, new, scope, version,
                created_by, field_versions, n)
            ORDER BY x.n LOOP
        pos := pos + 1;
        IF r.new THEN
            INSERT INTO server_record
                (entity, record_id, created_by, created_group, scope, position, version, field_versions)
                VALUES (r.entity, r.record_id, r.created_by, seq, r.scope, pos, r.version,
                        replace(r.field_versions, '"' || t || ':seq"', seq::text));
        ELSE
            UPDATE server_record SET scope = r.scope, position = pos, version = r.version,
                    field_versions = replace(r.field_versions, '"' || t || ':seq"', seq::text)
                WHERE entity = r.entity AND record_id = r.record_id;
        END IF;
    END LOOP;
    -- the server's audit events, chained (store.audit.append_after)
    event_seq := audit_seq;
    event_hash := audit_hash;
    FOR e IN SELECT * FROM ROWS FROM (jsonb_to_recordset(tail->'events') AS (
                occurred_at timestamp, actor text, entity text, record_id text, project_id text,
                action text, changes text, content text)) WITH ORDINALITY AS x(occurred_at, actor,
                entity, record_id, project_id, action, changes, content, n)
            ORDER BY x.n LOOP
        event_seq := event_seq + 1;
        content := replace(replace(e.content, '"' || t || ':seq"', event_seq::text), t || ':prev', event_hash);
        INSERT INTO audit_event
            (seq, occurred_at, actor, entity, record_id, project_id, action, changes, prev_hash, hash)
            VALUES (event_seq, e.occurred_at, e.actor, e.entity, e.record_id, e.project_id,
                    e.action, e.changes, event_hash,
                    encode(sha256(convert_to(content, 'UTF8')), 'hex'));
        event_hash := encode(sha256(convert_to(content, 'UTF8')), 'hex');
    END LOOP;
    IF event_seq > audit_seq THEN
        IF anchored THEN
            UPDATE audit_head SET last_seq = event_seq, last_hash = event_hash WHERE id = 1;
        ELSE
            INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, event_seq, event_hash);
        END IF;
    END IF;
    -- the group's link in the chain of groups (services.sync.server._chain)
    answer := replace(g->>'answer', '"' || t || ':pos"', pos::text);
    link := replace(replace(replace(g->>'link', '"' || t || ':seq"', seq::text),
                            t || ':answer', encode(sha256(convert_to(answer, 'UTF8')), 'hex')),
                    t || ':prev', head_hash);
    link_hash := encode(sha256(convert_to(link, 'UTF8')), 'hex');
    INSERT INTO server_group
        (seq, group_id, user_id, device_id, received_at, status, adopt, payload_sha256, payload,
         event_hashes, answer, prev_hash, hash)
        VALUES (seq, g->>'group_id', g->>'user_id', g->>'device_id', (g->>'received_at')::timestamp,
                g->>'status', (g->>'adopt')::boolean, g->>'payload_sha256', g->>'payload',
                g->>'event_hashes', answer, head_hash, link_hash);
    UPDATE server_head SET last_position = pos, last_group_seq = seq, last_group_hash = link_hash
        WHERE id = 1;
    group_seq := seq;
    group_position := pos;
    group_answer := answer;
    lock_wait := extract(epoch FROM locked - called);
    lock_hold := extract(epoch FROM clock_timestamp() - locked);  -- the COMMIT follows at once
    RETURN NEXT;
END
$tail$
""".replace("{genesis}", GENESIS_HASH)


def _revision_0015_tail() -> str:
    """0015's function, as that revision wrote it (for the downgrade: one copy of its text)."""
    path = Path(__file__).with_name("0015_team_tail_function.py")
    spec = importlib.util.spec_from_file_location("deliverydesk_revision_0015", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.TAIL)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {OLD_SIGNATURE}")
        bind.exec_driver_sql(TAIL)  # as it is: its ":seq" tokens are no bound parameters


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS deliverydesk_tail(jsonb)")
        bind.exec_driver_sql(_revision_0015_tail())
