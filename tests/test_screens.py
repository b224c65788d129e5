"""docs/screens.py builds its HTML mocks without Chromium (CI never needs a browser)."""

from __future__ import annotations

import datetime as dt
import importlib.util

from bot.paths import DATA

spec = importlib.util.spec_from_file_location("screens", DATA.parent / "docs" / "screens.py")
screens = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screens)


def test_markdown_subset():
    html = screens.markdown("**Now:** `!status` ||dies|| *late*\n> “quote”")
    assert "<b>Now:</b>" in html and "<code>!status</code>" in html and "<i>late</i>" in html
    assert '<span class="spoiler">dies</span>' in html and '<span class="bq">“quote”' in html


def test_pages_show_what_members_get(real_paths, monkeypatch):
    monkeypatch.setattr(screens, "DataPaths", lambda: real_paths)
    pages = screens.pages(dt.date(2026, 11, 21))
    assert set(pages) == {name for name, _, _ in screens.SHOTS}
    assert "Quotes</span>" in pages["status"] and "Quotes</span>" not in pages["not-found"]
    assert "2 years 7 months old" in pages["status"]
    assert 'class="spoiler"' in pages["quotes-cast-on-jo"]  # a fate quote stays closed
    assert 'class="footer"' not in pages["not-found"]
    assert "!status resume" in pages["help"]
    assert "slot 2026-11-21 18:00 UTC" in pages["scheduled-post"]
    assert "Season 2 status changed" in pages["status-changed"]
    assert 'class="spoiler"' not in pages["spoilers-off"] and "Cheong-san" in pages["spoilers-off"]
