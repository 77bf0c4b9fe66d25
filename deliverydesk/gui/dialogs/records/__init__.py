"""One dialog per project record (scope item, exclusion, milestone, expectation, change request, log
entry, issue, review, handover entry), all built on ``FormDialog``."""
