"""The bilingual demo database, filled through the ordinary services (``build.create_demo``). Loaded only
by the demo command and the first-start dialog."""
