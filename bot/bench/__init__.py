"""Benchmark tooling: `python -m bot bench` (run) and the synthetic corpus it scales with (synth)."""
