"""The evidence pack PDF: its data classes (``data``), the chronological record (``pack``) and the
sections after it (``sections``)."""
