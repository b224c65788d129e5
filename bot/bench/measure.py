"""What the benchmark measures: answer latency, cold start, build, memory, scheduler, scale."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.bench.mix import COMMANDS
from bot.paths import ROOT, DataPaths


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


def _wall(cmd: list[str]) -> float:
    """Seconds one run of a command takes, start to exit."""
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - t


def _warm_bytecode() -> None:
    """Compile the project's modules as a first run would write them: where bytecode is not
    written (PYTHONDONTWRITEBYTECODE), every module changed since install would otherwise be
    compiled again in each measured run."""
    import compileall

    code = Path(__file__).resolve().parents[2]
    for package in ("bot", "cogs"):
        compileall.compile_dir(code / package, quiet=1)


def cold_start(runs: int) -> dict:
    """`python -m bot ask "!cast onjo"` as a process, beside a bare import of its libraries.
    The two are run in turn, so both see the same machine load."""
    py = sys.executable
    ask_cmd = [py, "-m", "bot", "ask", "!cast onjo"]
    _warm_bytecode()
    subprocess.run(ask_cmd, cwd=ROOT, capture_output=True, check=True)  # the store is built
    asks, bares = [], []
    for _ in range(runs):
        asks.append(_wall(ask_cmd))
        bares.append(_wall([py, "-c", "import rapidfuzz, aiosqlite"]))
    ask, bare = statistics.median(asks), statistics.median(bares)
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
from bot.facts.building.build import build
from bot.paths import DataPaths
t = time.perf_counter()
s = build(DataPaths.with_sources(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
print(json.dumps({"build_s": time.perf_counter() - t, "sentences": s.sentences,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                  / 1024}))
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
        # the largest of the processes that read articles beside it (0: none was started)
        "worker_peak_rss_mb": round(fig["worker_peak_rss_mb"], 1),
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
    from bot.answers.engine import Engine
    from bot.answers.evidence.status.digest import fingerprint
    from bot.facts.store import load_store
    from bot.posting.sending.scheduler import SEND_RATE, StatusPoster, plan_posts
    from bot.posting.settings.options import SubscribeOptions, new_subscription
    from bot.posting.settings.subscriptions import SettingsDB

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
