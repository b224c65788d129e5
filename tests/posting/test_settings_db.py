"""The settings database: corrupt or unreadable files fail with one line and never hang."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from bot.errors import SettingsError
from bot.paths import ROOT
from bot.posting.subscriptions import MIGRATIONS, SettingsDB


def corrupt_page(path):
    """Keep the header, ruin the pages after it (what a torn write or a bad disk leaves)."""
    data = bytearray(path.read_bytes())
    for i in range(200, len(data)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


async def make_db(path):
    db = await SettingsDB.open(path)
    await db.set_spoilers(1, False)
    await db.close()
    # WAL content is checkpointed on close; the file alone is the database.


def sqlite_threads() -> int:
    """Connection threads still alive (a closed connection's thread ends on its own)."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    for t in others:
        t.join(timeout=10)  # a thread never closed stays alive past this
    return sum(t.is_alive() for t in others)


@pytest.mark.parametrize("damage", ["page", "text", "directory", "empty-header"])
async def test_a_bad_settings_file_is_one_error_and_leaves_no_thread(tmp_path, damage):
    path = tmp_path / "settings.sqlite"
    if damage == "page":
        await make_db(path)
        corrupt_page(path)
    elif damage == "text":
        path.write_text("not a database at all\n" * 100)
    elif damage == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    before = sqlite_threads()
    with pytest.raises(SettingsError) as info:
        await SettingsDB.open(path)
    message = str(info.value)
    assert "settings.sqlite" in message and "\n" not in message and "move it aside" in message
    assert sqlite_threads() == before  # every connection closed


async def test_a_failing_migration_rolls_back_and_keeps_a_backup(tmp_path):
    path = tmp_path / "settings.sqlite"
    await make_db(path)
    bad = tmp_path / "migrations"
    bad.mkdir()
    for m in MIGRATIONS.glob("*.sql"):
        (bad / m.name).write_text(m.read_text())
    (bad / "900_broken.sql").write_text("ALTER TABLE subscriptions ADD COLUMN x INTEGER;\nNOPE;")
    with pytest.raises(SettingsError):
        await SettingsDB.open(path, migrations=bad)
    db = await SettingsDB.open(path)  # the good migrations still open it, data intact
    try:
        cols = [r[1] for r in await db.conn.execute_fetchall("PRAGMA table_info(subscriptions)")]
        assert "x" not in cols and await db.spoilers(1) is False
    finally:
        await db.close()
    backups = list(tmp_path.glob("settings.sqlite.bak-*"))
    assert backups, "a copy is taken before migrating"


def test_run_with_a_corrupt_settings_db_exits_nonzero_with_one_line(tmp_path):
    path = tmp_path / "settings.sqlite"
    path.write_text("garbage " * 1000)
    env = {
        "PATH": "/usr/bin:/bin",
        "DISCORD_TOKEN": "x.y.z",
        "HYOSAN_SETTINGS_DB": str(path),
        "HYOSAN_FACTS_DB": str(tmp_path / "facts.sqlite"),
    }
    out = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,  # before the fix the process hung here forever
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode != 0
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "settings.sqlite" in errors[0], out.stderr
    assert "Traceback" not in out.stderr


def test_a_second_process_on_the_same_settings_db_is_refused(tmp_path):
    from bot.posting.lock import InstanceLock

    path = tmp_path / "settings.sqlite"
    first = InstanceLock(path).acquire()
    holder = subprocess.run(  # another process: flock is per open file, so this is honest
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from bot.posting.lock import InstanceLock; "
            "from bot.errors import SettingsError\n"
            "try:\n InstanceLock(Path(sys.argv[1])).acquire()\n"
            "except SettingsError as e:\n print(e); sys.exit(3)",
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert holder.returncode == 3
    assert "another hyosan-bot process" in holder.stdout and "settings.sqlite" in holder.stdout
    first.release()
    InstanceLock(path).acquire().release()  # free again once the first one stops


async def test_a_version_1_database_is_upgraded_with_its_subscriptions_and_a_backup(tmp_path):
    import datetime as dt

    from bot.posting.options import SubscribeOptions, new_subscription

    only_001 = tmp_path / "m"
    only_001.mkdir()
    (only_001 / "001_subscriptions.sql").write_text(
        (MIGRATIONS / "001_subscriptions.sql").read_text()
    )
    path = tmp_path / "settings.sqlite"
    old = await SettingsDB.open(path, migrations=only_001)
    await old.conn.execute(
        "INSERT INTO subscriptions VALUES (1, 10, 7, '18:30', 'weekly', 4, 0, "
        "'2026-11-20T08:00:00+00:00', '2026-11-20T18:30:00+00:00', 'fp', NULL)"
    )
    await old.close()
    db = await SettingsDB.open(path)
    try:
        [sub] = await db.subscriptions()
        assert (sub.post_time, sub.cadence, sub.weekday, sub.claimed_slot, sub.failures) == (
            "18:30",
            "weekly",
            4,
            None,
            0,
        )
        now = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
        await db.subscribe(new_subscription(1, 11, 7, SubscribeOptions("09:00", "daily", 0), now))
        assert len(await db.subscriptions()) == 2
    finally:
        await db.close()
    assert (tmp_path / "settings.sqlite.bak-001").exists()
