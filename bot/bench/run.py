"""`python -m bot bench`: answer latency, cold start, build, scheduler and scale figures.

Measured the same way every run and printed beside the targets; `--json` writes every figure
and a `targets` list. Nothing here is a test: tests never time anything.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
from pathlib import Path

from bot.bench.arguments import argument_mix, render_latency
from bot.bench.incremental import incremental_figures
from bot.bench.measure import (
    answer_latency,
    build_figures,
    cold_start,
    resident_mb,
    scale,
    scheduler_figures,
    split_figure,
)
from bot.bench.mix import COMMANDS, question_mix
from bot.bench.ops import subscription_figures
from bot.bench.posting import posting_figures
from bot.paths import DataPaths
from bot.progress import Progress


def _target(name: str, value, limit: float, unit: str) -> dict:
    return {
        "name": name,
        "value": value,
        "limit": limit,
        "unit": unit,
        "met": None if value is None else value <= limit,
    }


def run(quick: bool, scale_n: int) -> dict:
    mix = question_mix() + argument_mix()
    sizes = [100] if quick else sorted({100, scale_n})
    bar = Progress("bench: section", 8 + len(sizes))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # the shipped articles alone: an owner's own library would change every figure
            real = DataPaths(store=Path(tmp) / "facts.sqlite", library=None)
            bar.step("build (real sources)")
            build_real = build_figures(real)
            bar.step("answer latency")
            latency = answer_latency(real, mix, rounds=1 if quick else 5)
            latency["fit_to_limits"] = render_latency(real, mix)
            bar.step("cold start")
            start = cold_start(runs=3 if quick else 7)
            bar.step("scheduler")
            sched = scheduler_figures(real, 2_000 if quick else 10_000)
            bar.step("a slot with faulty channels")
            slot = posting_figures(2_000 if quick else 10_000)
            bar.step("subscriptions: size, memory, backup")
            subs = subscription_figures(2_000 if quick else 10_000)
            bar.step("resident memory")
            rss = resident_mb(real)
            bar.step("sentence splitting")
            split_s = split_figure()
        scaled = {}
        for n in sizes:
            bar.step(f"synthetic corpus of {n} articles")
            scaled[n] = scale(n, rounds=1, mix=mix)
        bar.step("incremental build")
        cached = incremental_figures(20 if quick else max(sizes))  # quick stays quick
    finally:
        bar.close()
    big = scaled.get(1000) or scaled.get(max(scaled))
    big_is_1000 = big["articles"] == 1000
    # `!ask` and `!status` are held to 10 ms at 1,000 articles; the others keep 20 ms
    scale_limit = {"ask": 10.0, "status": 10.0}
    targets = [
        *(
            _target(f"answer p99 {c} (real store)", latency[c]["p99_us"] / 1000, 1.0, "ms")
            for c in COMMANDS
            if c in latency
        ),
        *(
            _target(
                f"answer p99 {c} (1000 articles)",
                big["answer"][c]["p99_us"] / 1000 if big_is_1000 and c in big["answer"] else None,
                scale_limit.get(c, 20.0),
                "ms",
            )
            for c in COMMANDS
        ),
        _target("ask cold start / bare import", start["ratio"], 1.5, "x"),
        _target("build real sources", build_real["build_s"], 1.0, "s"),
        _target("build 1000 articles", big["build_s"] if big_is_1000 else None, 10.0, "s"),
        _target(
            "build 1000 articles peak memory",
            big["peak_rss_mb"] if big_is_1000 else None,
            500.0,
            "MB",
        ),
        *(
            _target(f"{what} ({cached['articles']} articles)", cached[key], limit, "s")
            for what, key, limit in (
                ("cold build, empty cache", "cold_build_s", 10.0),
                ("full rebuild, warm cache", "full_rebuild_s", 10.0),
                ("add one article", "add_one_s", 2.0),
            )
        ),
        _target("bot resident memory, store loaded", rss, 150.0, "MB"),
        _target("scheduled send rate", sched["send_rate_per_s"], 50.0, "req/s"),
        _target(f"scheduler DB work, {sched['subscriptions']} due", sched["db_work_s"], 2.0, "s"),
        _target(
            f"slot of {slot['subscriptions']} due, 10 % faulty, end to end",
            slot["end_to_end_s"],
            slot["subscriptions"] / 50 + 20,  # 220 s for 10,000: pacing at 50 req/s + 20 s
            "s",
        ),
        _target("split 1 MB one-line article", split_s, 5.0, "s"),
    ]
    return {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "quick": quick,
        "questions": len(mix),
        "latency": latency,
        "cold_start": start,
        "build": build_real,
        "resident_mb": rss,
        "scheduler": sched,
        "slot": slot,
        "subscriptions": subs,
        "split_1mb_s": split_s,
        "scale": {str(k): v for k, v in scaled.items()},
        "incremental": cached,
        "targets": targets,
    }


def render(r: dict) -> str:
    lines = [
        f"hyosan-bot benchmark ({'quick' if r['quick'] else 'full'}) — "
        f"Python {r['machine']['python']}, {r['machine']['cpus']} CPUs, "
        f"{r['questions']} questions",
        "",
        f"{'answer latency (real store)':<32}{'n':>6}{'p50 µs':>10}{'p99 µs':>10}{'max µs':>10}",
    ]
    lat = r["latency"]
    for c in (*COMMANDS, "all", "naive_extractOne", "fit_to_limits"):
        if c in lat:
            x = lat[c]
            lines.append(f"  {c:<30}{x['n']:>6}{x['p50_us']:>10}{x['p99_us']:>10}{x['max_us']:>10}")
    lines.append(
        f"  naive / engine at p50: {lat.get('naive_over_engine_p50')}x "
        f"over {lat['sentences']} sentences"
    )
    cs = r["cold_start"]
    lines += [
        "",
        f"cold start: ask {cs['ask_s']} s vs bare import {cs['bare_import_s']} s "
        f"(x{cs['ratio']}, median of {cs['runs']}); ask imports discord: "
        f"{cs['imports_discord']}",
    ]
    b = r["build"]
    lines.append(
        f"build (real): {b['build_s']} s in-process, {b['process_s']} s as a process, "
        f"peak {b['peak_rss_mb']} MB, store {b['store_mb']} MB"
    )
    lines.append(f"bot process with the store loaded: {r['resident_mb']} MB resident")
    s = r["scheduler"]
    lines.append(
        f"scheduler: {s['subscriptions']} due in one minute: plan {s['plan_ms']} ms, "
        f"run_once {s['run_once_s']} s, {s['digests_computed']} digest(s) computed, "
        f"{s['send_rate_per_s']} sends/s -> slot spread over {s['slot_duration_s']} s"
    )
    p = r["slot"]
    lines.append(
        f"slot: {p['subscriptions']} due, {p['faulty_share']:.0%} faulty channels, "
        f"{p['rate_per_s']} req/s: all decided in {p['end_to_end_s']} s, clean ones out by "
        f"{p['clean_done_s']} s (pacing alone: {p['pacing_floor_s']} s), {p['requests']} requests"
    )
    o = r["subscriptions"]
    lines.append(
        f"subscriptions ({o['subscriptions']}): per 1,000 {o['file_kb_per_1000']} KB on disk, "
        f"{o['heap_kb_per_1000']} KB of memory when read; backup {o['backup_s']} s; "
        f"{o['posts_per_minute_slot']} posts fit in one minute's slot"
    )
    for n, x in r["scale"].items():
        a = x["answer"].get("all", {})
        lines.append(
            f"scale N={n}: build {x['build_s']} s (peak {x['peak_rss_mb']} MB, "
            f"each reading process {x['worker_peak_rss_mb']} MB), store "
            f"{x['store_mb']} MB, {x['sentences']} sentences, answers p50 "
            f"{a.get('p50_us')} µs p99 {a.get('p99_us')} µs, naive p50 "
            f"{x['naive_p50_us']} µs, resident {x['resident_mb']} MB"
        )
    c = r["incremental"]
    lines.append(
        f"incremental N={c['articles']}: cold build {c['cold_build_s']} s, full rebuild over the "
        f"cache {c['full_rebuild_s']} s, add one article {c['add_one_s']} s"
    )
    lines += ["", f"{'target':<42}{'value':>10}{'limit':>10}  unit   met"]
    for t in r["targets"]:
        v = "—" if t["value"] is None else f"{t['value']:.3g}"
        met = "n/a" if t["met"] is None else ("yes" if t["met"] else "NO")
        lines.append(f"  {t['name']:<40}{v:>10}{t['limit']:>10}  {t['unit']:<6} {met}")
    return "\n".join(lines)


def main(args) -> int:
    result = run(quick=args.quick, scale_n=args.scale)
    print(render(result))
    if args.json_path:
        Path(args.json_path).write_text(
            json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        print(f"\nwrote {args.json_path}")
    return 0
