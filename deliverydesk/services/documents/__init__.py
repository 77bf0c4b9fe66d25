"""The client documents (expectation letter, change decision, progress summary, handover report):
their data gathered from the database (``build``, ``parts``), issuing, superseding and verifying
letters (``letters``), signing them (``signing``), writing them to files (``export``), keeping the
exact PDF of letters issued before copies were kept (``copies``) and when the next progress summary
is due (``cadence``)."""
