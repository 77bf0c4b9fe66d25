"""The four client documents (expectation letter, change decision, progress summary, handover report):
their data classes (``data``, each naming the module that prints it in ``REPORT``) and one module per
document with ``build_story(data)`` and ``TITLE``; ``timeline`` draws the summary's milestone chart.
The services' registry of document kinds (``services.documents.build.DOCUMENT_KINDS``) ties each kind
to its data class and to the function that gathers it from the database."""
