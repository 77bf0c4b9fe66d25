"""Run-time files of DeliveryDesk: fonts, icons, translations, licence notices.

This folder stays at the top of the repository and is installed as the package
``deliverydesk.resources`` (``package_dir`` in setup.cfg); the code finds its files through
``deliverydesk.paths`` (importlib.resources), never through a path computed from a checkout."""
