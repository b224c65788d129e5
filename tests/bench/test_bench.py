"""The benchmark's inputs (never its timings): the question mix and the synthetic corpus."""

from __future__ import annotations

from bot.bench.mix import question_mix
from bot.bench.run import _target
from bot.facts.building.build import build
from tests.conftest import load


def test_question_mix_is_large_and_varied():
    mix = question_mix()
    assert len(mix) >= 200
    commands = {m.split()[0] for m in mix}
    assert {"!cast", "!lore", "!ask", "!status"} <= commands
    assert "!cast 남온조" in mix and "!cast Park Ji-hoo" in mix
    assert any(m.startswith("!cast Nm ") or m.startswith("!cast Le e") for m in mix)  # typos


def test_synthetic_corpus_builds_with_new_cast(tmp_path):
    from bot.bench.synth import write_corpus

    paths = write_corpus(tmp_path, 3)
    summary = build(paths)
    assert summary.sources == 8 and summary.discovered > 0
    store = load(paths)
    assert any(p.actor_id.startswith("actor:") for p in store.pairs)


def test_target_records():
    assert _target("x", 0.5, 1.0, "ms") == {"name": "x", "value": 0.5, "limit": 1.0,
                                            "unit": "ms", "met": True}
    assert _target("x", None, 1.0, "ms")["met"] is None


def test_the_faulty_slot_has_a_tenth_faulty_channels_of_every_kind():
    from collections import Counter

    from bot.bench.posting import FAULTS, fault_of

    kinds = Counter(fault_of(i) for i in range(10_000))
    assert kinds[None] == 9_000 and all(kinds[f] == 250 for f in FAULTS)


def test_build_figures_tell_the_reading_processes_apart(tmp_path):
    from bot.bench.measure import build_figures
    from bot.bench.synth import write_corpus

    fig = build_figures(write_corpus(tmp_path, 2))
    assert fig["sentences"] > 0 and fig["peak_rss_mb"] > 0
    assert fig["worker_peak_rss_mb"] == 0  # a handful of articles is read in-process
