"""Butterfly reviews of a project or a major issue (``butterfly``), their standard follow-up actions
(``followups``) and the internal review report PDF (``report``)."""
