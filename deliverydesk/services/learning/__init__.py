"""Learning across clients: similar issues met elsewhere, problems that recur at several clients
(``recurrence``), and the issue register and recurrence table as CSV for spreadsheets (``csv_export``)."""
