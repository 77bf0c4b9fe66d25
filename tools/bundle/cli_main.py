"""The desktop bundle's command-line program (``deliverydesk``): the same entry point as the wheel's."""

from deliverydesk.cli import main

raise SystemExit(main())
