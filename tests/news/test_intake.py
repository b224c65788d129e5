"""`add URL` through the safe intake, dates later than today, and inert mentions when shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from aiohttp import web

from bot.answers.replies.render import quotes_text, to_text
from bot.answers.types import Answer, Citation, Line
from bot.facts.shown import neutralise, unshown
from bot.facts.sources.fetch import FetchRefused
from bot.facts.sources.ingest import IngestRefused, read_article

PAGES = Path(__file__).parent.parent / "facts" / "pages"
TODAY = dt.date(2026, 11, 22)
PAGE = (PAGES / "trailer_article.html").read_text(encoding="utf-8")


def test_a_page_on_loopback_is_read_with_its_url_and_outlet(server):
    server.text("/news/s2", PAGE)
    a = read_article(server.url("/news/s2"), today=TODAY)
    assert (a.url, a.published) == (server.url("/news/s2"), "2026-09-30")
    assert a.outlet  # the page's site name, else the host


def test_the_final_url_of_a_redirect_is_kept(server):
    server.text("/real", PAGE)
    server.route("/short", lambda req: web.HTTPMovedPermanently("/real"))
    assert read_article(server.url("/short"), today=TODAY).url == server.url("/real")


def test_loopback_is_refused_without_the_setting(server, monkeypatch):
    monkeypatch.delenv("HYOSAN_FETCH_ALLOW")
    server.text("/news/s2", PAGE)
    with pytest.raises(FetchRefused, match="private or reserved"):
        read_article(server.url("/news/s2"), today=TODAY)


def test_dates_later_than_today_are_refused_in_one_line():
    with pytest.raises(IngestRefused, match="later than today") as err:
        read_article(str(PAGES / "dateline_article.txt"), published="2099-12-31", today=TODAY)
    assert "\n" not in str(err.value)
    with pytest.raises(IngestRefused, match="printed date 2026-09-30 is later than today"):
        read_article(str(PAGES / "trailer_article.html"), today=dt.date(2026, 9, 1))


def test_the_printed_clue_does_not_repeat_its_basis():
    a = read_article(str(PAGES / "dateline_article.txt"), today=TODAY)
    assert not a.date_clue.lower().startswith("printed")


SPAM = "Join @everyone at <@123> <@&45> <#67> discord.gg/zombies or discord.com/invite/aouad"


def test_mentions_and_invites_are_inert_when_shown_and_verbatim_underneath():
    shown = neutralise(SPAM)
    for live in ("@everyone", "<@1", "<@&", "<#", "discord.gg/", "discord.com/invite"):
        assert live not in shown
    assert unshown(shown) == SPAM
    assert neutralise("Lee Jae-kyoo <3 a@b.com") == "Lee Jae-kyoo <3 a@b.com"


def test_text_replies_and_quotes_show_no_live_mention():
    c = Citation("s1", "t", "2026-01-01", False, SPAM, 1, "label")
    answer = Answer("lore", True, None, "@here title", [Line(f"{SPAM} [1]")], [c])
    for text in (to_text(answer), quotes_text(answer)):
        assert "@everyone" not in text and "discord.gg/" not in text and "@here" not in text
    assert c.quote == SPAM  # the citation itself stays verbatim


def test_discord_embeds_show_no_live_mention_and_quotes_stay_matchable():
    from bot.glue.embeds import answer_embed, quotes_embed

    c = Citation("s1", "t", "2026-01-01", False, SPAM, 1, "<@&99> label")
    answer = Answer("lore", True, None, "@everyone", [Line(f"{SPAM} [1]", spoiler=True)], [c])
    for embed in (answer_embed(answer), quotes_embed(answer)):
        shown = " ".join(
            [embed.title or "", embed.description or ""]
            + [f"{f.name} {f.value}" for f in embed.fields]
        )
        for live in ("@everyone", "<@&", "discord.gg/", "discord.com/invite"):
            assert live not in shown
    quote = quotes_embed(answer).fields[0].value
    assert SPAM in unshown(quote)  # what is shown is the verbatim quote, made inert
