"""Benchmark tooling: `python -m bot bench` (run.py: targets and report; measure.py; mix.py)
and its synthetic corpus (synth.py)."""
