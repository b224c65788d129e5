"""`python -m bot bench`: answer latency, cold start, build, scheduler and scale figures.

Measured the same way every run and printed beside the targets; `--json` writes every figure
and a `targets` list. Nothing here is a test: tests never time anything.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.paths import DATA, ROOT, DataPaths
from bot.progress import Progress

COMMANDS = ("cast", "status", "lore", "ask")


# --- the question mix ------------------------------------------------------------------------


def _typo(word: str, i: int) -> str:
    """A deterministic typo: swap two neighbouring letters, or drop one."""
    if len(word) < 4:
        return word
    j = 1 + i % (len(word) - 2)
    if i % 2:
        return word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return word[:j] + word[j + 1 :]


def question_mix() -> list[str]:
    """At least 200 messages as fans type them: variants, typos, Hangul, free questions."""
    entities = tomllib.loads((DATA / "entities.toml").read_text(encoding="utf-8"))["entity"]
    lexicon = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))
    mix: list[str] = []
    for i, e in enumerate(entities):
        name = e["name"]
        given = name.split(" ", 1)[-1]
        mix += [
            f"!cast {name}",
            f"!cast {given.lower().replace('-', '')}",
            f"!cast {_typo(name, i)}",
        ]
        mix += [f"!cast {a}" for a in e.get("aliases", [])[:2]]
        if e.get("hangul"):
            mix.append(f"!cast {e['hangul']}")
    mix += [
        "!cast director",
        "!cast writer",
        "!cast webtoon author",
        "!cast",
        "!cast xyzzy",
        "!cast Park",
        "!cast Lee",
    ]
    for i, (tid, topic) in enumerate(lexicon["lore"].items()):
        for name in topic.get("names", [])[:3]:
            mix += [f"!lore {name}", f"!lore {_typo(name, i)}"]
        mix.append(f"!lore {tid}")
    mix += ["!lore", "!lore pizza", "!lore jonas", "!lore hambie"]
    mix += [
        f"!ask {q}"
        for q in (
            "when will season 2 come out",
            "when is season 2 coming out",
            "who directed it",
            "how many episodes",
            "is there a trailer",
            "has it been renewed",
            "has filming started",
            "who plays nam-ra",
            "is cheong san coming back",
            "what is the 24khz sound",
            "who created the virus",
            "what happened to cheong-san",
            "who wrote the webtoon",
            "is there a cure",
            "who is patient zero",
            "what is a hamby",
            "will onjo return",
            "what is the capital of france",
            "release date??",
            "is lomon in season 2",
            "who is the new cast member",
            "when did netflix renew it",
            "how long is season 1",
            "what are immortal zombies",
            "is season 2 filming",
            "whats hyosan high school",
            "is there a teaser",
            "who is roh yoon-seo playing",
            "when does filming start",
            "is the show cancelled",
        )
    ]
    mix += ["!status"] * 12
    return mix


# --- measurements ------------------------------------------------------------------------------


def _percentiles(samples_ns: list[int]) -> dict:
    s = sorted(samples_ns)
    if not s:
        return {"n": 0, "p50_us": None, "p99_us": None, "max_us": None}

    def pick(q: float) -> float:
        return s[min(len(s) - 1, int(q * len(s)))] / 1000

    return {
        "n": len(s),
        "p50_us": round(pick(0.50), 1),
        "p99_us": round(pick(0.99), 1),
        "max_us": round(s[-1] / 1000, 1),
    }


def answer_latency(paths: DataPaths, mix: list[str], rounds: int) -> dict:
    """Per command, in-process, after a warm-up pass; and the naive peer on the same mix."""
    from bot.answers.engine import Engine
    from bot.facts.store import load_store

    engine = Engine(asyncio.run(load_store(paths)))
    for msg in mix:  # warm-up
        engine.answer(msg)
    per: dict[str, list[int]] = {c: [] for c in COMMANDS}
    for _ in range(rounds):
        for msg in mix:
            t = time.perf_counter_ns()
            answer = engine.answer(msg)
            per.setdefault(answer.command or "other", []).append(time.perf_counter_ns() - t)
    sentences = [s.display for s in engine.store.sentences.values()]
    naive: list[int] = []
    for msg in mix:
        t = time.perf_counter_ns()
        process.extractOne(msg.split(" ", 1)[-1], sentences, scorer=fuzz.WRatio)
        naive.append(time.perf_counter_ns() - t)
    out = {c: _percentiles(v) for c, v in per.items() if v}
    every = [x for v in per.values() for x in v]
    out["all"] = _percentiles(every)
    out["naive_extractOne"] = _percentiles(naive)
    if out["all"]["p50_us"]:
        out["naive_over_engine_p50"] = round(
            out["naive_extractOne"]["p50_us"] / out["all"]["p50_us"], 1
        )
    out["sentences"] = len(sentences)
    return out


def _wall(cmd: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold_start(runs: int) -> dict:
    """`python -m bot ask "!cast onjo"` as a process, beside a bare import of its libraries."""
    py = sys.executable
    subprocess.run(
        [py, "-m", "bot", "ask", "!cast onjo"], cwd=ROOT, capture_output=True, check=True
    )  # the store is built, caches warm
    ask = _wall([py, "-m", "bot", "ask", "!cast onjo"], runs)
    bare = _wall([py, "-c", "import rapidfuzz, aiosqlite"], runs)
    probe = subprocess.run(
        [
            py,
            "-c",
            "import sys; from bot.cli import main; main(['ask', '!cast onjo']); "
            "print('discord' in sys.modules, file=sys.stderr)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "ask_s": round(ask, 3),
        "bare_import_s": round(bare, 3),
        "ratio": round(ask / bare, 2),
        "runs": runs,
        "imports_discord": probe.stderr.strip().endswith("True"),
    }


_BUILD_PROBE = """
import json, resource, sys, time
from pathlib import Path
from bot.facts.build import build
from bot.paths import DataPaths
t = time.perf_counter()
s = build(DataPaths.with_sources(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
print(json.dumps({"build_s": time.perf_counter() - t, "sentences": s.sentences,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _probe(script: str, paths: DataPaths) -> str:
    """Run a measuring script in a fresh process over a corpus; its standard output."""
    args = [str(paths.sources_dir), str(paths.manifest), str(paths.store)]
    return subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def build_figures(paths: DataPaths) -> dict:
    """Time and peak memory of a build in its own process, and the store's size."""
    t = time.perf_counter()
    fig = json.loads(_probe(_BUILD_PROBE, paths))
    wall = time.perf_counter() - t
    return {
        "build_s": round(fig["build_s"], 3),
        "process_s": round(wall, 3),
        "peak_rss_mb": round(fig["peak_rss_mb"], 1),
        "sentences": fig["sentences"],
        "store_mb": round(paths.store.stat().st_size / 1e6, 2),
    }


_RSS_PROBE = """
import asyncio, sys
from pathlib import Path
import discord  # the bot process has discord.py loaded
import bot.client
from bot.answers.engine import Engine
from bot.paths import DataPaths
from bot.facts.store import load_store
e = Engine(asyncio.run(load_store(DataPaths.with_sources(Path(sys.argv[1]), Path(sys.argv[2]),
                                                          Path(sys.argv[3])))))
e.answer("!status")
rss = [l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]
print(int(rss) / 1024)
"""


def resident_mb(paths: DataPaths) -> float:
    """Resident memory of a bot process with the store loaded (no Discord connection)."""
    return round(float(_probe(_RSS_PROBE, paths).strip()), 1)


def scheduler_figures(paths: DataPaths, subscriptions: int) -> dict:
    """Plan and run one slot with N subscriptions due in the same minute (fake sender)."""
    from bot.answers.digest import fingerprint
    from bot.answers.engine import Engine
    from bot.facts.store import load_store
    from bot.posting.scheduler import SEND_RATE, StatusPoster, plan_posts
    from bot.posting.subscriptions import SettingsDB, SubscribeOptions, new_subscription

    engine = Engine(asyncio.run(load_store(paths)))

    async def run(tmp: str) -> dict:
        db = await SettingsDB.open(Path(tmp) / "settings.sqlite")  # a real file, as in `run`
        created = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
        opts = SubscribeOptions("09:00", "daily", False)
        for i in range(subscriptions):
            await db.subscribe(new_subscription(i % 500, 10_000 + i, 1, opts, created))
        slot = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
        digests: dict = {}

        async def send(sub, spoilers, note, slot):  # the DB work is what is measured
            if (spoilers, note) not in digests:  # what cogs.status does: one digest per slot
                digests[(spoilers, note)] = engine.status()

        async def notify(sub, reason):
            pass

        async def no_sleep(seconds):
            pass

        subs = await db.subscriptions()
        t = time.perf_counter()
        planned = plan_posts(subs, slot, fingerprint(engine.store))
        plan_s = time.perf_counter() - t
        poster = StatusPoster(db, lambda: fingerprint(engine.store), send, notify, no_sleep)
        t = time.perf_counter()
        report = await poster.run_once(slot)
        run_s = time.perf_counter() - t
        await db.close()
        return {
            "db_work_s": round(run_s, 3),  # plan + one batched claim + a confirm per post
            "subscriptions": subscriptions,
            "planned": len(planned),
            "plan_ms": round(plan_s * 1000, 1),
            "run_once_s": round(run_s, 3),
            "posted": report.posted,
            "digests_computed": len(digests),
            "send_rate_per_s": SEND_RATE,
            "slot_duration_s": round(subscriptions / SEND_RATE, 1),
        }

    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(run(tmp))


def split_figure(megabytes: float = 1.0) -> float:
    """Seconds to split one one-line article of this size into sentences (was quadratic)."""
    from bot.facts.text import split_sentences

    sentence = "Season 2 is filming in Seoul with Park Ji-hu as Nam On-jo. "
    body = sentence * int(megabytes * 1_000_000 / len(sentence))
    t = time.perf_counter()
    split_sentences(body)
    return round(time.perf_counter() - t, 3)


def scale(n: int, rounds: int, mix: list[str]) -> dict:
    """Build a synthetic corpus of N articles and measure it like the real one."""
    from bot.bench.synth import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), n)
        b = build_figures(paths)
        lat = answer_latency(paths, mix, rounds)
        return {
            "articles": n,
            **b,
            "answer": {c: lat[c] for c in (*COMMANDS, "all") if c in lat},
            "naive_p50_us": lat["naive_extractOne"]["p50_us"],
            "resident_mb": resident_mb(paths),
        }


# --- report ------------------------------------------------------------------------------------


def _target(name: str, value, limit: float, unit: str) -> dict:
    return {
        "name": name,
        "value": value,
        "limit": limit,
        "unit": unit,
        "met": None if value is None else value <= limit,
    }


def run(quick: bool, scale_n: int) -> dict:
    mix = question_mix()
    sizes = [100] if quick else sorted({100, scale_n})
    bar = Progress("bench: section", 6 + len(sizes))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            real = DataPaths(store=Path(tmp) / "facts.sqlite")
            bar.step("build (real sources)")
            build_real = build_figures(real)
            bar.step("answer latency")
            latency = answer_latency(real, mix, rounds=1 if quick else 5)
            bar.step("cold start")
            start = cold_start(runs=3 if quick else 7)
            bar.step("scheduler")
            sched = scheduler_figures(real, 2_000 if quick else 10_000)
            bar.step("resident memory")
            rss = resident_mb(real)
            bar.step("sentence splitting")
            split_s = split_figure()
        scaled = {}
        for n in sizes:
            bar.step(f"synthetic corpus of {n} articles")
            scaled[n] = scale(n, rounds=1, mix=mix)
    finally:
        bar.close()
    big = scaled.get(1000) or scaled.get(max(scaled))
    big_is_1000 = big["articles"] == 1000
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
                20.0,
                "ms",
            )
            for c in COMMANDS
        ),
        _target("ask cold start / bare import", start["ratio"], 1.5, "x"),
        _target("build real sources", build_real["build_s"], 1.0, "s"),
        _target("build 1000 articles", big["build_s"] if big_is_1000 else None, 60.0, "s"),
        _target(
            "build 1000 articles peak memory",
            big["peak_rss_mb"] if big_is_1000 else None,
            500.0,
            "MB",
        ),
        _target("bot resident memory, store loaded", rss, 150.0, "MB"),
        _target("scheduled send rate", sched["send_rate_per_s"], 50.0, "req/s"),
        _target(f"scheduler DB work, {sched['subscriptions']} due", sched["db_work_s"], 2.0, "s"),
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
        "split_1mb_s": split_s,
        "scale": {str(k): v for k, v in scaled.items()},
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
    for c in (*COMMANDS, "all", "naive_extractOne"):
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
    for n, x in r["scale"].items():
        a = x["answer"].get("all", {})
        lines.append(
            f"scale N={n}: build {x['build_s']} s (peak {x['peak_rss_mb']} MB), store "
            f"{x['store_mb']} MB, {x['sentences']} sentences, answers p50 "
            f"{a.get('p50_us')} µs p99 {a.get('p99_us')} µs, naive p50 "
            f"{x['naive_p50_us']} µs, resident {x['resident_mb']} MB"
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
