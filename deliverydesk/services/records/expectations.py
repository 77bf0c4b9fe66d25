"""Expectations (E-n): what the client will see, how we will know, agreed with whom."""

from __future__ import annotations

from deliverydesk.domain.validation import validate_expectation
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import project_tables

EXPECTATIONS = ProjectRecords(
    project_tables.EXPECTATIONS, validate=lambda _ctx, draft: validate_expectation(draft)
)

create_expectation = EXPECTATIONS.create
update_expectation = EXPECTATIONS.update
get_expectation = EXPECTATIONS.get
list_expectations = EXPECTATIONS.list  # status=ExpectationStatus filters
archive_expectation = EXPECTATIONS.archive
restore_expectation = EXPECTATIONS.restore
