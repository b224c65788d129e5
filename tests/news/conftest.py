"""Fixtures for the intake and feed tests: a loopback server the fetch policy allows."""

from __future__ import annotations

import pytest

from tests.news.server import LocalServer


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("HYOSAN_FETCH_ALLOW", "127.0.0.1/32")
    s = LocalServer().start()
    yield s
    s.stop()
