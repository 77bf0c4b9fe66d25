"""Qt item models fed rows by their page (``fed``): the project navigator's and Home's. They never
query; the page asks a service on the task runner and hands the model what comes back."""
