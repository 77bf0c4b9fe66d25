"""The butterfly review's questions and help texts, in English and Simplified Chinese.

Two sides (the client's, the company's) by three horizons (short, mid, long term), then lessons and
follow-up actions. The review form shows them in the UI language, the review report in the project's
document language: both read them here. Pure: no I/O, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from deliverydesk.domain.enums import Language
from deliverydesk.domain.revisits import Horizon
from deliverydesk.domain.scope_guard_texts import pick


class ReviewSide(StrEnum):
    CLIENT = "client"
    COMPANY = "company"


@dataclass(frozen=True)
class ReviewQuestion:
    """One field of the review: where it goes (``field``, e.g. ``client_short``), its heading, the
    question to answer and a hint on what a good answer covers."""

    field: str
    side: ReviewSide | None  # None: lessons and follow-up
    horizon: Horizon | None
    heading: str
    question: str
    hint: str


_SIDES = {ReviewSide.CLIENT: ("Client side", "客户端"), ReviewSide.COMPANY: ("Company side", "公司端")}
_HORIZONS = {
    Horizon.SHORT: ("Short term", "短期"),
    Horizon.MID: ("Mid term", "中期"),
    Horizon.LONG: ("Long term", "长期"),
}
_REVISITS = {
    Horizon.SHORT: ("in a month", "一个月后"),
    Horizon.MID: ("in three months", "三个月后"),
    Horizon.LONG: ("in a year", "一年后"),
}

_DEFAULT_ACTIONS = {
    Horizon.SHORT: (
        "Check with the client that the fix holds and nothing else was affected.",
        "与客户确认修复是否稳定、有无其他影响。",
    ),
    Horizon.MID: (
        "Check that what we owe the client was delivered and the failed process was changed.",
        "确认欠客户的事项已经兑现、出问题的流程已经改进。",
    ),
    Horizon.LONG: (
        "Look again at the relationship and the client's needs: is a next step due?",
        "重新审视客户关系和需求变化：是否需要采取下一步行动？",
    ),
}

_GRID = {
    (ReviewSide.CLIENT, Horizon.SHORT): (
        ("Was the problem fixed fast and with certainty?", "问题是否得到快速、确定的解决？"),
        ("How long was the client's work affected? Did they know at each moment what was happening"
         " and when it would be fixed? Has the client confirmed the fix?",
         "客户的业务受影响多久？客户是否随时清楚进展和预计解决时间？修复是否已经客户确认？"),
    ),
    (ReviewSide.CLIENT, Horizon.MID): (
        ("What do we owe the client?", "我们欠客户什么？"),
        ("An apology, a compensation, a follow-up visit or written report, a promise to confirm in"
         " writing. Who gives it, and by when?",
         "致歉、补偿方案、回访或书面报告、需要书面确认的承诺。由谁负责，何时完成？"),
    ),
    (ReviewSide.CLIENT, Horizon.LONG): (
        ("What does this say about the relationship and the client's changing needs?",
         "这反映了双方关系以及客户需求的哪些变化？"),
        ("Did trust grow or shrink? Does the problem show a need the contract did not foresee (new"
         " users, more volume, new rules)? Is it the start of a next phase?",
         "信任是增加还是减少？问题是否暴露了合同未预见的需求（新用户、业务量增长、新法规）？"
         "是否是下一阶段合作的契机？"),
    ),
    (ReviewSide.COMPANY, Horizon.SHORT): (
        ("Did we fix it fast and with certainty?", "我们是否快速、确定地解决了问题？"),
        ("Did the right people and knowledge reach the site in time? Was the cause found, or only the"
         " symptom treated? Could the engineer decide on the spot, or wait for approval?",
         "合适的人员和知识是否及时到达现场？是找到了根本原因，还是只处理了表面症状？"
         "工程师能否当场决定，还是需要等待审批？"),
    ),
    (ReviewSide.COMPANY, Horizon.MID): (
        ("Which process failed?", "哪个流程出了问题？"),
        ("Where should it have been caught: requirements, design, testing, data migration, handover,"
         " training? What changes in that process, and who owns the change?",
         "本应在哪个环节发现：需求、设计、测试、数据迁移、交接、培训？"
         "该流程要做什么改变，由谁负责？"),
    ),
    (ReviewSide.COMPANY, Horizon.LONG): (
        ("What should the company change?", "公司应该做出哪些改变？"),
        ("Has this category been seen at other clients (see Recurring problems)? Do the product, the"
         " standard offer or the team's skills need to change?",
         "该类问题是否在其他客户处出现过（见“重复出现的问题”）？产品、标准方案或团队能力是否需要调整？"),
    ),
}  # fmt: skip

_CLOSING = {
    "lessons": (
        ("Lessons", "经验教训"),
        ("What will we do differently next time?", "下次我们会怎么做？"),
        ("Short sentences another engineer can act on without knowing this project.",
         "写成简短的句子，让不了解本项目的工程师也能照做。"),
    ),
    "follow_up": (
        ("Follow-up actions", "后续行动"),
        ("Who does what, and when do we look again?", "谁做什么，何时复查？"),
        ("Give each action an owner and a revisit date (in a month, three months or a year);"
         " actions whose date has come appear on Home until they are done.",
         "为每项行动指定负责人和复查日期（一个月、三个月或一年后）；到期且未完成的行动会显示在首页。"),
    ),
}  # fmt: skip


def side_name(side: ReviewSide, language: Language) -> str:
    return pick(language, *_SIDES[side])


def horizon_name(horizon: Horizon, language: Language) -> str:
    return pick(language, *_HORIZONS[horizon])


def revisit_label(horizon: Horizon, language: Language) -> str:
    """When a horizon's revisit falls, in words ("in three months")."""
    return pick(language, *_REVISITS[horizon])


def default_action(horizon: Horizon, language: Language) -> str:
    """The standard follow-up action revisited at ``horizon`` (the engineer may rewrite it)."""
    return pick(language, *_DEFAULT_ACTIONS[horizon])


def review_questions(language: Language) -> tuple[ReviewQuestion, ...]:
    """The six butterfly questions (client short, mid, long; company short, mid, long), then lessons
    and follow-up actions, in ``language``."""
    grid = tuple(
        ReviewQuestion(
            field=f"{side}_{horizon}",
            side=side,
            horizon=horizon,
            heading=f"{side_name(side, language)} · {horizon_name(horizon, language)}",
            question=pick(language, *question),
            hint=pick(language, *hint),
        )
        for (side, horizon), (question, hint) in _GRID.items()
    )
    closing = tuple(
        ReviewQuestion(
            field, None, None, pick(language, *heading), pick(language, *question), pick(language, *hint)
        )
        for field, (heading, question, hint) in _CLOSING.items()
    )
    return grid + closing


def review_question(field: str, language: Language) -> ReviewQuestion:
    """The question for one field (``client_short`` ... ``follow_up``); KeyError for any other."""
    found = {question.field: question for question in review_questions(language)}
    return found[field]
