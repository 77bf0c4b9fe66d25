"""Use cases, one unit of work per public call, frozen dataclasses out. A public function opens the
unit of work; when another action needs its work too, that work lives in a helper taking the open
session (``create_milestone_in(ctx, session, ...)``), never in a call to the public function
(``tests/unit/test_units_of_work.py``). Grouped by feature:

- ``records/``      project records and the shared records around them (clients, taxonomy, settings)
- ``scope_guard/``  extra asks: capture, scope check, triage, impact, decision, approval, moves, meters
- ``documents/``    the client documents: data, issue, sign, verify, export
- ``evidence/``     evidence packs that settle a dispute
- ``bundle/``       project bundles (export and import of one project)
- ``reviews/``      butterfly reviews, their follow-ups and the review report
- ``learning/``     recurring problems across clients and the CSV registers
- ``demo/``         the demo database (loaded only by the demo command and the first-start dialog)
- ``interchange/``  Microsoft Project XML in and out, calendar files, scope from spreadsheets

Single modules: ``context`` (database + clock), ``storage`` (open, check, back up, restore),
``files`` (writing user files atomically), ``search``, ``attention`` (Home), ``overview``.
"""
