"""The command line: ask, console, run without a token, and the bot's start-up failures."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from unittest import mock

import discord
import pytest

from bot import cli
from bot.client import HyosanBot, main
from bot.config import Settings, load_settings
from bot.paths import ROOT


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_ask_json_contract_from_a_process():
    out = run_cli("ask", "--json", "!cast onjo")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] and data["match"] == "Nam On-jo" and data["citations"]


def test_ask_exits_zero_when_nothing_found():
    out = run_cli("ask", "--json", "!cast xyzzy")
    assert out.returncode == 0 and json.loads(out.stdout)["ok"] is False


def test_ask_loads_only_what_a_one_shot_answer_needs():
    # Its cold start is benchmarked: no Discord, no event loop (the store is read in one go
    # with sqlite3), no argparse, no build code while the store is current.
    heavy = ("discord", "asyncio", "aiosqlite", "argparse", "bot.facts.building.build")
    code = (
        "import sys; from bot.cli import main; main(['ask', '!cast onjo']); "
        f"print([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr


def test_console_answers_until_eof(engine):
    stdout = io.StringIO()
    assert cli.console(engine, stdin=io.StringIO("!cast onjo\n\n!lore jonus\n"), stdout=stdout) == 0
    text = stdout.getvalue()
    assert "Park Ji-hu" in text and "Jonus" in text


def test_console_quotes_show_the_words_behind_an_answer(engine, texts):
    stdout = io.StringIO()
    cli.console(engine, stdin=io.StringIO("!quotes status trailer\n!quotes\n"), stdout=stdout)
    text = stdout.getvalue()
    assert text.startswith("Quotes — Season 2 status: Trailer\n[1] ")
    quoted = [x.strip()[1:-1] for x in text.splitlines() if x.startswith("  “")]
    assert quoted and all(any(q in t for t in texts.values()) for q in quoted)
    assert "`!quotes [command]`" in text  # alone: how to use it


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_run_without_token_explains_and_starts_the_console(monkeypatch, capsys):
    monkeypatch.setattr(cli, "cmd_console", lambda args, settings: 0)
    assert cli.cmd_run(None, Settings(token=None), stdin=Tty()) == 0
    assert "DISCORD_TOKEN" in capsys.readouterr().err


def test_run_without_token_and_without_a_terminal_fails(monkeypatch, capsys):
    monkeypatch.setattr(cli, "cmd_console", lambda args, settings: 0)
    assert cli.cmd_run(None, Settings(token=None), stdin=io.StringIO()) != 0
    err = capsys.readouterr().err
    assert err.startswith("error:") and "DISCORD_TOKEN" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("exc", "needle"),
    [
        (discord.LoginFailure("bad"), "rejected the token"),
        (OSError("no route"), "cannot reach Discord"),
        (
            discord.ConnectionClosed(mock.Mock(close_code=4004), shard_id=None, code=4004),
            "rejected the token",
        ),
    ],
)
async def test_start_failures_are_one_line(tmp_path, monkeypatch, capsys, real_paths, exc, needle):
    async def boom(self, token, *, reconnect=True):
        raise exc

    monkeypatch.setattr(HyosanBot, "start", boom)
    # discord.py warns once per process that voice is unsupported (no PyNaCl/davey).
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True, raising=False)
    settings = Settings(
        token="t0k3n-secret", facts_path=real_paths.store, settings_db=tmp_path / "s.sqlite"
    )
    assert await main(settings) == 1
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err and "t0k3n-secret" not in err
    assert err.count("\n") == 1 and err.startswith("error: "), err


@pytest.mark.parametrize(
    ("args", "stdin"), [(["ask", "!lore jonus"], b""), (["console"], b"!lore jonus\n!cast\n")]
)
def test_a_reader_that_stops_reading_is_no_error(args, stdin):
    """`python -m bot ask '!lore jonus' | head -1`: the pipe closes before the answer is out."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before anything is written
    _, err = proc.communicate(stdin, timeout=60)
    assert err.decode() == "" and proc.returncode == 0


def test_settings_never_show_the_token(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "t0k3n-secret")
    monkeypatch.setenv("HYOSAN_PREFIX", "?")
    settings = load_settings(env_file=None)
    assert settings.prefix == "?" and "t0k3n-secret" not in repr(settings)


def test_bad_settings_are_reported(monkeypatch):
    monkeypatch.setenv("HYOSAN_POST_TIME", "25:99")
    with pytest.raises(ValueError, match="HH:MM"):
        load_settings(env_file=None)


@pytest.mark.parametrize(
    "name",
    [
        "HYOSAN_POST_TIME",
        "HYOSAN_DEV_GUILD",
        "HYOSAN_LOG_LEVEL",
        "HYOSAN_PREFIX",
        "DISCORD_API_BASE",
        "DISCORD_GATEWAY_URL",
        "HYOSAN_FACTS_DB",
        "HYOSAN_SETTINGS_DB",
    ],
)
def test_setting_errors_never_echo_the_value(monkeypatch, name):
    secret = "MTAxNTk.t0k3n secret"  # a token pasted into the wrong setting
    monkeypatch.setenv(name, secret)
    with pytest.raises(ValueError) as info:
        load_settings(env_file=None)
    assert name in str(info.value) and "t0k3n" not in str(info.value)


def test_a_malformed_env_file_names_the_file_and_line(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_text('HYOSAN_PREFIX=?\nthis line is not a setting\nDISCORD_TOKEN="t0k3n\n')
    with pytest.raises(ValueError) as info:
        load_settings(env_file=env)
    assert str(env) in str(info.value) and "line 2" in str(info.value)
    assert "t0k3n" not in str(info.value)


@pytest.mark.parametrize("name", ["HYOSAN_FACTS_DB", "HYOSAN_SETTINGS_DB"])
@pytest.mark.parametrize("value", ["MTAxNTk.G1xq.t0k3nsecret", "/no/such/dir/t0k3n.sqlite"])
def test_a_bad_database_path_is_refused_unechoed(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError) as info:
        load_settings(env_file=None)
    assert name in str(info.value) and "t0k3n" not in str(info.value)


def test_a_token_set_as_a_path_creates_no_file_and_is_not_printed(tmp_path):
    env = {**os.environ, "HYOSAN_FACTS_DB": "MTAxNTk.G1xq.t0k3nsecret"}
    out = run_cli("build", env=env)
    assert out.returncode != 0 and "t0k3n" not in out.stdout + out.stderr
    assert len((out.stdout + out.stderr).strip().splitlines()) == 1
    assert not (ROOT / "MTAxNTk.G1xq.t0k3nsecret").exists()


def test_database_paths_inside_the_project_or_an_existing_folder_are_fine(monkeypatch, tmp_path):
    monkeypatch.setenv("HYOSAN_FACTS_DB", "data/new-folder/facts.sqlite")
    monkeypatch.setenv("HYOSAN_SETTINGS_DB", str(tmp_path / "s.sqlite"))
    s = load_settings(env_file=None)
    assert s.facts_path == ROOT / "data" / "new-folder" / "facts.sqlite"
    assert s.settings_db == tmp_path / "s.sqlite"


def test_a_bare_line_in_env_names_the_file_and_line(tmp_path):
    env = tmp_path / ".env"
    env.write_text("HYOSAN_PREFIX=?\nMTAxNTk.G1xq.t0k3nsecret\n")
    with pytest.raises(ValueError) as info:
        load_settings(env_file=env)
    assert str(env) in str(info.value) and "line 2" in str(info.value)
    assert "t0k3n" not in str(info.value)


def test_the_post_time_error_names_the_time_zone_not_utc(monkeypatch):
    monkeypatch.setenv("HYOSAN_POST_TIME", "7pm")
    with pytest.raises(ValueError) as info:
        load_settings(env_file=None)
    assert "UTC" not in str(info.value) and "time zone" in str(info.value)


def test_self_hosted_urls_are_settings(monkeypatch):
    monkeypatch.setenv("DISCORD_API_BASE", "https://spacebar.example/api/v9/")
    monkeypatch.setenv("DISCORD_GATEWAY_URL", "wss://gateway.spacebar.example")
    s = load_settings(env_file=None)
    assert s.api_base == "https://spacebar.example/api/v9"
    assert s.gateway_url == "wss://gateway.spacebar.example"


def test_env_files_are_git_ignored():
    out = subprocess.run(
        ["git", "check-ignore", ".env", ".env.production", ".env.local"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.stdout.split() == [".env", ".env.production", ".env.local"]
    assert subprocess.run(["git", "check-ignore", ".env.example"], cwd=ROOT).returncode == 1


def test_env_example_documents_every_setting():
    """Every setting the code reads (found in the code, not listed here) is in .env.example."""
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    read = {
        m
        for path in (ROOT / "bot").rglob("*.py")
        for m in re.findall(r'"((?:HYOSAN|DISCORD)_[A-Z_]+)"', path.read_text(encoding="utf-8"))
    }
    assert {"DISCORD_TOKEN", "HYOSAN_HOME", "HYOSAN_SETTINGS_DB"} <= read
    assert [name for name in sorted(read) if f"{name}=" not in example] == []


def test_outside_the_project_folder_is_one_line(tmp_path):
    env = {**os.environ, "HYOSAN_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "!cast onjo"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "HYOSAN_HOME" in out.stderr


def test_the_systemd_unit_restarts_on_failure_and_is_documented():
    import configparser

    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(ROOT / "deploy" / "hyosan-bot.service")
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Service"]["ExecStart"].endswith("-m bot run")
    assert "deploy/hyosan-bot.service" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "exc",
    [
        ModuleNotFoundError("No module named 'lxml_html_clean'", name="lxml_html_clean"),
        ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\nInstall"),
    ],
)
def test_a_missing_package_is_one_line_naming_it(monkeypatch, capsys, exc):
    def missing(args, settings):
        raise exc

    monkeypatch.setattr(cli, "cmd_build", missing)
    assert cli.main(["build"]) == 2
    err = capsys.readouterr().err
    # Only our own lines: an unrelated warning that the garbage collector prints while this
    # test runs (an earlier test's unclosed socket) would otherwise count.
    ours = [line for line in err.splitlines() if "lxml_html_clean" in line or "Traceback" in line]
    assert len(ours) == 1 and "pip install ." in ours[0] and "Traceback" not in err
