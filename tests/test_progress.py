"""Progress lines appear on a terminal only: never in pipes, CI or tests' captured output."""

from __future__ import annotations

import io

from bot.progress import Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    out = Tty()
    bar = Progress("building: article", 2, out)
    bar.step("first")
    bar.step("second")
    bar.close()
    text = out.getvalue()
    assert "building: article 1/2 first" in text and "2/2 second" in text
    assert text.endswith("\r")  # the line is cleared, so the summary prints on a clean line


def test_progress_is_silent_when_piped_or_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    piped = io.StringIO()
    Progress("x", 1, piped).step("a")
    assert piped.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    tty = Tty()
    bar = Progress("x", 1, tty)
    bar.step("a")
    bar.close()
    assert tty.getvalue() == ""
