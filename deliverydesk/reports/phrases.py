"""Every fixed phrase the documents print, in English and Simplified Chinese (Qt-free).

Each entry holds both languages side by side so a missing translation is visible in review; the
Chinese follows the project glossary (design.md §7). Labels for enum values live under
``"<enum class name>.<value>"`` so ``Phrases.label(member)`` finds them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Final

from deliverydesk.domain.enums import Language

# key -> (English, 简体中文)
CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    # page furniture and shared labels
    "doc.page": ("Page {page} / {total}", "第 {page} / {total} 页"),
    "doc.version": ("Version {version}", "第 {version} 版"),
    "doc.version_label": ("Version", "版本"),
    "doc.fingerprint": ("Fingerprint {short}", "指纹 {short}"),
    "doc.draft": ("Draft, not issued", "草稿（未签发）"),
    "doc.reference": ("Reference", "编号"),
    "doc.date": ("Date", "日期"),
    "doc.contract": ("Contract", "合同编号"),
    "doc.to": ("To", "致"),
    "doc.name_title": ("{name}, {title}", "{name}（{title}）"),
    "doc.list_separator": (", ", "、"),
    "doc.as_of": ("As of {date}", "截至 {date}"),
    "doc.qr_caption": ("Scan to verify", "扫码校验"),
    "doc.none": ("None.", "无。"),
    "doc.yes": ("Yes", "是"),
    "doc.no": ("No", "否"),
    "doc.total": ("Total", "合计"),
    "col.ref": ("Ref", "编号"),
    "col.date": ("Date", "日期"),
    "col.owner": ("Owner", "负责人"),
    "col.status": ("Status", "状态"),
    "col.due": ("Due", "预计完成"),
    "unit.hours": ("{hours} h", "{hours} 小时"),
    "unit.working_days": ("{days} working days", "{days} 个工作日"),
    # signature blocks
    "sign.heading": ("Signatures", "签署"),
    "sign.for": ("For {organisation}", "{organisation}"),
    "sign.name": ("Name", "姓名"),
    "sign.title": ("Title", "职务"),
    "sign.date": ("Date", "日期"),
    "sign.place": ("Place", "地点"),
    # expectation confirmation letter
    "letter.title": ("Expectation confirmation letter", "期望确认函"),
    "letter.subject_line": ("Subject: {subject}", "事由：{subject}"),
    "letter.salutation": ("Dear {name},", "尊敬的{name}："),
    "letter.salutation_anonymous": ("Dear Sir or Madam,", "您好："),
    "letter.opening": (
        "Thank you for the time you and your team have given us. So that we share the same picture"
        " of this engagement, this letter sets out in writing what you will see when the work is"
        " done, how we will both know it has been achieved, and what the engagement does not"
        " include. Please review it and, if it reflects our agreement, sign below.",
        "感谢贵方及团队在前期沟通中投入的时间。为确保双方对本项目的理解一致，特以书面形式列明：项目完成后"
        "贵方将看到的结果、双方如何确认结果已经达成，以及本项目不包含的事项。请审阅，如与双方约定一致，"
        "请在下方签字确认。",
    ),
    "letter.expectations": ("Agreed expectations", "已约定的期望"),
    "letter.col_statement": ("What you will see", "贵方将看到的结果"),
    "letter.col_measure": ("How we will know", "衡量方式"),
    "letter.exclusions": ("What this engagement does not include", "不包含事项"),
    "letter.exclusions_intro": (
        "The following are outside the scope of this engagement. Any of them can be requested as"
        " a change, as described below.",
        "以下内容不在本项目范围内。如有需要，可按下述变更流程提出。",
    ),
    "letter.dependencies": ("Client dependencies and assumptions", "客户方依赖事项与前提假设"),
    "letter.dependencies_intro": ("We rely on you for:", "需要贵方提供或配合："),
    "letter.assumptions_intro": ("This letter assumes that:", "本函基于以下前提："),
    "letter.change_procedure": ("How further requests are handled", "后续需求的处理方式"),
    "letter.procedure_record": (
        "Every new request is recorded as a change request with a reference, who asked and when.",
        "每一项新的需求都将登记为变更请求，记录编号、提出人及提出时间。",
    ),
    "letter.procedure_triage": (
        "We classify it: A, it blocks the agreed goal, so we handle it at once and tell you;"
        " B, small and related, recorded now and taken up once the agreed goal is met;"
        " C, large, handled as a separate request or quote.",
        "我方对其分级：A（阻碍目标，立即处理）并及时告知贵方；B（相关小事，延后处理），先行记录，"
        "待约定目标达成后再处理；C（重大事项，另行立项），作为单独的需求或报价处理。",
    ),
    "letter.procedure_analysis": (
        "For each request we set out its benefit to you, the cost and effort it implies for you,"
        " the risks and the alternatives, and give you a written change decision.",
        "对每一项请求，我方将说明其对贵方的收益、贵方需投入的成本与精力、风险及替代方案，"
        "并出具书面的变更决定书。",
    ),
    "letter.procedure_billing": (
        "No work outside the agreed expectations is billed without your written approval.",
        "未经贵方书面确认，约定期望以外的工作不产生任何费用。",
    ),
    "letter.closing": (
        "Please confirm your agreement by signing below. Each party keeps a signed copy.",
        "如贵方同意上述内容，请在下方签字确认。双方各留存一份签署件。",
    ),
    # change decision
    "change.title": ("Change decision", "变更决定书"),
    "change.request": ("The request", "变更请求"),
    "change.request_ref": ("Change request", "变更请求编号"),
    "change.triage_and_scope": ("Triage and scope check", "分级与范围核对"),
    "change.requested_by": ("Requested by", "提出人"),
    "change.requested_on": ("Requested on", "提出日期"),
    "change.channel": ("Received by", "提出方式"),
    "change.triage": ("Triage", "分级"),
    "change.scope_check": ("Scope check", "范围核对"),
    "change.checked_against": ("Checked against", "对照条目"),
    "change.impact": ("Impact", "影响评估"),
    "change.effort": ("Effort", "工作量"),
    "change.cost": ("Cost", "费用"),
    "change.schedule": ("Schedule", "进度影响"),
    "change.no_schedule_change": ("No change to the agreed dates", "不影响约定日期"),
    "change.risk": ("Risk", "风险"),
    "change.analysis": ("Client-perspective analysis", "客户视角分析"),
    "change.benefit": ("Benefit to you", "对贵方的收益"),
    "change.client_cost": ("Cost and effort for you", "贵方需投入的成本与精力"),
    "change.risks": ("Risks", "风险"),
    "change.alternatives": ("Alternatives", "替代方案"),
    "change.recommendation": ("Our recommendation", "我方建议"),
    "change.decision_heading": ("Decision and rationale", "决定及理由"),
    "change.decision_line": ("Decision: {decision}", "决定：{decision}"),
    "change.rationale": ("Rationale", "理由"),
    "change.decided_by": ("Decided by", "决定人"),
    "change.decided_on": ("Decided on", "决定日期"),
    "change.approved_by": ("Approved by (manager)", "上级审批人"),
    "change.goodwill_note": ("Granted as goodwill, not a precedent.", "本次为友情支持，不作为先例。"),
    "change.separate_request_note": (
        "To be handled as a separate request or quote.",
        "将作为单独的需求或报价另行处理。",
    ),
    "change.deferred_note": (
        "Recorded and taken up again once the agreed goal is met; it will be reviewed at handover.",
        "已登记，待约定目标达成后再处理，并将在交接时重新审视。",
    ),
    # progress summary
    "summary.title": ("Progress summary", "进度报告"),
    "summary.period": ("Period", "报告期间"),
    "summary.period_range": ("{start} – {end}", "{start} 至 {end}"),
    "summary.overall_line": ("Overall status: {status}", "总体状态：{status}"),
    "summary.legend_baseline": ("Baseline", "基线日期"),
    "summary.legend_forecast": ("Forecast", "预计日期"),
    "summary.legend_actual": ("Actual", "实际日期"),
    "summary.legend_slip": ("Slip", "延误"),
    "summary.goal": ("Goal", "目标"),
    "summary.steps_done": ("Steps done", "已完成"),
    "summary.difficulties": ("Current difficulties", "当前困难"),
    "summary.waits_on_client": ("Waiting on you", "等待贵方"),
    "summary.next_actions": ("Next actions", "下一步"),
    "summary.col_action": ("Action", "事项"),
    "summary.milestones": ("Milestones", "里程碑"),
    "summary.col_milestone": ("Milestone", "里程碑"),
    "summary.col_baseline": ("Baseline", "基线日期"),
    "summary.col_forecast": ("Forecast", "预计日期"),
    "summary.col_actual": ("Actual", "实际日期"),
    "summary.col_slip": ("Slip (working days)", "延误（工作日）"),
    "summary.chart_more": (
        "The chart shows the first {shown} of {total} milestones.",
        "图中显示前 {shown} 个里程碑（共 {total} 个）。",
    ),
    "summary.pending_decisions": ("Decisions we need from you", "待贵方决定的事项"),
    "summary.col_pending": ("Decision needed", "待决定事项"),
    "summary.col_needed_by": ("Needed by", "需决定日期"),
    "summary.change_tally": ("Change requests by decision", "变更请求（按决定分类）"),
    "summary.col_decision": ("Decision", "决定"),
    "summary.col_count": ("Requests", "数量"),
    "summary.col_effort": ("Effort", "工作量"),
    # handover report
    "handover.title": ("Handover report", "交接报告"),
    "handover.summary": ("Summary", "概述"),
    "handover.scope": ("Scope and acceptance", "范围与验收"),
    "handover.col_deliverable": ("Deliverable", "交付物"),
    "handover.col_note": ("Note", "备注"),
    "handover.documents": ("Documents handed over", "移交文档"),
    "handover.col_document": ("Document", "文档"),
    "handover.col_identifier": ("Identifier", "编号/版本"),
    "handover.col_handed_to": ("Handed to", "接收人"),
    "handover.training": ("Training", "培训记录"),
    "handover.col_topic": ("Topic", "内容"),
    "handover.col_attendees": ("Attendees", "参加人员"),
    "handover.col_material": ("Written material left", "留存书面资料"),
    "handover.risks": ("Risks and operating cautions", "风险与注意事项"),
    "handover.col_level": ("Level", "等级"),
    "handover.col_caution": ("Caution", "事项"),
    "handover.open_items": ("Open items and deferred requests", "未完事项与延后处理的请求"),
    "handover.col_item": ("Item", "事项"),
    "handover.col_recommendation": ("Recommendation", "建议"),
    "handover.deferred_tag": ("(deferred request)", "（延后处理的请求）"),
    "handover.acceptance": ("Acceptance", "验收确认"),
    "handover.acceptance_text": (
        "By signing below, the client confirms that the deliverables marked as accepted have been"
        " received and accepted, and that the documents, training and cautions listed above have"
        " been handed over. Open items and deferred requests remain as listed.",
        "贵方签字即确认：上表中标记为已验收的交付物已收到并验收，上述文档、培训及注意事项均已移交。"
        "未完事项与延后处理的请求按上表所列处理。",
    ),
    # butterfly review report (internal; issue 7)
    "review.title": ("Butterfly review report", "蝴蝶检查法复盘报告"),
    "review.internal": (
        "Internal document, not for the client. Fingerprinted, not issued or signed.",
        "内部文件，不对客户发送。内容已生成指纹，无需签发或签署。",
    ),
    "review.about": ("About", "复盘对象"),
    "review.whole_project": ("The whole project", "整个项目"),
    "review.client": ("Client", "客户"),
    "review.held_on": ("Held on", "复盘日期"),
    "review.participants": ("Participants", "参加人员"),
    "review.issue": ("The issue", "问题"),
    "review.category": ("Category", "类别"),
    "review.severity": ("Severity", "严重程度"),
    "review.reported_on": ("Reported on", "报告日期"),
    "review.resolved_on": ("Resolved on", "解决日期"),
    "review.unresolved": ("Not yet resolved", "尚未解决"),
    "review.root_cause": ("Root cause", "根本原因"),
    "review.resolution": ("Resolution", "解决措施"),
    "review.grid": ("Butterfly review", "蝴蝶检查法复盘"),
    "review.not_answered": ("Not answered.", "未填写。"),
    "review.lessons": ("Lessons", "经验教训"),
    "review.actions": ("Follow-up actions", "后续行动"),
    "review.col_action": ("Action", "行动"),
    "review.col_revisit": ("Revisit on", "复查日期"),
    "review.done_on": ("Done {date}", "已于{date}完成"),
    "review.due": ("Due today", "今日到期"),
    "review.open": ("Open", "未完成"),
    "review.overdue": ("Open, overdue", "未完成（已逾期）"),
    "review.recurrence": ("The same problem at other clients", "其他客户处的同类问题"),
    "review.recurrence_intro": (
        "Similar issues were met at {count} other clients. A problem that recurs across clients is a"
        " fault the company should fix once, not at every site.",
        "另外 {count} 家客户处也出现过类似问题。跨客户重复出现的问题应由公司统一解决，"
        "而不是在每个现场分别处理。",
    ),
    "review.col_client": ("Client", "客户"),
    "review.col_project": ("Project", "项目"),
    "review.col_issue": ("Issue", "问题"),
    "review.col_resolution": ("Resolution there", "当时的解决措施"),
    "Severity.low": ("Low", "低"),
    "Severity.medium": ("Medium", "中"),
    "Severity.high": ("High", "高"),
    "Severity.critical": ("Critical", "严重"),
    # evidence pack (issue 6): the chronological record of a topic, with its own enum labels
    "evidence.title": ("Evidence pack", "证据包"),
    "evidence.topic": ("Topic", "主题"),
    "evidence.topic_change": ("Change request {ref}: {title}", "变更请求 {ref}：{title}"),
    "evidence.topic_expectation": ("Expectation {ref}: {title}", "期望 {ref}：{title}"),
    "evidence.topic_period": ("Log entries from {start} to {end}", "{start} 至 {end} 的沟通记录"),
    "evidence.topic_selection": ("Selected log entries: {label}", "选定的沟通记录：{label}"),
    "evidence.topic_selected": ("Selected log entries", "选定的沟通记录"),
    "evidence.topic_search": ("Log entries found by searching “{text}”", "搜索“{text}”找到的沟通记录"),
    "evidence.project": ("Project", "项目"),
    "evidence.client": ("Client", "客户"),
    "evidence.period": ("Period covered", "涵盖期间"),
    "evidence.period_range": ("{start} – {end}", "{start} 至 {end}"),
    "evidence.generated": ("Generated", "生成时间"),
    "evidence.contents_label": ("Contents", "内容"),
    "evidence.contents": (
        "Log entries: {entries} ({corrections} corrections)  ·  Letters: {letters}  ·"
        "  Commitments: {commitments}  ·  Attachments: {attachments}",
        "沟通记录 {entries} 条（含更正 {corrections} 条）  ·  函件 {letters} 份  ·"
        "  承诺事项 {commitments} 项  ·  附件 {attachments} 个",
    ),
    "evidence.pack_fingerprint": ("Fingerprint of this pack", "本证据包指纹"),
    "evidence.how_to_read": (
        "This pack reproduces the record kept for the topic above, in the order things happened."
        " The log is append-only: a correction is a new entry, and the entry it corrects is shown as"
        " it was first written, so the two can be compared. Each letter is identified by its"
        " fingerprint (the SHA-256 of its content) and the SHA-256 of its PDF; any copy of a letter"
        " can be checked with \u201cdeliverydesk verify\u201d. The appendix lists every attachment with"
        " the SHA-256 of its bytes. All times are {offset}.",
        "本证据包按发生的先后顺序重现上述主题的记录。沟通记录只增不改：更正以新记录的形式添加，"
        "被更正的原记录按最初写下的内容保留，两者可对照查看。每份函件以其指纹（内容的 SHA-256）"
        "及其 PDF 文件的 SHA-256 标识，任何函件副本均可用\u201cdeliverydesk verify\u201d校验。"
        "附录列出每个附件及其内容的 SHA-256。所有时间均为 {offset}。",
    ),
    "evidence.expectation": ("The expectation", "期望"),
    "evidence.record": ("Chronological record", "时间顺序记录"),
    "evidence.no_entries": ("No log entries concern this topic.", "没有与此主题相关的沟通记录。"),
    "evidence.col_number": ("#", "序号"),
    "evidence.col_when": ("When", "时间"),
    "evidence.col_kind": ("Kind", "类型"),
    "evidence.col_record": ("Record", "记录内容"),
    "evidence.corrected_by": (
        "Corrected by #{number}: shown as first written",
        "已被 #{number} 更正（此处为原始记录）",
    ),
    "evidence.corrects": ("Correction of #{number}", "更正 #{number}"),
    "evidence.participants": ("Participants: {names}", "参与人：{names}"),
    "evidence.linked_to": ("Linked to {refs}", "关联：{refs}"),
    "evidence.recorded_at": ("Recorded {when}", "记录于 {when}"),
    "evidence.letters": ("Letters", "相关函件"),
    "evidence.issued": ("Issued", "签发时间"),
    "evidence.signature": ("Signature", "签署"),
    "evidence.not_signed": ("Not signed", "未签署"),
    "evidence.see_entry": ("see entry #{number}", "见记录 #{number}"),
    "evidence.entry_ref": ("entry #{number}", "记录 #{number}"),
    "evidence.fingerprint_label": ("Fingerprint", "指纹"),
    "evidence.pdf_hash": ("PDF SHA-256", "PDF 的 SHA-256"),
    "evidence.signed_pdf_hash": ("Signed PDF SHA-256", "签署版 PDF 的 SHA-256"),
    "evidence.commitments": ("Commitments", "承诺事项"),
    "evidence.col_entry": ("Entry", "记录"),
    "evidence.col_owes": ("Who owes whom", "承诺方 → 对象"),
    "evidence.col_commitment": ("Commitment", "承诺事项"),
    "evidence.col_outcome": ("How it was met", "完成情况"),
    "evidence.owes": ("{side}: {owner} → {to}", "{side}：{owner} → {to}"),
    "evidence.confirmed_in_writing": ("Confirmed in writing: {what}", "已书面确认：{what}"),
    "evidence.awaiting_writing": ("To be confirmed in writing: not yet", "待书面确认：尚未确认"),
    "evidence.open": ("Open", "未完成"),
    "evidence.open_overdue": ("Open, overdue", "未完成（已逾期）"),
    "evidence.met_on": ("Met on {date}", "已于 {date} 完成"),
    "evidence.attachments": ("Appendix: attachments", "附录：附件"),
    "evidence.attachments_intro": (
        "Each file is identified by the SHA-256 of its bytes: a copy with the same SHA-256 is the same file.",
        "每个文件以其内容的 SHA-256 标识：SHA-256 相同即为同一文件。",
    ),
    "evidence.col_file": ("File and type", "文件及类型"),
    "evidence.col_size": ("Size", "大小"),
    "evidence.col_belongs": ("Belongs to", "所属"),
    "evidence.bytes": ("{size} bytes", "{size} 字节"),
    "LogKind.meeting": ("Meeting", "会议"),
    "LogKind.call": ("Phone call", "电话"),
    "LogKind.email": ("E-mail", "电子邮件"),
    "LogKind.site_visit": ("Site visit", "现场"),
    "LogKind.message": ("Message", "即时消息"),
    "LogKind.decision": ("Decision", "决定"),
    "LogKind.commitment": ("Commitment", "承诺事项"),
    "LetterKind.expectation_confirmation": ("Expectation confirmation letter", "期望确认函"),
    "LetterKind.change_decision": ("Change decision", "变更决定书"),
    "LetterKind.progress_summary": ("Progress summary", "进度报告"),
    "LetterKind.handover": ("Handover report", "交接报告"),
    "LetterStatus.draft": ("Draft", "草稿"),
    "LetterStatus.issued": ("Issued, not signed", "已签发（未签署）"),
    "LetterStatus.signed": ("Signed", "已签署"),
    "LetterStatus.superseded": ("Superseded by a newer version", "已作废（被新版本取代）"),
    "SignMethod.on_screen": ("Signed on screen", "屏幕签署"),
    "SignMethod.on_paper": ("Signed on paper", "纸质签署"),
    "SignMethod.by_email": ("Confirmed by e-mail", "邮件确认"),
    "SignMethod.refused": ("Refused to sign", "拒绝签署"),
    "ExpectationStatus.draft": ("Draft", "草稿"),
    "ExpectationStatus.confirmed": ("Confirmed", "已确认"),
    "ExpectationStatus.met": ("Met", "已达成"),
    "ExpectationStatus.missed": ("Missed", "未达成"),
    "ExpectationStatus.withdrawn": ("Withdrawn", "已撤回"),
    # enum labels
    "Triage.untriaged": ("Not yet classified", "尚未分级"),
    "Triage.A": ("A: blocks the agreed goal, handled now", "A（阻碍目标，立即处理）"),
    "Triage.B": ("B: small and related, deferred until the goal is met", "B（相关小事，延后处理）"),
    "Triage.C": ("C: large, a separate request or quote", "C（重大事项，另行立项）"),
    "ScopeCheck.unchecked": ("Not yet checked", "尚未核对"),
    "ScopeCheck.in_scope": ("In scope", "范围内"),
    "ScopeCheck.excluded": ("Listed as an exclusion", "属于不包含事项"),
    "ScopeCheck.out_of_scope": ("Out of scope", "范围外"),
    "Decision.pending": ("Pending", "待定"),
    "Decision.pending_approval": ("Awaiting manager approval", "待上级审批"),
    "Decision.approved_billable": ("Approved, billable", "批准（计费）"),
    "Decision.approved_goodwill": ("Approved as goodwill", "批准（友情支持）"),
    "Decision.deferred": ("Deferred", "延后处理"),
    "Decision.declined": ("Declined", "不予采纳"),
    "Decision.withdrawn": ("Withdrawn", "已撤回"),
    "RiskLevel.low": ("Low", "低"),
    "RiskLevel.medium": ("Medium", "中"),
    "RiskLevel.high": ("High", "高"),
    "Channel.meeting": ("Meeting", "会议"),
    "Channel.call": ("Phone call", "电话"),
    "Channel.email": ("E-mail", "电子邮件"),
    "Channel.message": ("Message", "即时消息"),
    "Channel.site_visit": ("Site visit", "现场"),
    "Channel.other": ("Other", "其他"),
    "ScopeStatus.not_started": ("Not started", "未开始"),
    "ScopeStatus.in_progress": ("In progress", "进行中"),
    "ScopeStatus.delivered": ("Delivered, awaiting acceptance", "已交付（待验收）"),
    "ScopeStatus.accepted": ("Accepted", "已验收"),
    "MilestoneStatus.planned": ("Planned", "计划中"),
    "MilestoneStatus.in_progress": ("In progress", "进行中"),
    "MilestoneStatus.waiting_on_client": ("Waiting on client", "等待客户"),
    "MilestoneStatus.done": ("Done", "已完成"),
    "MilestoneStatus.accepted": ("Accepted", "已验收"),
    "OwnerSide.vendor": ("Us", "我方"),
    "OwnerSide.client": ("Client", "客户方"),
    "OverallStatus.on_track": ("On track", "正常"),
    "OverallStatus.at_risk": ("At risk", "有风险"),
    "OverallStatus.off_track": ("Off track", "严重偏离"),
}

_MONTHS_EN: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CURRENCY_SIGNS_ZH: Final = {"CNY": "¥", "RMB": "¥"}


class Phrases:
    """The catalogue seen in one language: ``t("doc.page", page=1, total=3)``."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._index = 0 if language is Language.EN else 1

    def __call__(self, key: str, **values: object) -> str:
        text = CATALOGUE[key][self._index]
        return text.format(**values) if values else text

    def label(self, member: Enum) -> str:
        return self(f"{type(member).__name__}.{member.value}")

    def date(self, day: date | None) -> str:
        return format_date(day, self.language)

    def hours(self, hours: Decimal) -> str:
        return self("unit.hours", hours=format_number(hours))


def format_date(day: date | None, language: Language) -> str:
    """16 Mar 2026 / 2026年3月16日； an empty date prints as a dash."""
    if day is None:
        return "—"
    if language is Language.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_number(value: Decimal) -> str:
    """Group thousands; keep only the decimals that carry information (12.5, 8, 1,200)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_money(amount: Decimal, currency: str, language: Language) -> str:
    """CNY 12,000.00 in English; ¥12,000.00 in Chinese (other currencies keep their code)."""
    digits = f"{abs(amount):,.2f}"
    sign = "−" if amount < 0 else ""
    symbol = _CURRENCY_SIGNS_ZH.get(currency.upper()) if language is Language.ZH_CN else None
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{currency.upper()} {digits}"
