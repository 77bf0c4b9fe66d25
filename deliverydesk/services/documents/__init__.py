"""The client documents (expectation letter, change decision, progress summary, handover report):
the registry of document kinds and their data gathered from the database (``build``, ``parts``),
issuing, superseding and verifying letters (``letters``), signing them (``signing``: signature events;
what signing an expectation letter confirms, ``confirmations``), what stands in the way of issuing a
handover report (``handover_gate``), writing them to files (``export``), keeping the exact PDF of
letters issued before copies were kept (``copies``) and when the next progress summary is due
(``cadence``)."""
