"""Benchmark tooling: `python -m bot bench` (run.py) and its synthetic corpus (synth.py)."""
