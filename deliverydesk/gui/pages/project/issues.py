"""Issues & reviews: the issue register (categories recur across clients) and butterfly reviews."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import Language, Severity
from deliverydesk.domain.models import CategoryItem, IssueCategoryItem, IssueItem, ReviewItem
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.gui.dialogs.records.issue import IssueDialog
from deliverydesk.gui.dialogs.records.review import ReviewDialog, add_review_report_action
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_ISSUES
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import LATE_COLOUR, WARN_COLOUR, RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import issues
from deliverydesk.services.records.categories import list_categories
from deliverydesk.services.reviews import butterfly as reviews

REF, TITLE, CATEGORY, SEVERITY, REPORTED, RESOLVED = range(6)
HELD, ABOUT, CLIENT_SHORT, LESSONS = range(4)


class IssueModel(RecordTableModel[IssueItem]):
    sort_fields = {REPORTED: "reported_on", RESOLVED: "resolved_on"}
    systemic: frozenset[str] = frozenset()  # ids of categories met at several clients, fed with the rows
    language = Language.EN  # the UI language: which name of a category to show

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Issue"),
            self.tr("Category"),
            self.tr("Severity"),
            self.tr("Reported"),
            self.tr("Resolved"),
        ]

    def _recurring(self, item: IssueItem) -> bool:
        return item.category_id is not None and item.category_id in self.systemic

    def text(self, item: IssueItem, column: int) -> str:
        category = item.category.label(self.language) if item.category else ""
        if self._recurring(item):
            category = f"⚠ {category}"
        values = (
            item.ref,
            item.title,
            category,
            label(item.severity),
            format_date(item.reported_on),
            format_date(item.resolved_on) or self.tr("open"),
        )
        return values[column]

    def tip(self, item: IssueItem, column: int) -> str | None:
        if column == CATEGORY and self._recurring(item):
            return self.tr("A recurring problem: this category was met at several clients")
        if column == TITLE:
            return f"{item.title}\n\n{item.symptoms}".strip()
        return None

    def colour(self, item: IssueItem, column: int) -> QColor | None:
        if column == CATEGORY and self._recurring(item):
            return WARN_COLOUR
        if column == SEVERITY and item.severity in (Severity.HIGH, Severity.CRITICAL):
            return LATE_COLOUR
        return None


class ReviewModel(RecordTableModel[ReviewItem]):
    sort_fields = {HELD: "held_on"}
    issue_refs: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Held on"), self.tr("About"), self.tr("Client side, short term"), self.tr("Lessons")]

    def text(self, item: ReviewItem, column: int) -> str:
        about = (
            self.issue_refs.get(item.issue_id or "", "") if item.issue_id else self.tr("The whole project")
        )
        values = (format_date(item.held_on), about, item.client_short, item.lessons)
        return values[column]


@dataclass(frozen=True)
class IssueData:
    issues: tuple[IssueItem, ...]
    reviews: tuple[ReviewItem, ...]
    categories: tuple[IssueCategoryItem, ...]  # in use, with how many clients met each
    taxonomy: tuple[CategoryItem, ...] = ()  # every live category, to pick from


class IssuesPage(RecordsPage):
    area = AREA_ISSUES
    icon_name = "warning"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.issues = self.add_panel(IssueModel(self), self._issues_spec(), self.edit_issue)
        self.reviews = self.add_panel(ReviewModel(self), self._reviews_spec(), self.edit_review)
        self.act_review_report = add_review_report_action(self, self.reviews)
        self.lay_out(self.issues, self.reviews)

    def _issues_spec(self) -> PanelSpec:
        return PanelSpec(
            key="issues",
            title=self.tr("Issues"),
            empty_text=self.tr(
                "No issues recorded. Give each problem a category: the same category at "
                "several clients shows a recurring problem."
            ),
            describe=lambda item: f"{item.ref} {item.title}",
            archive=issues.archive_issue,
            restore=issues.restore_issue,
            widths=(48, 240, 130, 80, 88),
            stretch_column=TITLE,
            optional=(RESOLVED, REPORTED, SEVERITY),
        )

    def _reviews_spec(self) -> PanelSpec:
        return PanelSpec(
            key="reviews",
            title=self.tr("Butterfly reviews"),
            empty_text=self.tr(
                "No reviews yet. After the project or a major incident, look at both sides "
                "over the short, mid and long term."
            ),
            describe=lambda item: self.tr("the review of %1").replace("%1", format_date(item.held_on)),
            archive=reviews.archive_review,
            restore=reviews.restore_review,
            widths=(88, 120, 260),
            stretch_column=LESSONS,
            optional=(CLIENT_SHORT,),
        )

    def title(self) -> str:
        return self.tr("Issues && reviews")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> IssueData:
        return IssueData(
            issues=issues.list_issues(ctx, project_id, include_archived=True).rows,
            reviews=reviews.list_reviews(ctx, project_id, include_archived=True).rows,
            categories=tuple(issues.list_issue_categories(ctx)),
            taxonomy=tuple(list_categories(ctx)),
        )

    def show_data(self, data: IssueData) -> None:
        self.issues.model.systemic = frozenset(c.category_id for c in data.categories if c.systemic)  # type: ignore[attr-defined]
        self.issues.model.language = self.env.language  # type: ignore[attr-defined]
        self.reviews.model.issue_refs = {i.id: f"{i.ref} {i.title}" for i in data.issues}  # type: ignore[attr-defined]
        self.issues.set_records(data.issues)
        self.reviews.set_records(data.reviews)

    def edit_issue(self, item: IssueItem | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.ISSUE, [r.ref for r in self.issues.records])
        categories = self.data.taxonomy if self.data else ()
        self.open_dialog(IssueDialog(self.env, self.project_id, item, ref, categories, self))

    def edit_review(self, item: ReviewItem | None) -> None:
        assert self.project_id is not None
        self.open_dialog(ReviewDialog(self.env, self.project_id, item, self.issues.records, self))
