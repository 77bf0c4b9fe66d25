"""The team roster (Settings ▸ People): you and your name, unique names, roles and limits per person,
your own limits as an audit event that shows on Home until a manager confirms them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import PersonDraft, SettingsDraft, draft_from
from deliverydesk.domain.enums import PersonRole
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import people, settings
from deliverydesk.services.records.history import record_history
from tests.conftest import FIXED_NOW


def test_you_are_on_the_roster_under_your_settings_name(ctx: ServiceContext) -> None:
    settings.update_settings(ctx, SettingsDraft(engineer_name="张浩", engineer_place="苏州"))
    you = people.get_you(ctx)
    assert (you.name, you.role, you.is_you, you.hours_per_change) == ("张浩", PersonRole.ENGINEER, True, 8.0)
    assert settings.get_settings(ctx).person_id == you.id
    people.save_person(ctx, replace(draft_from(PersonDraft, you), name="张浩 Zhang Hao"))
    assert settings.get_settings(ctx).engineer_name == "张浩 Zhang Hao"  # one name, kept in both
    with pytest.raises(RuleError, match="yourself"):
        people.set_person_archived(ctx, you.id, archived=True)


def test_names_are_unique_without_case_and_a_manager_is_picked_by_id(ctx: ServiceContext) -> None:
    settings.update_settings(ctx, SettingsDraft(engineer_name="Zhang Hao"))
    manager = people.save_person(
        ctx, PersonDraft(name="Chen Jing", role=PersonRole.MANAGER, hours_per_change=80)
    )
    with pytest.raises(ValidationError) as raised:
        people.save_person(ctx, PersonDraft(name=" chen jing "))
    assert "already in the team roster" in str(raised.value.fields["name"])
    with pytest.raises(ValidationError) as raised:
        settings.update_settings(ctx, SettingsDraft(engineer_name="CHEN JING"))
    assert "engineer_name" in raised.value.fields
    assert [(p.name, p.role, p.is_you) for p in people.list_people(ctx)] == [
        ("Chen Jing", PersonRole.MANAGER, False),
        ("Zhang Hao", PersonRole.ENGINEER, True),
    ]
    people.set_person_archived(ctx, manager.id, archived=True)
    assert [p.name for p in people.list_people(ctx)] == ["Zhang Hao"]
    assert len(people.list_people(ctx, include_archived=True)) == 2


def test_raising_your_own_limits_is_audited_and_shows_on_home_until_a_manager_confirms(
    ctx: ServiceContext,
) -> None:
    settings.update_settings(ctx, SettingsDraft(engineer_name="张浩"))
    you = people.get_you(ctx)
    assert get_attention(ctx).of_kind(AttentionKind.OWN_LIMITS_SET) == ()
    raised = people.save_person(ctx, replace(draft_from(PersonDraft, you), hours_per_change=80.0))
    assert raised.set_own_limits and raised.limits_set_at == FIXED_NOW
    (line,) = get_attention(ctx).of_kind(AttentionKind.OWN_LIMITS_SET)
    assert (line.record_id, line.ref, line.project_id) == (you.id, "张浩", "")
    assert line.limits is not None and line.limits.hours_per_change == 80.0
    history = record_history(ctx, you.id)
    assert any(
        change.field == "hours_per_change" and (change.before, change.after) == (8.0, 80.0)
        for event in history.events
        for change in event.changes
    )
    engineer = people.save_person(ctx, PersonDraft(name="王磊"))
    with pytest.raises(ValidationError):  # an engineer cannot confirm
        people.confirm_limits(ctx, you.id, manager_id=engineer.id)
    manager = people.save_person(ctx, PersonDraft(name="陈经理", role=PersonRole.MANAGER))
    assert not manager.set_own_limits  # you set a colleague's limits: not your own
    confirmed = people.confirm_limits(ctx, you.id, manager_id=manager.id)
    assert not confirmed.set_own_limits and confirmed.limits_set_by_id == manager.id
    assert get_attention(ctx).of_kind(AttentionKind.OWN_LIMITS_SET) == ()
    with pytest.raises(ValidationError, match="their own"):
        people.confirm_limits(ctx, manager.id, manager_id=manager.id)


def test_your_limits_are_the_authority_the_scope_guard_checks(ctx: ServiceContext) -> None:
    from deliverydesk.services.scope_guard.meters import authority_limits

    you = people.get_you(ctx)
    people.save_person(
        ctx, replace(draft_from(PersonDraft, you), name="张浩", hours_per_change=3.0, cost_cents_per_change=1)
    )
    with ctx.db.unit_of_work() as session:
        limits = authority_limits(session)
    assert (limits.hours_per_change, limits.cost_cents_per_change) == (3.0, 1)
