"""The Linux bundle's one program: the window as ``deliverydesk-gui``, the command line as ``deliverydesk``.

``deliverydesk`` is a symbolic link to ``deliverydesk-gui`` (tools/bundle/build.py makes it): one
executable carries the package's bytecode once instead of twice (about 15 MB of the archive).
"""

import os
import sys

if os.path.basename(sys.argv[0]) == "deliverydesk":
    from deliverydesk.cli import main
else:
    from deliverydesk.app import main

raise SystemExit(main())
