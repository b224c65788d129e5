"""`run` warns in one line when the .env holding the token is readable by other users."""

from __future__ import annotations

from bot.config import env_file_warning, load_settings


def test_a_world_readable_env_is_one_warning_line(tmp_path, monkeypatch):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    env = tmp_path / ".env"
    env.write_text("DISCORD_TOKEN=abc.def.ghi\n")
    env.chmod(0o644)
    settings = load_settings(env)
    warning = env_file_warning(settings.env_file)
    assert warning.startswith("warning: .env holds the bot token") and "chmod 600" in warning
    assert "\n" not in warning and "abc.def.ghi" not in warning
    env.chmod(0o600)
    assert env_file_warning(settings.env_file) is None
    assert env_file_warning(None) is None
