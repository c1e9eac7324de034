"""Benchmarks of danvan on generated data: `python -m bench --db sqlite|postgres --scale demo|province|national`.

Scenarios live in `bench/scenarios/<topic>.py` and register themselves with `@scenario(...)`; every
module of that package is imported, so adding a topic is adding a file (see bench/README.md).
"""
