"""The layering of bot/: facts <- answers, facts <- posting (which may hold an `Answer`, the
value it posts), facts <- news; nothing below the Discord runtime imports `discord`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = {"bot.errors", "bot.paths", "bot.progress"}  # leaf modules every wing may use
ALLOWED = {
    "facts": {"bot.facts"} | SHARED,
    "answers": {"bot.answers", "bot.facts"} | SHARED,
    # Posting sends answers, so it may know their value type, never the engine that makes them.
    "posting": {"bot.posting", "bot.facts", "bot.answers.types"} | SHARED,
    # Following the news: feeds and review, over the facts wing's intake and library.
    "news": {"bot.news", "bot.facts"} | SHARED,
}
WINGS = sorted(ALLOWED)


def _files(wing: str) -> list[Path]:
    """Every module of a wing, its stage folders included."""
    return sorted((ROOT / "bot" / wing).rglob("*.py"))


def _modules(wing: str) -> list[str]:
    names = []
    for p in _files(wing):
        parts = p.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(names)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (imports inside functions count too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


@pytest.mark.parametrize("wing", WINGS)
def test_wing_imports_point_one_way(wing):
    allowed = ALLOWED[wing]
    for path in _files(wing):
        for mod in _imports(path):
            if mod == "discord" or mod.startswith("discord."):
                pytest.fail(f"{path.relative_to(ROOT)} imports {mod}")
            if mod.startswith("bot.") or mod == "bot":
                ok = any(mod == a or mod.startswith(a + ".") for a in allowed)
                assert ok, f"{path.relative_to(ROOT)} imports {mod}, outside {sorted(allowed)}"
            if mod.startswith("cogs"):
                pytest.fail(f"{path.relative_to(ROOT)} imports {mod}")


def test_importing_every_core_module_leaves_discord_out():
    modules = [m for wing in WINGS for m in _modules(wing)]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'discord' or m.startswith('discord.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"the core imported {out.stdout.strip()}"


def test_facts_alone_load_nothing_from_the_other_wings():
    code = (
        "import importlib, sys\n"
        f"for m in {_modules('facts')!r}: importlib.import_module(m)\n"
        "print(','.join(sorted(m for m in sys.modules "
        "if m.startswith(('bot.answers', 'bot.posting', 'bot.news', 'bot.bench', 'cogs')))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_no_folder_of_the_bot_outgrows_a_dozen_modules():
    """A folder past a dozen modules is grouped into stage folders (bot/answers/reading/, ...)."""
    folders = [p for p in (ROOT / "bot").rglob("*") if p.is_dir() and p.name != "__pycache__"]
    for folder in [ROOT / "bot", ROOT / "cogs", *folders]:
        modules = [p for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")]
        assert len(modules) <= 12, f"{folder.relative_to(ROOT)} holds {len(modules)} modules"
