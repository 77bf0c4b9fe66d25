"""The four client documents (expectation letter, change decision, progress summary, handover report):
their data classes (``data``) and one module per document with ``build_story(data)`` and ``TITLE_KEY``;
``timeline`` draws the summary's milestone chart."""
