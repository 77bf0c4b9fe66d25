"""Project records and the shared records around them: clients and contacts, projects, scope items and
exclusions, expectations, milestones (with their date history), handover entries, issues, the
append-only log, commitments, attachments (and the one image check), the category taxonomy, the
settings record, the team roster (``people``: who decides within which authority limits, who may
approve) and each record's audit history. ``kinds.ProjectRecords`` writes the common use cases
(create, update, get, list, archive, restore) once; ``common`` holds the row helpers they share."""
