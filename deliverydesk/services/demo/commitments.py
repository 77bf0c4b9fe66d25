"""The demo's commitments register (showcase project): both sides, one overdue, one verbal still to
confirm in writing, and one met and closed with a note."""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.enums import OwnerSide
from deliverydesk.services.demo.support import Demo
from deliverydesk.services.records.commitments import COMMITMENTS, close_commitment_in


@dataclass(frozen=True)
class CommitmentEntries:
    """The showcase's log entries the commitments were recorded in or met by."""

    weekly_meeting: str
    decision: str
    call: str
    promise: str


def create_commitments(demo: Demo, project_id: str, entries: CommitmentEntries) -> None:
    def record(
        entry: str, side: OwnerSide, owner: str, owed_to: str, what: str, due: int, verbal: bool = False
    ) -> str:
        draft = CommitmentDraft(
            project_id=project_id,
            log_entry_id=entry,
            owner_side=side,
            owner_name=owner,
            owed_to=owed_to,
            description=what,
            due_date=demo.day(due),
            confirm_in_writing=verbal,
        )
        return COMMITMENTS.create_in(demo.ctx, demo.session, draft).id

    decided = record(
        entries.weekly_meeting,
        OwnerSide.CLIENT,
        "王建国",
        "张浩",
        "两天内对 CR-1 至 CR-8 逐项给出决定。",
        -18,
    )
    close_commitment_in(
        demo.ctx, demo.session, decided, demo.day(-18), "周例会后两天内逐项答复。", entries.decision
    )
    record(entries.promise, OwnerSide.VENDOR, "张浩", "王建国", "提交二厂数据迁移方案。", -1)
    record(
        entries.call,
        OwnerSide.CLIENT,
        "李娜",
        "张浩",
        "口头承诺:本周五前提供二厂主数据样本(需书面确认)。",
        2,
        verbal=True,
    )
