"""The settings database: corrupt or unreadable files fail with one line and never hang."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from bot.errors import SettingsError
from bot.paths import ROOT
from bot.posting.settings.subscriptions import MIGRATIONS, SettingsDB


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
    from bot.posting.settings.lock import InstanceLock

    path = tmp_path / "settings.sqlite"
    first = InstanceLock(path).acquire()
    holder = _second_process_lock(path)  # another process: flock is per open file, so honest
    assert holder.returncode == 3
    assert "another hyosan-bot process" in holder.stdout and "settings.sqlite" in holder.stdout
    first.release()
    InstanceLock(path).acquire().release()  # free again once the first one stops


async def test_a_version_1_database_is_upgraded_with_its_subscriptions_and_a_backup(tmp_path):
    import datetime as dt

    from bot.posting.settings.options import SubscribeOptions, new_subscription

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


def _second_process_lock(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from bot.posting.settings.lock import InstanceLock; "
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


def test_a_second_process_through_a_symlink_is_refused(tmp_path):
    from bot.posting.settings.lock import InstanceLock

    (tmp_path / "real").mkdir()
    path = tmp_path / "real" / "settings.sqlite"
    link = tmp_path / "other-name.sqlite"
    link.symlink_to(path)
    (tmp_path / "linked-folder").symlink_to(tmp_path / "real", target_is_directory=True)
    first = InstanceLock(path).acquire()
    try:
        for name in (link, tmp_path / "linked-folder" / "settings.sqlite"):
            out = _second_process_lock(name)
            assert out.returncode == 3 and "another hyosan-bot process" in out.stdout, out
    finally:
        first.release()


def test_a_lock_file_that_cannot_be_made_is_one_line(tmp_path):
    from bot.posting.settings.lock import InstanceLock

    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(SettingsError) as info:
        InstanceLock(tmp_path / "plain-file" / "settings.sqlite").acquire()
    message = str(info.value)
    assert "one-process lock" in message and "is a file, not a folder" in message
    assert "\n" not in message


def _open_in_a_process(path, prelude: str = "") -> str:
    """Open the settings DB in a fresh process (limits set by `prelude`); its one line."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import asyncio, sys, resource; {prelude}\n"
            "from pathlib import Path\n"
            "from bot.errors import SettingsError\n"
            "from bot.posting.settings.lock import InstanceLock\n"
            "from bot.posting.settings.subscriptions import SettingsDB\n"
            "async def main():\n"
            " InstanceLock(Path(sys.argv[1])).acquire()\n"
            " db = await SettingsDB.open(Path(sys.argv[1])); await db.close()\n"
            "try:\n asyncio.run(main())\n"
            "except SettingsError as e:\n print(e); sys.exit(3)",
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 3 and "Traceback" not in out.stderr, out
    return out.stdout.strip()


async def test_a_database_from_a_newer_release_is_refused_by_name(tmp_path):
    path = tmp_path / "settings.sqlite"
    await make_db(path)
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(SettingsError) as info:
        await SettingsDB.open(path)
    message = str(info.value)
    assert "newer hyosan-bot" in message and "99" in message and "move it aside" not in message
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone() == (99,)  # left as it was
    con.close()


def test_a_locked_database_names_who_holds_it(tmp_path):
    path = tmp_path / "settings.sqlite"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('CREATE TABLE t (x)'); c.execute('BEGIN EXCLUSIVE')\n"
            "print('holding', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        message = _open_in_a_process(
            path, "import bot.posting.settings.database as d; d.BUSY_TIMEOUT = 0.2"
        )
        assert "locked by pid" in message and f"pid {holder.pid}" in message
        assert "move it aside" not in message and "Nothing was changed" in message
    finally:
        holder.kill()
        holder.wait()


def test_the_file_size_limit_is_named_not_taken_for_corruption(tmp_path):
    path = tmp_path / "settings.sqlite"
    limit = "resource.setrlimit(resource.RLIMIT_FSIZE, (8192, resource.RLIM_INFINITY))"
    message = _open_in_a_process(path, limit)
    assert "file-size limit" in message and "move it aside" not in message, message


def test_read_only_and_full_are_named_from_sqlites_own_errors(tmp_path):
    import sqlite3

    from bot.posting.settings.db_errors import explain

    path = tmp_path / "settings.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as readonly:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    full = sqlite3.connect(path)
    full.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as disk_full:
        full.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    full.close()
    for exc, words in ((readonly.value, "read-only"), (disk_full.value, "disk is full")):
        message = explain("settings.sqlite", path, exc)
        assert words in message and "move it aside" not in message, message
