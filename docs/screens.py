"""Render what members see to PNG: a faithful HTML mock of Discord's embed layout (dark theme),
screenshotted by headless Chromium. One command regenerates every image:

    python docs/screens.py            # writes docs/screens/*.png (needs chromium on PATH)
    python docs/screens.py --html     # only the HTML mocks (no Chromium)

The embeds are the bot's own (bot.embeds) built from the real fact store, so the pictures show
exactly what a server gets: spoiler bars closed, the Quotes button, the sources block. The
"status changed" post is what subscribers would get after `hyosan-bot add` of the sample page
tests/facts/pages/trailer_article.html (an invented article), added to a scratch copy.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402

from bot.answers.commands.changes import compare, status_change_answer  # noqa: E402
from bot.answers.engine import Engine  # noqa: E402
from bot.answers.replies.help import help_answer  # noqa: E402
from bot.facts.sources.ingest import read_article  # noqa: E402
from bot.facts.sources.library import add_source  # noqa: E402
from bot.facts.store import load_store  # noqa: E402
from bot.glue.embeds import answer_embed, quotes_embed  # noqa: E402
from bot.glue.views import quotes_view  # noqa: E402
from bot.paths import DataPaths  # noqa: E402
from bot.posting.sending.changes import change_tag  # noqa: E402
from bot.posting.sending.scheduler import slot_tag  # noqa: E402
from cogs.delivery import tag_footer  # noqa: E402
from cogs.help import offline_commands  # noqa: E402

OUT = ROOT / "docs" / "screens"
# The button's speech-balloon emoji, drawn so the picture does not depend on an emoji font.
BUBBLE = (
    '<svg width="16" height="14" viewBox="0 0 16 14" style="vertical-align:-2px">'
    '<path d="M2 1h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3 3v-3H2a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1z"'
    ' fill="#fff"/></svg>'
)
WIDTH = 760
SAMPLE = ROOT / "tests" / "facts" / "pages" / "trailer_article.html"
SHOTS = [  # (file name, what the member types, which embed)
    ("status", "!status", "answer"),
    ("status-trailer", "!status trailer", "answer"),
    ("cast-on-jo", "!cast On-jo", "answer"),
    ("lore-jonus", "!lore jonus", "answer"),
    ("not-found", "!cast Onjooo Parkk", "answer"),
    ("quotes-cast-on-jo", "/cast On-jo", "quotes"),
    ("help", "!help", "help"),
    ("spoilers-off", "!ask did cheongsan die", "spoilers off"),
    ("scheduled-post", "", "scheduled"),
    ("status-changed", "", "changed"),
]

CSS = """
body { margin: 0; background: #313338; font: 16px/1.375 "gg sans", "Noto Sans", "Helvetica Neue",
  Helvetica, Arial, sans-serif; color: #dbdee1; }
.msg { display: flex; padding: 16px 16px 16px 16px; width: WIDTHpx; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #8b0000; flex: none;
  margin-right: 16px; color: #fff; font-weight: 700; display: flex; align-items: center;
  justify-content: center; font-size: 15px; }
.name { color: #f2f3f5; font-weight: 500; } .bot { background: #5865f2; color: #fff;
  font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px; margin-left: 4px;
  vertical-align: 2px; } .time { color: #949ba4; font-size: 12px; margin-left: 6px; }
.typed { color: #dbdee1; margin: 0 0 12px 56px; font-size: 15px; }
.typed b { color: #f2f3f5; font-weight: 500; }
.embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; max-width: 516px;
  padding: 8px 16px 16px 12px; margin-top: 4px; font-size: 14px; line-height: 1.375; }
.title { color: #f2f3f5; font-weight: 600; font-size: 16px; margin-top: 8px; }
.desc { margin-top: 8px; white-space: pre-wrap; word-wrap: break-word; }
.field { margin-top: 8px; } .fname { color: #f2f3f5; font-weight: 600; margin-bottom: 2px; }
.fvalue { white-space: pre-wrap; word-wrap: break-word; }
.footer { margin-top: 8px; color: #b5bac1; font-size: 12px; }
code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 85%;
  font-family: Consolas, "Andale Mono", monospace; }
.spoiler { background: #1e1f22; color: transparent; border-radius: 3px; }
.bq { display: block; border-left: 4px solid #4e5058; padding-left: 10px; }
.buttons { margin-top: 8px; } .button { display: inline-block; background: #4e5058; color: #fff;
  border-radius: 3px; padding: 4px 16px; font-size: 14px; font-weight: 500; }
.ephemeral { color: #949ba4; font-size: 12px; margin-top: 4px; }
""".replace("WIDTH", str(WIDTH))


def markdown(text: str) -> str:
    """The bits of Discord markdown the bot uses: bold, italics, code, spoilers, quotes."""
    out = []
    for line in text.split("\n"):
        quote = line.startswith("> ")
        line = html.escape(line[2:] if quote else line)
        line = re.sub(r"`([^`]+)`", r"<code>\1</code>", line)
        line = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", line)
        line = re.sub(r"(?<!\*)\*([^*]+)\*(?!\*)", r"<i>\1</i>", line)
        line = re.sub(r"\|\|(.+?)\|\|", r'<span class="spoiler">\1</span>', line)
        out.append(f'<span class="bq">{line}</span>' if quote else line)
    return "\n".join(out).replace("</span>\n", "</span>")


def embed_html(typed: str, embed: discord.Embed, button: str | None, ephemeral: bool) -> str:
    """One exchange: the member's command (none for a post), then the bot's embed."""
    colour = f"#{embed.colour.value:06x}" if embed.colour else "#1e1f22"
    parts = [f'<div class="title">{html.escape(embed.title or "")}</div>']
    if embed.description:
        parts.append(f'<div class="desc">{markdown(embed.description)}</div>')
    for f in embed.fields:
        parts.append(
            f'<div class="field"><div class="fname">{markdown(f.name)}</div>'
            f'<div class="fvalue">{markdown(f.value)}</div></div>'
        )
    if embed.footer.text:
        parts.append(f'<div class="footer">{html.escape(embed.footer.text)}</div>')
    button_html = (
        f'<div class="buttons"><span class="button">{BUBBLE} {html.escape(button)}</span></div>'
        if button
        else ""
    )
    note = '<div class="ephemeral">Only you can see this</div>' if ephemeral else ""
    fan = (
        f"""<div class="msg"><div class="avatar">F</div><div><span class="name">fan</span>
<span class="time">Today at 20:14</span><div>{html.escape(typed)}</div></div></div>"""
        if typed
        else ""
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>{CSS}</style></head>
<body>{fan}
<div class="msg" style="padding-top:{0 if typed else 16}px"><div class="avatar">H</div><div>
<span class="name">hyosan-bot</span><span class="bot">APP</span>
<span class="time">Today at 20:14</span>
<div class="embed" style="border-color:{colour}">{"".join(parts)}</div>{button_html}{note}
</div></div></body></html>"""


def pages(today: dt.date) -> dict[str, str]:
    """File name -> HTML of every screen, from the real store, spoilers on (the default)."""
    return asyncio.run(_pages(today))  # discord.py's views want a running loop


async def _changed_store(base: DataPaths, today: dt.date):
    """The store after adding SAMPLE, built in a scratch copy of the articles."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(base.sources_dir, root / "sources")
        shutil.copy(base.manifest, root / "s.toml")
        paths = dataclasses.replace(base, sources_dir=root / "sources", manifest=root / "s.toml")
        paths = dataclasses.replace(paths, store=root / "facts.sqlite")
        add_source(paths, read_article(str(SAMPLE), today=today), today)
        return await load_store(paths)


async def _pages(today: dt.date) -> dict[str, str]:
    base = DataPaths()
    store = await load_store(base)
    engine = Engine(store, today=lambda: today)
    slot = dt.datetime.combine(today, dt.time(18, 0), dt.UTC)
    out = {}
    for name, typed, kind in SHOTS:
        answer = engine.answer(typed)
        button = "Quotes" if quotes_view(answer) else None
        if kind == "quotes":
            out[name] = embed_html(f"{typed}  →  taps Quotes", quotes_embed(answer), None, True)
        elif kind == "help":
            listed = help_answer(engine.prefix, offline_commands())
            out[name] = embed_html(typed, answer_embed(listed, True), None, False)
        elif kind == "scheduled":
            status = engine.answer("!status")
            embed = tag_footer(answer_embed(status, True), slot_tag(slot))
            out[name] = embed_html("", embed, "Quotes", False)
        elif kind == "changed":
            new = await _changed_store(base, today)
            post = status_change_answer(compare(store, new), new)
            embed = tag_footer(answer_embed(post, True, None), change_tag(1))
            out[name] = embed_html("", embed, None, False)
        else:
            out[name] = embed_html(typed, answer_embed(answer, kind == "answer"), button, False)
    return out


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if path := shutil.which(name):
            return path
    sys.exit("error: no Chromium on PATH (apt-get install chromium), or use --html")


def shoot(browser: str, page: Path, png: Path) -> None:
    """Measure the page's height in one headless run, then screenshot it at that size."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    probe = page.with_suffix(".probe.html")
    probe.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>",
            "<script>document.body.setAttribute('data-h', document.body.scrollHeight)</script>"
            "</body>",
        ),
        encoding="utf-8",
    )
    dom = subprocess.run(
        [browser, *flags, f"--window-size={WIDTH + 40},2000", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    height = int(re.search(r'data-h="(\d+)"', dom).group(1)) + 8
    subprocess.run(
        [
            browser,
            *flags,
            f"--window-size={WIDTH + 40},{height}",
            f"--screenshot={png}",
            page.as_uri(),
        ],
        capture_output=True,
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", action="store_true", help="write the HTML mocks only")
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    rendered = pages(args.today)
    if args.html:
        for name, page in rendered.items():
            (OUT / f"{name}.html").write_text(page, encoding="utf-8")
        print(f"wrote {len(rendered)} HTML mocks to {OUT.relative_to(ROOT)}")
        return 0
    browser = chromium()
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in rendered.items():
            path = Path(tmp) / f"{name}.html"
            path.write_text(page, encoding="utf-8")
            shoot(browser, path, OUT / f"{name}.png")
            print(f"docs/screens/{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
