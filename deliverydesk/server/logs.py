"""Structured logs: one JSON object per line on stderr (systemd's journal keeps them; ``jq`` reads them)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

REQUEST_FIELDS = (
    "request_id",
    "method",
    "path",
    "status",
    "ms",
    "user",
    "device",
    "groups",
    "rows",
    "bytes",
    "tail_groups",
    "tail_wait_ms",
    "tail_hold_ms",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for name in REQUEST_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, sort_keys=True)


def configure_server_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for DeliveryDesk's loggers (and uvicorn's, which otherwise print text)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("deliverydesk", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    logging.getLogger("uvicorn.access").disabled = True  # the app logs every request itself
