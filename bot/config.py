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
    api_base: str | None = None  # a self-hosted Discord-compatible server (e.g. Spacebar)
    gateway_url: str | None = None
    env_file: Path | None = None  # the .env read, if any (`run` checks who can read it)

    def __repr__(self) -> str:  # never let the token reach a log
        return (
            f"Settings(token={'set' if self.token else 'unset'}, prefix={self.prefix!r}, "
            f"facts_path={str(self.facts_path)!r}, settings_db={str(self.settings_db)!r}, "
            f"post_time={self.post_time!r}, log_level={self.log_level!r}, "
            f"dev_guild={self.dev_guild!r}, api_base={self.api_base!r}, "
            f"gateway_url={self.gateway_url!r})"
        )


def _path(env, name: str, default: Path) -> Path:
    """A database path setting: a `.sqlite` file whose folder exists, or can be made inside
    the project. The value is never echoed (a token pasted here would be printed)."""
    value = env.get(name, "").strip()
    if not value:
        return default
    p = Path(value).expanduser()
    p = p if p.is_absolute() else ROOT / p
    if p.suffix != ".sqlite" or any(ord(c) < 32 for c in value):
        raise ValueError(f"{name} must be a path ending in .sqlite, e.g. {rel_default(default)}")
    parent = p.parent.resolve()
    if not parent.is_dir() and not parent.is_relative_to(ROOT.resolve()):
        raise ValueError(
            f"{name}: its folder does not exist; create it first, or use a path inside the "
            "project (its folders are made as needed)"
        )
    return p


def rel_default(p: Path) -> str:
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _check_env_file(env_file: Path) -> None:
    """A line python-dotenv cannot read is an error naming the file and line (it would
    otherwise be skipped silently, and a setting quietly ignored)."""
    from dotenv.parser import parse_stream

    try:
        with env_file.open(encoding="utf-8") as f:
            # A bare word (a token pasted without `DISCORD_TOKEN=`) parses as a name with no
            # value, which python-dotenv accepts silently.
            bad = [
                b.original.line
                for b in parse_stream(f)
                if b.error or (b.key is not None and b.value is None)
            ]
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{env_file}: cannot be read ({type(exc).__name__})") from None
    if bad:
        raise ValueError(
            f"{env_file} line {bad[0]}: not a NAME=value line (a value needs its name, e.g. "
            "DISCORD_TOKEN=...; quote values with spaces, close every quote)"
        )


def env_file_warning(env_file: Path | None) -> str | None:
    """One line when the `.env` holding the token can be read by other users."""
    try:
        mode = env_file.stat().st_mode if env_file is not None else 0
    except OSError:
        return None
    if not mode & 0o077:
        return None
    return (
        f"warning: {env_file.name} holds the bot token and other users can read it "
        f"(mode {mode & 0o777:o}); run: chmod 600 {env_file}"
    )


def _url(env, name: str, schemes: tuple[str, ...]) -> str | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if not re.fullmatch(rf"(?:{'|'.join(schemes)})://[^\s/?#]+[^\s]*", value):
        # the value is not echoed: a token pasted into the wrong line would be printed
        raise ValueError(f"{name} must be a URL starting with {' or '.join(schemes)}://")
    return value.rstrip("/")


def load_settings(env_file: Path | None = ROOT / ".env") -> Settings:
    """Read settings; a `.env` beside the project fills what the environment does not set.
    Errors say which setting (or which `.env` line) is wrong, never its value."""
    read = None
    if env_file is not None and env_file.exists():
        from dotenv import load_dotenv

        _check_env_file(env_file)
        load_dotenv(env_file, override=False)
        read = env_file
    env = os.environ
    post_time = env.get("HYOSAN_POST_TIME", "09:00").strip()
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", post_time):
        raise ValueError(
            "HYOSAN_POST_TIME must be HH:MM (24h), e.g. 09:00: the default time of new "
            "subscriptions, in the server's time zone (`!settings timezone`) or the zone "
            "named on `!status subscribe`"
        )
    guild = env.get("HYOSAN_DEV_GUILD", "").strip()
    if guild and not guild.isdigit():
        raise ValueError("HYOSAN_DEV_GUILD must be a numeric guild id")
    prefix = env.get("HYOSAN_PREFIX", "!").strip() or "!"
    if len(prefix) > 5 or any(c.isspace() for c in prefix):
        raise ValueError("HYOSAN_PREFIX must be 1 to 5 characters without spaces, e.g. !")
    log_level = env.get("HYOSAN_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if log_level not in LOG_LEVELS:
        raise ValueError(f"HYOSAN_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    return Settings(
        token=env.get("DISCORD_TOKEN", "").strip() or None,
        prefix=prefix,
        facts_path=_path(env, "HYOSAN_FACTS_DB", DATA / "facts.sqlite"),
        settings_db=_path(env, "HYOSAN_SETTINGS_DB", DATA / "settings.sqlite"),
        post_time=post_time,
        log_level=log_level,
        dev_guild=int(guild) if guild else None,
        api_base=_url(env, "DISCORD_API_BASE", ("https", "http")),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("wss", "ws")),
        env_file=read,
    )
