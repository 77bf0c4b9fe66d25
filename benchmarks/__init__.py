"""Scripts that measure and print figures; never part of the test run's pass/fail (see README.md)."""
