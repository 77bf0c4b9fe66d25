"""The wire shapes of ``/v1`` (docs/sync.md), parsed and checked before anything touches a database.

A shape that is wrong is the sender's bug or an attack: ``ProtocolError`` (HTTP 400) names what is
wrong, in plain words; nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from deliverydesk.domain.sync import ChangeOp
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.i18n import Message, verbatim
from deliverydesk.store.bundle_rows import TABLES, decode_row, decode_value
from deliverydesk.store.sync_capture import specs

API = "/v1"
MAX_GROUPS_PER_PUSH = 50
MAX_CHANGES_PER_GROUP = 20_000
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 1000
MAX_FILE_BYTES = 100 * 1024 * 1024
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
SCOPE_RE = re.compile(rf"shared|[pc]:{UUID_RE.pattern}")
FROZEN_FIELDS = frozenset({"id", "created_at", "row_version"})


class ProtocolError(DeliveryDeskError):
    """A request that does not have the shape of the protocol (HTTP 400)."""


@dataclass(frozen=True)
class Change:
    entity: str
    record_id: str
    op: ChangeOp
    base_version: int
    row: dict[str, Any] | None  # create: the whole canonical row
    fields: dict[str, tuple[Any, Any]]  # update: field -> (old, new), canonical

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "entity": self.entity,
            "id": self.record_id,
            "op": self.op.value,
            "base_version": self.base_version,
        }
        if self.op is ChangeOp.CREATE:
            data["row"] = self.row
        else:
            data["fields"] = {name: [old, new] for name, (old, new) in self.fields.items()}
        return data


@dataclass(frozen=True)
class Group:
    group_id: str
    made_at: str
    event_hashes: tuple[str, ...]
    resolves: tuple[str, ...]
    changes: tuple[Change, ...]
    adopt: bool = False  # the records a laptop had when it joined: its history, kept as recorded
    replica: str = ""  # the laptop's copy (made when it joined): its own earlier changes never conflict

    def as_json(self) -> dict[str, Any]:
        found = {
            "group_id": self.group_id,
            "made_at": self.made_at,
            "event_hashes": list(self.event_hashes),
            "resolves": list(self.resolves),
            "changes": [c.as_json() for c in self.changes],
        }
        if self.replica:
            found["replica"] = self.replica
        return {**found, "adopt": True} if self.adopt else found


def _shape(text: str) -> Message:
    r"""A diagnostic of the wire format (JSON keys and shapes) for whoever writes a client: answered as
    HTTP 400 and never met by DeliveryDesk's own client, so it is not translated (\`verbatim\`)."""
    return verbatim(text)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ProtocolError(_shape(message))


def _uuid(value: Any, what: str) -> str:
    _require(
        isinstance(value, str) and UUID_RE.fullmatch(value) is not None, f"{what} must be a lowercase UUID."
    )
    return str(value)


def _strings(value: Any, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
    _require(isinstance(value, list) and len(value) <= 100_000, f"{what} must be a list.")
    for item in value:
        _require(
            isinstance(item, str) and pattern.fullmatch(item) is not None, f"{what} holds a malformed value."
        )
    return tuple(value)


def parse_push(body: Any) -> list[Group]:
    _require(isinstance(body, dict) and isinstance(body.get("groups"), list), 'A push is {"groups": [...]}.')
    groups = body["groups"]
    _require(len(groups) <= MAX_GROUPS_PER_PUSH, f"Push at most {MAX_GROUPS_PER_PUSH} groups at once.")
    return [parse_group(group) for group in groups]


def parse_group(raw: Any) -> Group:
    _require(isinstance(raw, dict), "Each group must be an object.")
    group_id = _uuid(raw.get("group_id"), "group_id")
    changes = raw.get("changes")
    _require(
        isinstance(changes, list) and 0 < len(changes) <= MAX_CHANGES_PER_GROUP, "A group needs its changes."
    )
    made_at = raw.get("made_at", "")
    adopt = raw.get("adopt", False)
    _require(isinstance(adopt, bool), "adopt is true or false.")
    _require(isinstance(made_at, str) and len(made_at) <= 40, "made_at must be a time.")
    return Group(
        group_id=group_id,
        made_at=made_at,
        event_hashes=_strings(raw.get("event_hashes", []), SHA256_RE, "event_hashes"),
        resolves=_strings(raw.get("resolves", []), UUID_RE, "resolves"),
        changes=tuple(parse_change(change) for change in changes),
        adopt=adopt,
        replica=_uuid(raw["replica"], "replica") if raw.get("replica") else "",
    )


def parse_change(raw: Any) -> Change:
    _require(isinstance(raw, dict), "Each change must be an object.")
    entity = raw.get("entity")
    _require(
        isinstance(entity, str) and entity in TABLES, f"Records of kind {str(entity)[:40]!r} do not sync."
    )
    record_id = _uuid(raw.get("id"), "id")
    base = raw.get("base_version", 0)
    _require(
        isinstance(base, int) and not isinstance(base, bool) and 0 <= base < 2**31,
        "base_version must be a count.",
    )
    try:
        op = ChangeOp(raw.get("op"))
    except ValueError:
        raise ProtocolError(
            _shape("op must be create or update (records are archived, never deleted).")
        ) from None
    if op is ChangeOp.CREATE:
        return Change(entity, record_id, op, base, _row(entity, record_id, raw.get("row")), {})
    return Change(entity, record_id, op, base, None, _fields(entity, raw.get("fields")))


def _row(entity: str, record_id: str, row: Any) -> dict[str, Any]:
    _require(isinstance(row, dict), "A create carries the whole row.")
    try:
        decode_row(specs()[entity], row)
    except ValueError as exc:
        raise ProtocolError(_shape(f"The {entity.replace('_', ' ')} row is not valid: {exc}.")) from None
    _require(row.get("id") == record_id, "The row's id must be the change's id.")
    return dict(row)


def _fields(entity: str, fields: Any) -> dict[str, tuple[Any, Any]]:
    _require(isinstance(fields, dict) and bool(fields), "An update carries {field: [old, new]}.")
    columns = {c.name: c for c in specs()[entity].columns}
    parsed: dict[str, tuple[Any, Any]] = {}
    for name, pair in fields.items():
        _require(name in columns, f"The {entity.replace('_', ' ')} has no field {str(name)[:40]!r}.")
        _require(name not in FROZEN_FIELDS, f"The field {name} never changes.")
        _require(isinstance(pair, list) and len(pair) == 2, f"The field {name} needs [old, new].")
        for value in pair:
            try:
                decode_value(columns[name], value)
            except ValueError as exc:
                raise ProtocolError(_shape(f"The field {name} {exc}.")) from None
        parsed[name] = (pair[0], pair[1])
    return parsed


def parse_pull(body: Any) -> tuple[dict[str, int], int]:
    _require(isinstance(body, dict), 'A pull is {"cursors": {...}, "limit": n}.')
    cursors = body.get("cursors", {})
    _require(isinstance(cursors, dict) and len(cursors) <= 200_000, "cursors must be an object.")
    parsed: dict[str, int] = {}
    for scope, position in cursors.items():
        _require(
            isinstance(scope, str) and SCOPE_RE.fullmatch(scope) is not None, "A cursor's scope is malformed."
        )
        _require(
            isinstance(position, int) and not isinstance(position, bool) and position >= 0,
            "A cursor is a count.",
        )
        parsed[scope] = position
    limit = body.get("limit", DEFAULT_PULL_LIMIT)
    _require(isinstance(limit, int) and not isinstance(limit, bool) and limit > 0, "limit must be a count.")
    return parsed, min(limit, MAX_PULL_LIMIT)


def parse_digests(body: Any) -> list[str]:
    _require(isinstance(body, dict), 'Send {"sha256": [...]}.')
    return list(_strings(body.get("sha256", []), SHA256_RE, "sha256"))


def parse_record_keys(body: Any) -> list[tuple[str, str]]:
    _require(isinstance(body, dict) and isinstance(body.get("records"), list), 'Send {"records": [...]}.')
    keys = []
    for item in body["records"][:5000]:
        _require(
            isinstance(item, dict) and item.get("entity") in TABLES, "Each record needs its entity and id."
        )
        keys.append((str(item["entity"]), _uuid(item.get("id"), "id")))
    return keys


def parse_reservation(body: Any) -> tuple[str, str, int]:
    _require(isinstance(body, dict), 'Send {"project_id", "ref", "version"}.')
    ref, version = body.get("ref"), body.get("version")
    _require(isinstance(ref, str) and 0 < len(ref) <= 48, "ref must be a letter reference.")
    _require(
        isinstance(version, int) and not isinstance(version, bool) and 0 < version < 10_000,
        "version must be a number.",
    )
    return _uuid(body.get("project_id"), "project_id"), str(ref), int(version)


def check_digest(value: str) -> str:
    _require(SHA256_RE.fullmatch(value) is not None, "A file is named by its lowercase SHA-256.")
    return value


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


# --- messages over the wire ---------------------------------------------------------------------------


def message_json(message: Message) -> dict[str, Any]:
    """A refusal as the server sends it: the message id and its values (nested messages and dates kept),
    so the laptop shows it in its own language; ``str(message)`` goes beside it for other clients."""
    values: dict[str, Any] = {}
    for name, value in message.values:
        if isinstance(value, Message):
            values[name] = {"msg": message_json(value)}
        elif isinstance(value, date) and not isinstance(value, datetime):
            values[name] = {"date": value.isoformat()}
        else:
            values[name] = (
                value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
            )
    found: dict[str, Any] = {"text": message.text, "values": values}
    if message.context is not None:
        found["context"] = message.context
    if message.plural is not None:
        found.update(plural=message.plural, count=message.count)
    return found


def message_from_json(raw: Any, depth: int = 0) -> Message | None:
    """``message_json``'s inverse; None when ``raw`` is not one (an older server, another proxy)."""
    if depth > 8 or not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return None
    values: list[tuple[str, object]] = []
    raw_values = raw.get("values")
    for name, value in (raw_values if isinstance(raw_values, dict) else {}).items():
        if isinstance(value, dict) and "msg" in value:
            nested = message_from_json(value["msg"], depth + 1)
            if nested is None:
                return None
            values.append((str(name), nested))
        elif isinstance(value, dict) and isinstance(value.get("date"), str):
            try:
                values.append((str(name), date.fromisoformat(value["date"])))
            except ValueError:
                return None
        else:
            values.append((str(name), value))
    context, plural, count = raw.get("context"), raw.get("plural"), raw.get("count", 0)
    return Message(
        raw["text"],
        tuple(values),
        context if isinstance(context, str) else None,
        plural if isinstance(plural, str) else None,
        count if isinstance(count, int) else 0,
    )


def stored_message(message: Message, limit: int = 4000) -> str:
    """A message kept in a text column (a refusal, the last sync's error): its id and values as JSON,
    or its English when that would be too long."""
    import json

    text = json.dumps(message_json(message), ensure_ascii=False, default=str)
    return text if len(text) <= limit else str(message)[:limit]


def read_message(text: str) -> Message:
    """``stored_message``'s inverse; any other text is shown as it is."""
    import json

    if text.startswith("{"):
        try:
            found = message_from_json(json.loads(text))
        except ValueError:
            found = None
        if found is not None:
            return found
    return verbatim(text)
