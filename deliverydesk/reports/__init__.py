"""Client documents as PDFs: plain data in (``reports.documents.data``), bytes out (``reports.render``).

    from deliverydesk.reports.render import render
    pdf_bytes = render(ExpectationLetterData(...))  # or ChangeDecisionData, ProgressSummaryData,
                                                   # HandoverReportData

Each document module (``expectation_letter``, ``change_decision``, ``progress_summary``,
``handover_report``) has ``build_story(data) -> list[Flowable]`` and its ``TITLE``. Every fixed
phrase is English in the code, written ``t("...")`` with the kit's ``Translator`` and translated by the
gettext catalogue (``deliverydesk.i18n``); the documents' words for enum values are in ``labels``, fonts
in ``fonts``, the look in ``styles``.
Nothing here imports Qt or the database, and nothing reads the clock: the same data always gives
the same bytes. This package imports nothing heavy on its own; reportlab loads on first use.
"""

from deliverydesk.reports import deferred_pattern

deferred_pattern.install()  # before any module here imports Platypus: see there
