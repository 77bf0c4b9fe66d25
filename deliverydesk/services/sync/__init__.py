"""Team sync (docs/sync.md): the server's use cases (``server``: push, pull, files, reservations,
administration, checks) and the laptop's (``client``: join, sync, conflicts, resolve), the wire
shapes they share (``protocol``) and how a laptop keeps its token (``credentials``).

The HTTP layer lives in ``deliverydesk.server`` (the ASGI application and ``deliverydesk-server``)
and in ``transport`` (the laptop's HTTP client); both only move these shapes."""
