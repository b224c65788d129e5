"""Whitespace collapsing: the shortcut for text already collapsed never changes a result."""

from __future__ import annotations

import re

from bot.facts.text import collapse_ws

_WS = re.compile(r"\s+")


def test_collapse_ws_equals_the_plain_rule_around_every_character():
    for cp in range(0x10000):
        c = chr(cp)
        for text in (f"a{c}b", c, f"{c}a", f"a{c}", f"a {c} b", f"a{c}{c}b"):
            assert collapse_ws(text) == _WS.sub(" ", text).strip(), hex(cp)


def test_collapse_ws_on_ordinary_text():
    assert collapse_ws("Season 2  is\tfilming\n in Seoul. ") == "Season 2 is filming in Seoul."
    assert collapse_ws("Season 2 is filming.") == "Season 2 is filming."
    assert collapse_ws("") == "" and collapse_ws(" \u00a0 ") == ""
