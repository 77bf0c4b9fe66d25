"""Alembic environment. The app passes its own open connection (inside its transaction) in
``config.attributes["connection"]``; there is no alembic.ini and no URL here."""

from alembic import context

from deliverydesk.store.schema import metadata

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,  # every table: the team's too
    render_as_batch=True,  # SQLite can only ALTER through table rebuilds
    compare_type=True,
)
context.run_migrations()
