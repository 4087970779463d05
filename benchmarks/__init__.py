"""Benchmarks of the briefs analysis against simple baselines, run by `python -m benchmarks.run`.

Each module measures one brief section (or speed) on the shared evaluation data and returns a
`Section` of tables; `run.py` prints them and writes `benchmarks/RESULTS.md`.
"""
