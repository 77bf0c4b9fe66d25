"""Messages and errors: English text and values kept apart, rendered in the reader's language; no error
carries a bare sentence; every kind of record a message names has its word in the catalogue."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.domain.record_kinds import RECORD_KINDS, record_kind
from deliverydesk.errors import DeliveryDeskError, RuleError, StorageError, ValidationError
from deliverydesk.i18n import joined, msg, msg_n, msg_p, verbatim
from deliverydesk.store.bundle_rows import table_specs

EN, ZH = Language.EN, Language.ZH_CN


def test_a_message_renders_in_each_language_with_its_values() -> None:
    error = msg(
        "Letter {ref} version {version} was issued; its content can never change.", ref="L-1", version=2
    )
    assert str(error) == "Letter L-1 version 2 was issued; its content can never change."
    assert error.render(ZH) == "函件 L-1 第 2 版已签发；其内容永远不能更改。"
    assert error.arguments == {"ref": "L-1", "version": 2}


def test_a_value_that_is_a_message_is_rendered_in_the_same_language() -> None:
    kind = msg_p("record kind", "milestone")
    nested = msg("This {what} is archived.", what=kind)
    assert str(nested) == "This milestone is archived."
    assert nested.render(ZH) == "此里程碑已归档。"


def test_a_date_value_is_written_as_the_language_writes_dates() -> None:
    future = msg("This date is in the future (today is {today}).", today=date(2026, 3, 16))
    assert str(future) == "This date is in the future (today is 16 Mar 2026)."
    assert "2026年3月16日" in future.render(ZH)


def test_plurals() -> None:
    one = msg_n("This client still has {count} project.", "This client still has {count} projects.", 1)
    many = msg_n("This client still has {count} project.", "This client still has {count} projects.", 3)
    assert (str(one), str(many)) == ("This client still has 1 project.", "This client still has 3 projects.")
    assert many.render(ZH) == "此客户仍有 3 个项目。"


HOSTILE = [
    "a.*b(c)[d]+?$^|\\1",
    "{0} {name} {{}} }{",
    "line one\nline two\r\n",
    "emoji 🚀👩‍🔧",
    "עברית \u202eRTL\u202c",
    "<b>markup</b> & 'quotes' \"; DROP TABLE projects; --",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_user_text_in_a_value_stays_literal(value: str) -> None:
    message = msg("{name} is not a contact of this project's client.", name=value)
    assert str(message) == f"{value} is not a contact of this project's client."
    assert message.render(ZH) == f"{value} 不是本项目客户的联系人。"


def test_verbatim_text_is_shown_as_it_is_in_every_language() -> None:
    for text in ["已在界面语言中", "{braces} and %1", ""]:
        assert verbatim(text).render(ZH) == verbatim(text).render(EN) == text


def test_joined_messages_translate_their_separator() -> None:
    both = joined([msg("This cannot be empty."), msg("Enter a number.")])
    assert str(both) == "This cannot be empty.; Enter a number."
    assert both.render(ZH) == "此项不能为空。；请输入数字。"


def test_an_error_carries_its_message_and_hint_and_renders_them_per_language() -> None:
    error = RuleError(
        msg("This {what} is archived.", what=record_kind("log_entry")), msg("Restore it before changing it.")
    )
    assert str(error) == "This log entry is archived. Restore it before changing it."
    assert error.render(ZH) == "此沟通记录已归档。请先恢复，再修改。"
    assert error.message.arguments["what"] == record_kind("log entry")


def test_an_error_refuses_a_bare_sentence() -> None:
    with pytest.raises(TypeError):
        DeliveryDeskError("This cannot be empty.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        StorageError(msg("The disk is full."), hint="Free some space.")  # type: ignore[arg-type]


def test_a_validation_error_keeps_each_field_message() -> None:
    error = ValidationError({"name": msg("This cannot be empty."), "email": msg("Enter a number.")})
    assert error.fields["name"].render(ZH) == "此项不能为空。"
    assert str(error) == "name: This cannot be empty.; email: Enter a number."


def test_every_bundled_table_names_a_record_kind_the_catalogue_knows() -> None:
    for table in table_specs():
        english = str(record_kind(table))
        assert english in RECORD_KINDS, table
        assert record_kind(table).render(ZH) != english, table


def test_every_kind_of_stored_record_names_a_catalogue_word() -> None:
    """``kinds.REVIEW_ACTION.what`` reaches "The follow-up action was not found": it must be translated."""
    from deliverydesk.store import kinds

    words = {kind.what for kind in vars(kinds).values() if isinstance(kind, kinds.RowKind)}
    assert "follow-up action" in words
    for word in words:
        assert word in RECORD_KINDS, word
        assert record_kind(word).render(ZH) != word, word


def test_every_kind_a_service_names_in_a_message_is_a_catalogue_word() -> None:
    """``get_row(session, MilestoneRow, id, "milestone")``: the kind reaches a sentence ("The milestone was
    not found"), so each literal kind the services pass, and each the store's ``RowKind``s name, is one
    of ``RECORD_KINDS``."""
    import ast
    from pathlib import Path

    positions = {
        "get_row": 3,
        "get_editable": 3,
        "editable_record": 3,
        "require_id": 1,
        "record_kind": 0,
        "RowKind": 1,
    }
    found: set[str] = set()
    for path in (Path(__file__).resolve().parents[3] / "deliverydesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "RowKind" and path.name != "kinds.py":
                continue  # a throwaway kind for a link check (records.common) is never named
            arguments = [*node.args[positions[name] : positions[name] + 1]] if name in positions else []
            arguments += [k.value for k in node.keywords if k.arg == "what"]
            found |= {a.value for a in arguments if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert len(found) > 10
    assert {str(record_kind(kind)) for kind in found} <= RECORD_KINDS
