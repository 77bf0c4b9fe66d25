"""A realistic bilingual demo: fills an empty, migrated database through the ordinary services.

Dates are relative to ``ctx.today()`` so the demo always looks current. Everything goes through the
same service helpers (and so the same validation) as the user's own input, all in one unit of work."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import ClientDraft, ContactDraft, PersonDraft, SettingsDraft
from deliverydesk.domain.enums import ContactRole, Language, PersonRole
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg, msg_n
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.demo.projects import create_other_projects
from deliverydesk.services.demo.showcase import create_showcase
from deliverydesk.services.demo.support import Demo, DemoClient, ticking_clock
from deliverydesk.services.records.clients import create_client_in, create_contact_in
from deliverydesk.services.records.people import confirm_limits_in, get_you_in, save_person_in
from deliverydesk.services.records.settings import update_settings_in
from deliverydesk.store.records import count_projects


def create_demo(ctx: ServiceContext) -> None:
    """Fill an empty database with demo clients, projects and records; refuse one that has projects.
    One unit of work: a demo that fails halfway leaves the database empty."""
    with ctx.db.unit_of_work() as session:
        existing = count_projects(session, live_only=False)
        if existing:
            raise RuleError(
                msg_n(
                    "This database already has {count} project; the demo only fills an empty database.",
                    "This database already has {count} projects; the demo only fills an empty database.",
                    existing,
                ),
                msg("Choose a new data folder (--data-dir) for the demo."),
            )
        start = ctx.now() - timedelta(seconds=10)  # ticks stay within the same day
        ticking = ServiceContext(db=ctx.db, clock=ticking_clock(start))
        demo = Demo(ctx=ticking, session=session, today=ctx.today())
        _settings(demo)
        clients = _clients(demo)
        create_showcase(demo, clients["hdpm"])
        create_other_projects(demo, clients)


def _settings(demo: Demo) -> None:
    update_settings_in(
        demo.ctx,
        demo.session,
        SettingsDraft(
            company_name="天地自动化服务有限公司 Tiandi Automation Services Co., Ltd.",
            company_address="上海市浦东新区张江路 88 号 / 88 Zhangjiang Road, Pudong, Shanghai",
            engineer_name="张浩 Zhang Hao",
            engineer_title="高级现场工程师 / Senior Field Engineer",
            engineer_place="苏州 Suzhou",
            default_language=Language.ZH_CN,
            holiday_calendar="CN",
        ),
    )
    _roster(demo)


def _roster(demo: Demo) -> None:
    """You (Zhang Hao, engineer), your delivery manager and another engineer; your limits as the
    manager confirmed them."""
    you = get_you_in(demo.ctx, demo.session)
    limits = {"hours_per_change": 8.0, "cost_cents_per_change": 5_000_00, "goodwill_hours_per_project": 16.0}
    save_person_in(demo.ctx, demo.session, PersonDraft(id=you.id, name=you.name, **limits))  # type: ignore[arg-type]
    manager = save_person_in(
        demo.ctx,
        demo.session,
        PersonDraft(
            name="李伟 Li Wei",
            role=PersonRole.MANAGER,
            hours_per_change=80.0,
            cost_cents_per_change=100_000_00,
            goodwill_hours_per_project=60.0,
        ),
    )
    save_person_in(demo.ctx, demo.session, PersonDraft(name="王磊 Wang Lei", **limits))  # type: ignore[arg-type]
    confirm_limits_in(demo.ctx, demo.session, you.id, manager_id=manager.id)


CLIENTS: dict[str, tuple[ClientDraft, list[tuple[str, str, str, str, ContactRole, bool]]]] = {
    "hdpm": (
        ClientDraft(
            name="华东精密制造有限公司",
            country="CN",
            address="江苏省苏州市工业园区星湖街 218 号",
            industry="精密机械 / precision machining",
            notes="二期 MES 项目。王总重视上线日期;李娜是日常对接人。",
        ),
        [
            ("wang", "王建国", "生产总监", "wang.jianguo@hdpm.example.cn", ContactRole.DECISION_MAKER, True),
            ("li", "李娜", "IT 协调员", "li.na@hdpm.example.cn", ContactRole.COORDINATOR, False),
            ("chen", "陈磊", "二车间主任", "chen.lei@hdpm.example.cn", ContactRole.END_USER, False),
        ],
    ),
    "nordwerk": (
        ClientDraft(
            name="Nordwerk Maschinenbau GmbH",
            country="DE",
            address="Industriestraße 12, 28237 Bremen, Germany",
            industry="machine building",
            notes="Vision inspection on line 3. Prefers written summaries in English.",
        ),
        [
            (
                "vogel",
                "Katrin Vogel",
                "Head of Operations",
                "k.vogel@nordwerk.example.de",
                ContactRole.DECISION_MAKER,
                True,
            ),
            (
                "brandt",
                "Jonas Brandt",
                "Automation coordinator",
                "j.brandt@nordwerk.example.de",
                ContactRole.COORDINATOR,
                False,
            ),
        ],
    ),
    "pacific": (
        ClientDraft(
            name="Pacific Foods Ltd.",
            country="US",
            address="4100 Harbor Blvd, Oakland, CA 94607, USA",
            industry="food processing",
            notes="Cold-chain warehouse; corporate IT freeze windows apply.",
        ),
        [
            (
                "mitchell",
                "Sarah Mitchell",
                "VP Operations",
                "s.mitchell@pacificfoods.example.com",
                ContactRole.DECISION_MAKER,
                True,
            ),
            (
                "reyes",
                "Tom Reyes",
                "Plant IT coordinator",
                "t.reyes@pacificfoods.example.com",
                ContactRole.COORDINATOR,
                False,
            ),
        ],
    ),
    "ruifeng": (
        ClientDraft(
            name="深圳瑞丰电子科技有限公司",
            country="CN",
            address="广东省深圳市宝安区福海街道 66 号",
            industry="电子制造 / electronics (SMT)",
        ),
        [
            ("liu", "刘洋", "总经理", "liu.yang@ruifeng.example.cn", ContactRole.DECISION_MAKER, True),
            ("zhou", "周敏", "项目协调", "zhou.min@ruifeng.example.cn", ContactRole.COORDINATOR, False),
        ],
    ),
    "jiangnan": (
        ClientDraft(
            name="江南医药物流有限公司",
            country="CN",
            address="浙江省杭州市余杭区仓前街道 9 号",
            industry="医药物流 / pharmaceutical logistics",
        ),
        [
            ("zhao", "赵强", "运营副总", "zhao.qiang@jnpl.example.cn", ContactRole.DECISION_MAKER, True),
            ("sun", "孙丽", "仓库主管", "sun.li@jnpl.example.cn", ContactRole.END_USER, False),
        ],
    ),
}


def _clients(demo: Demo) -> dict[str, DemoClient]:
    made: dict[str, DemoClient] = {}
    for key, (draft, contacts) in CLIENTS.items():
        client = create_client_in(demo.ctx, demo.session, draft)
        ids = {}
        for short, name, title, email, role, can_sign in contacts:
            contact = ContactDraft(
                client_id=client.id,
                name=name,
                title=title,
                email=email,
                phone="+86 512 6666 0000" if email.endswith(".cn") else "",
                role=role,
                can_sign=can_sign,
            )
            ids[short] = create_contact_in(demo.ctx, demo.session, contact).id
        made[key] = DemoClient(id=client.id, contacts=ids)
    return made
