"""Team server: the tail of a pushed group as one PostgreSQL function (``deliverydesk_tail``).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 21:00:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.
PostgreSQL only (SQLite gets nothing: a laptop has no server tail, and a server on SQLite does the
same work in Python).

Why: every push takes the server's head row lock for its tail (positions for the pull's cursor, the
chain of groups, the server's audit chain: all in commit order). Done in Python, the lock was held
over two round trips and, between them, until the request's thread got a core and the interpreter
back: under load the lock's holder mostly waited, and every other push waited behind it. This
function does the same work inside PostgreSQL in one call (sent with the COMMIT in one round trip),
so no Python runs while the lock is held. What it writes is exactly what the Python tail writes
(``services/sync/server.py``: ``_register``, ``write_server_events``, ``_chain``); the texts it hashes
are made in Python before the lock, with tokens where the values known only under the lock go
(sequence numbers, positions, previous hashes, the answer's digest), and the function puts those
values in and hashes with ``sha256`` (the UTF-8 bytes of the text, as ``domain.fingerprint``).

Tokens (``t`` is a random prefix made for each group, so no value a user typed can be one):
``"<t>:seq"`` (with its quotes) becomes the group's or event's number, ``"<t>:pos"`` the group's last
position, ``<t>:prev`` the previous hash, ``<t>:answer`` the SHA-256 of the stored answer.
"""
from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64  # deliverydesk.domain.audit.GENESIS_HASH, written out: revisions stay frozen

TAIL = """
CREATE OR REPLACE FUNCTION deliverydesk_tail(
    t text,
    r_entity text[], r_record_id text[], r_new boolean[], r_scope text[], r_version integer[],
    r_created_by text[], r_field_versions text[],
    e_occurred_at timestamp[], e_actor text[], e_entity text[], e_record_id text[], e_project_id text[],
    e_action text[], e_changes text[], e_content text[],
    g_group_id text, g_user_id text, g_device_id text, g_received_at timestamp, g_status text,
    g_adopt boolean, g_payload_sha256 text, g_payload text, g_event_hashes text, g_answer text,
    g_link text
) RETURNS TABLE (group_seq bigint, group_position bigint, group_answer text, lock_wait double precision,
                lock_hold double precision)
LANGUAGE plpgsql AS $tail$
#variable_conflict use_variable
DECLARE
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
        SELECT e.seq, e.hash INTO audit_seq, audit_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        IF NOT FOUND THEN
            audit_seq := 0;
            audit_hash := '{genesis}';
        END IF;
    END IF;
    locked := clock_timestamp();
    seq := head_seq + 1;
    pos := head_position;
    -- the records' positions and versions (services.sync.server._register)
    FOR i IN 1 .. coalesce(array_length(r_entity, 1), 0) LOOP
        pos := pos + 1;
        IF r_new[i] THEN
            INSERT INTO server_record
                (entity, record_id, created_by, created_group, scope, position, version, field_versions)
                VALUES (r_entity[i], r_record_id[i], r_created_by[i], seq, r_scope[i], pos, r_version[i],
                        replace(r_field_versions[i], '"' || t || ':seq"', seq::text));
        ELSE
            UPDATE server_record SET scope = r_scope[i], position = pos, version = r_version[i],
                    field_versions = replace(r_field_versions[i], '"' || t || ':seq"', seq::text)
                WHERE entity = r_entity[i] AND record_id = r_record_id[i];
        END IF;
    END LOOP;
    -- the server's audit events, chained (store.audit.append_after)
    event_seq := audit_seq;
    event_hash := audit_hash;
    FOR i IN 1 .. coalesce(array_length(e_content, 1), 0) LOOP
        event_seq := event_seq + 1;
        content := replace(replace(e_content[i], '"' || t || ':seq"', event_seq::text), t || ':prev', event_hash);
        INSERT INTO audit_event
            (seq, occurred_at, actor, entity, record_id, project_id, action, changes, prev_hash, hash)
            VALUES (event_seq, e_occurred_at[i], e_actor[i], e_entity[i], e_record_id[i], e_project_id[i],
                    e_action[i], e_changes[i], event_hash,
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
    answer := replace(g_answer, '"' || t || ':pos"', pos::text);
    link := replace(replace(replace(g_link, '"' || t || ':seq"', seq::text),
                            t || ':answer', encode(sha256(convert_to(answer, 'UTF8')), 'hex')),
                    t || ':prev', head_hash);
    link_hash := encode(sha256(convert_to(link, 'UTF8')), 'hex');
    INSERT INTO server_group
        (seq, group_id, user_id, device_id, received_at, status, adopt, payload_sha256, payload,
         event_hashes, answer, prev_hash, hash)
        VALUES (seq, g_group_id, g_user_id, g_device_id, g_received_at, g_status, g_adopt,
                g_payload_sha256, g_payload, g_event_hashes, answer, head_hash, link_hash);
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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(TAIL)  # as it is: its ":seq" tokens are no bound parameters


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS deliverydesk_tail")
