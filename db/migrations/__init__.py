"""The Alembic environment and revisions, installed as the package ``deliverydesk.migrations``
(``package_dir`` in setup.cfg) and found through ``deliverydesk.paths.migrations_dir()``."""
