"""Interchange with the tools clients and offices already use (issue 18).

Owns: Microsoft Project XML (MSPDI) in and out (``msproject``: plans saved by MS Project, ProjectLibre
and GanttProject), calendar files (``calendar_file``: milestones, open commitments and review
follow-ups as iCalendar), and scope lists from spreadsheets (``scope_import``: CSV and XLSX).

The file formats are pure functions of bytes (``mspdi``, ``mspdi_writer``, ``sheets``, ``scope_rows``);
the use cases here open one unit of work each. Every import writes one transaction, recorded in the
audit trail as an import naming the file and its SHA-256 (``applying``), updates what an earlier
import of the same records brought in (``external_ref``) and never touches an issued letter.
"""
