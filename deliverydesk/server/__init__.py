"""The team server: a stateless ASGI application (``app``) and its administration command
(``deliverydesk-server``, ``admin``). Only HTTP and arguments live here; the rules are in
``services.sync``. docs/server.md says how to run it, docs/sync.md what it speaks."""
