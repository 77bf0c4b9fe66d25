from deliverydesk.app import main

raise SystemExit(main())
