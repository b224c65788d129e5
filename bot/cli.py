"""Command line (`hyosan-bot` or `python -m bot`): build, add, remove, ask, console, run, bench.

Discord is imported only by `run`."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from bot.errors import BuildError, SettingsError, StoreError
from bot.paths import DataPaths


def _paths(settings) -> DataPaths:
    return DataPaths(store=settings.facts_path)


def _engine(settings):
    from bot.answers.engine import Engine
    from bot.facts.store import read_store

    return Engine(read_store(_paths(settings)), prefix=settings.prefix)


def cmd_build(args, settings) -> int:
    from bot.facts.building.build import build

    print(build(_paths(settings)))
    return 0


def _changed(settings, change, header: str = "") -> int:
    """Rebuild through `change(paths)`, then print its summary and what the store now says."""
    import logging

    from bot.answers.commands.changes import changes_answer, compare
    from bot.answers.replies.render import to_text
    from bot.facts.store import read_store

    paths = _paths(settings)
    # The store before the change is only compared against. If a broken source keeps it
    # from rebuilding, the change itself says so (or fixes it): no second "serving the
    # previous store" line.
    store_log = logging.getLogger("bot.facts.store")
    level, store_log.level = store_log.level, logging.ERROR
    try:
        old = read_store(paths)
    finally:
        store_log.setLevel(level)
    done = change(paths)
    new = read_store(paths)
    print(f"{header}{done.verb} {done.source_id}; {done.summary}")
    print(to_text(changes_answer(compare(old, new), old, new), limit=20_000))
    return 0


def cmd_add(args, settings) -> int:
    import datetime as dt

    from bot.facts.sources.ingest import read_article
    from bot.facts.sources.library import add_source

    today = dt.date.today()
    article = read_article(
        args.article,
        title=args.title,
        published=args.published,
        url=args.url or "",
        outlet=args.outlet or "",
        today=today,
    )
    header = f"{article.title}\n{article.published} ({article.date_basis}) — {article.date_clue}\n"
    return _changed(settings, lambda paths: add_source(paths, article, today), header)


def cmd_remove(args, settings) -> int:
    from bot.facts.sources.library import remove_source

    return _changed(settings, lambda paths: remove_source(paths, args.id))


def cmd_ask(args, settings) -> int:
    from bot.answers.replies.render import quotes_request, quotes_text, to_json, to_text
    from bot.console import reply

    engine = _engine(settings)
    message = " ".join(args.message)
    if getattr(args, "explain", False):
        from bot.answers.replies.explain import explain_text

        text = message.removeprefix(f"{engine.prefix}ask").strip()
        print(explain_text(engine.ctx, engine.ask.evidence, engine.ask.explain(text)))
        return 0
    quoted = None if args.json else quotes_request(message, engine.prefix)
    answer = reply(engine, quoted or message)
    if quoted and answer.citations:
        print(quotes_text(answer))  # what the Quotes button shows
        return 0
    print(to_json(answer) if args.json else to_text(answer))
    return 0


def console(engine, stdin=sys.stdin, stdout=sys.stdout) -> int:
    """An interactive prompt answering what you type; Ctrl-D (or 'quit') exits."""
    from bot.answers.reading.recent import RecentFrames
    from bot.answers.replies.render import quotes_request, quotes_text, to_text
    from bot.console import reply

    recent = RecentFrames()  # the last question, for a follow-up ("and ha-ri?")
    interactive = stdin.isatty()
    if interactive:
        try:
            import readline

            history = Path.home() / ".hyosan_history"
            if history.exists():
                readline.read_history_file(history)
            import atexit

            atexit.register(readline.write_history_file, history)
        except (ImportError, OSError):
            pass
        print(f"hyosan-bot console. Try `{engine.prefix}help`. Ctrl-D exits.", file=stdout)
    while True:
        try:
            line = input("> ") if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            print(file=stdout)
            return 0
        if not interactive and not line:
            return 0
        line = line.strip()
        if line in {"quit", "exit"}:
            return 0
        if line:
            quoted = quotes_request(line, engine.prefix)
            previous = None if quoted else recent.get("console")
            answer = reply(engine, quoted or line, previous=previous)
            if not quoted and answer.command == "ask":
                recent.put("console", answer.frame)
            text = quotes_text(answer) if quoted and answer.citations else to_text(answer)
            print(text + "\n", file=stdout, flush=True)


def cmd_console(args, settings) -> int:
    return console(_engine(settings))


def cmd_run(args, settings, stdin=None) -> int:
    if not settings.token:
        how = (
            "create an application at https://discord.com/developers/applications, add a bot, "
            "copy its token into .env as DISCORD_TOKEN=... (see README), and run again."
        )
        if not (stdin or sys.stdin).isatty():  # a service: fail so the supervisor sees it
            print(f"error: no DISCORD_TOKEN set. To run the Discord bot, {how}", file=sys.stderr)
            return 2
        print(
            f"No DISCORD_TOKEN set: starting the console instead.\nTo run the Discord bot, {how}",
            file=sys.stderr,
        )
        return cmd_console(args, settings)
    from bot.client import run_bot

    return run_bot(settings)


def cmd_feeds(args, settings) -> int:
    """`feeds add|list|remove|poll`: the news feeds this bot follows (bot.news)."""
    from bot.news import commands

    return commands.feeds(args, _paths(settings))


def cmd_news(args, settings) -> int:
    """`news pending|approve|reject`: review what untrusted feeds brought in."""
    from bot.news import commands

    if args.action == "approve":
        header = commands.approve_header(_paths(settings), args.id)
        return _changed(settings, lambda paths: commands.approve(paths, args.id), header)
    return commands.news(args, _paths(settings))


def cmd_backup(args, settings) -> int:
    from bot.posting.settings.backup import backup

    done = backup(settings.settings_db, args.path)
    print(f"backed up {done.subscriptions} subscriptions of {done.servers} servers to {done.path}")
    return 0


def cmd_bench(args, settings) -> int:
    from bot.bench.run import main as bench_main

    return bench_main(args)


def parser(prog: str = "python -m bot"):
    """The full command line (argparse is imported here, off the `ask` fast path)."""
    import argparse

    p = argparse.ArgumentParser(prog=prog, description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="build data/facts.sqlite from data/sources").set_defaults(
        func=cmd_build
    )
    add = sub.add_parser("add", help="add an article (.html, .txt or https://) and rebuild")
    add.add_argument("article", help="a saved web page, a text file, or an https:// address")
    add.add_argument("--title", help="the headline, when the article has none")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    add.add_argument("--url", help="where a saved page was published (kept for links)")
    add.add_argument("--outlet", help="who published it (default: the page's site name)")
    add.set_defaults(func=cmd_add)
    remove = sub.add_parser("remove", help="take an article out (by its id) and rebuild")
    remove.add_argument("id", help="the source id, as `!sources` lists it")
    remove.set_defaults(func=cmd_remove)
    ask = sub.add_parser("ask", help="answer one message, e.g. '!cast onjo'")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument(
        "--explain", action="store_true", help="how !ask read the question and why it answered"
    )
    ask.add_argument("message", nargs="+")
    ask.set_defaults(func=cmd_ask)
    sub.add_parser("console", help="interactive prompt (no Discord)").set_defaults(func=cmd_console)
    sub.add_parser("run", help="run the Discord bot (console without a token)").set_defaults(
        func=cmd_run
    )
    _news_parsers(sub)
    backup = sub.add_parser("backup", help="copy the settings database, safe while the bot runs")
    backup.add_argument("path", type=Path, help="a new file, e.g. settings-2026-12.sqlite")
    backup.set_defaults(func=cmd_backup)
    bench = sub.add_parser("bench", help="latency, cold start, build, scheduler and scale figures")
    bench.add_argument("--quick", action="store_true", help="a short run (under 30 s)")
    bench.add_argument("--scale", type=int, default=1000, help="synthetic corpus size")
    bench.add_argument("--json", dest="json_path", type=Path, help="write every figure here")
    bench.set_defaults(func=cmd_bench)
    return p


def _news_parsers(sub) -> None:
    feeds = sub.add_parser("feeds", help="the RSS/Atom feeds followed for news")
    fsub = feeds.add_subparsers(dest="action", required=True)
    add = fsub.add_parser("add", help="follow a feed")
    add.add_argument("url", help="the feed's http(s) address")
    add.add_argument("--trusted", action="store_true", help="add its items without review")
    add.add_argument("--every", default="30m", help="how often to poll it: 30m, 2h, 1d")
    fsub.add_parser("list", help="every feed, with what it brought in")
    remove = fsub.add_parser("remove", help="stop following a feed")
    remove.add_argument("feed", help="its id (from `feeds list`) or URL")
    poll = fsub.add_parser("poll", help="poll the feeds that are due, once (for cron)")
    poll.add_argument("--all", action="store_true", help="every feed, due or not")
    feeds.set_defaults(func=cmd_feeds)
    news = sub.add_parser("news", help="review news items from untrusted feeds")
    nsub = news.add_subparsers(dest="action", required=True)
    nsub.add_parser("pending", help="items waiting for review")
    for verb, what in (("approve", "add it as a source"), ("reject", "drop it")):
        one = nsub.add_parser(verb, help=f"{what}")
        one.add_argument("id", help="the item id from `news pending`")
    news.set_defaults(func=cmd_news)


def _quick_ask(argv: list[str]) -> SimpleNamespace | None:
    """`ask [--json] MESSAGE...` parsed by hand: building an argparse parser costs a few ms
    (argparse, gettext, shutil) on the one path whose cold start is measured."""
    if argv[:1] != ["ask"]:
        return None
    rest = argv[1:]
    as_json = rest[:1] == ["--json"]
    message = rest[1:] if as_json else rest
    if not message or any(m.startswith("-") for m in message[:1]):
        return None  # let argparse explain usage
    return SimpleNamespace(func=cmd_ask, json=as_json, message=message)


def _require_project() -> None:
    """An installed `hyosan-bot` run outside the project folder finds no articles: say so."""
    from bot.paths import DATA, ROOT

    if not (DATA / "sources.toml").exists():
        raise BuildError(
            f"no data/sources.toml in {ROOT}: run hyosan-bot from the project folder "
            "(the one holding data/), or set HYOSAN_HOME to it"
        )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    prog = "hyosan-bot" if Path(sys.argv[0]).name == "hyosan-bot" else "python -m bot"
    args = _quick_ask(argv) or parser(prog).parse_args(argv)
    from bot.config import load_settings

    try:
        _require_project()
        settings = load_settings()
        _move_added_articles(settings)
        code = args.func(args, settings)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except (BuildError, StoreError, SettingsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_gone()
    except ImportError as exc:  # a dependency the install left out (say, lxml_html_clean)
        missing = exc.name or str(exc).splitlines()[0]
        print(
            f"error: a package hyosan-bot needs is missing ({missing}); install the project "
            "again in its folder: make, or pip install .",
            file=sys.stderr,
        )
        return 2


def _move_added_articles(settings) -> None:
    """Once: articles an older release added into data/ move to the instance folder. Looked
    for with one read of the manifest, so `ask` pays no import for it."""
    import re

    paths = _paths(settings)
    if not re.search(rb"(?m)^\s*added\s*=", paths.manifest.read_bytes()):
        return
    from bot.facts.sources.library import migrate
    from bot.paths import rel

    if moved := migrate(paths):
        print(
            f"moved {len(moved)} article(s) you added ({', '.join(moved)}) from "
            f"{rel(paths.manifest)} to {rel(paths.library_manifest)}: git pull no longer "
            "touches them",
            file=sys.stderr,
        )


def _reader_gone() -> int:
    """Whoever read our output stopped (`... | head -1`): that is no error, so exit quietly.
    Standard output goes to devnull so the interpreter's final flush cannot complain."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0
