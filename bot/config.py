"""Settings from the environment and `.env` (python-dotenv): one typed object, read once."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from bot.paths import DATA, ROOT


@dataclass(frozen=True)
class Settings:
    """Every setting; `.env.example` documents each one."""

    token: str | None = None
    prefix: str = "!"
    facts_path: Path = DATA / "facts.sqlite"
    settings_db: Path = DATA / "settings.sqlite"
    post_time: str = "09:00"
    log_level: str = "INFO"
    dev_guild: int | None = None

    def __repr__(self) -> str:  # never let the token reach a log
        return (
            f"Settings(token={'set' if self.token else 'unset'}, prefix={self.prefix!r}, "
            f"facts_path={str(self.facts_path)!r}, settings_db={str(self.settings_db)!r}, "
            f"post_time={self.post_time!r}, log_level={self.log_level!r}, "
            f"dev_guild={self.dev_guild!r})"
        )


def _path(value: str | None, default: Path) -> Path:
    if not value:
        return default
    p = Path(value)
    return p if p.is_absolute() else ROOT / p


def load_settings(env_file: Path | None = ROOT / ".env") -> Settings:
    """Read settings; a `.env` beside the project fills what the environment does not set."""
    if env_file is not None and env_file.exists():
        from dotenv import load_dotenv

        load_dotenv(env_file, override=False)
    env = os.environ
    post_time = env.get("HYOSAN_POST_TIME", "09:00").strip()
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", post_time):
        raise ValueError(f"HYOSAN_POST_TIME must be HH:MM (24h, UTC), not {post_time!r}")
    guild = env.get("HYOSAN_DEV_GUILD", "").strip()
    if guild and not guild.isdigit():
        raise ValueError("HYOSAN_DEV_GUILD must be a numeric guild id")
    prefix = env.get("HYOSAN_PREFIX", "!").strip() or "!"
    return Settings(
        token=env.get("DISCORD_TOKEN", "").strip() or None,
        prefix=prefix,
        facts_path=_path(env.get("HYOSAN_FACTS_DB"), DATA / "facts.sqlite"),
        settings_db=_path(env.get("HYOSAN_SETTINGS_DB"), DATA / "settings.sqlite"),
        post_time=post_time,
        log_level=env.get("HYOSAN_LOG_LEVEL", "INFO").strip().upper() or "INFO",
        dev_guild=int(guild) if guild else None,
    )
