"""Project bundles: one project with all its records, attachments and issued letter PDFs in one JSON
file. ``transfer`` exports and imports; ``check`` reads and validates a file completely before anything
is written; ``schema`` derives the published JSON Schema (``bundle.schema.json``); ``upgrade`` reads
older bundle formats."""
