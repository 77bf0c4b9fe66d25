"""The interchange dialogs: importing a Microsoft Project plan and scope from a spreadsheet (a preview
first, then all or nothing), and the File menu's Import and Export entries (``actions``)."""
