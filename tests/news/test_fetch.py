"""The safe intake: schemes, private addresses on every hop, the deadline and the size cap."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from bot.facts.sources.fetch import FetchPolicy, FetchRefused, fetch, policy_from_env

LOOPBACK = policy_from_env({"HYOSAN_FETCH_ALLOW": "127.0.0.1/32"})


def get(url: str, policy: FetchPolicy = LOOPBACK, **kw):
    return asyncio.run(fetch(url, policy, **kw))


def refused(url: str, policy: FetchPolicy = LOOPBACK, **kw) -> str:
    with pytest.raises(FetchRefused) as err:
        get(url, policy, **kw)
    return str(err.value)


def test_a_page_on_an_allowed_address_comes_back_with_its_validators(server):
    server.text("/a", "<p>hello</p>", ETag='"v1"', **{"Last-Modified": "Tue, 01 Dec 2026"})
    got = get(server.url("/a"))
    assert (got.status, got.body, got.etag, got.charset) == (200, b"<p>hello</p>", '"v1"', "utf-8")


def test_conditional_get_sends_the_validators_and_returns_304(server):
    def handler(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(text="x", headers={"ETag": '"v1"'})

    server.route("/c", handler)
    assert get(server.url("/c"), etag='"v1"').status == 304
    assert server.hits["/c"][-1]["If-None-Match"] == '"v1"'


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://x/", "http:///nohost"]
)
def test_only_http_and_https_are_fetched(url):
    assert "only http:// and https://" in refused(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://224.0.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_link_local_multicast_addresses_are_refused(url):
    assert "private or reserved" in refused(url, FetchPolicy())


def test_a_name_is_checked_on_the_address_it_resolves_to(server):
    server.text("/a", "hi")
    message = refused(f"http://localhost:{server.port}/a", FetchPolicy())
    assert "private or reserved" in message and "127.0.0.1" in message


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "ftp://127.0.0.1/x"],
)
def test_every_redirect_hop_is_checked(server, target):
    server.route("/r", lambda req: web.HTTPFound(target))
    message = refused(server.url("/r"))
    assert "private or reserved" in message or "only http" in message


def test_redirects_are_followed_a_bounded_number_of_times(server):
    server.text("/end", "done")
    server.route("/hop", lambda req: web.HTTPFound("/end"))
    assert get(server.url("/hop")).body == b"done"
    server.route("/loop", lambda req: web.HTTPFound("/loop"))
    assert "more than 5 redirects" in refused(server.url("/loop"))


def test_a_huge_body_is_cut_at_the_cap(server):
    server.text("/big", "x" * 2_000)

    async def chunked(req):
        resp = web.StreamResponse()
        await resp.prepare(req)
        for _ in range(40):
            await resp.write(b"y" * 100)
        return resp

    server.route("/stream", chunked)
    small = FetchPolicy(allow=LOOPBACK.allow, max_bytes=1_000)
    assert "over the 1,000 limit" in refused(server.url("/big"), small)
    assert "over the 1,000-byte limit" in refused(server.url("/stream"), small)


def test_a_trickling_server_meets_one_total_deadline(server):
    async def trickle(req):
        resp = web.StreamResponse()
        await resp.prepare(req)
        for _ in range(100):
            await resp.write(b".")
            await asyncio.sleep(0.05)
        return resp

    server.route("/slow", trickle)
    slow = FetchPolicy(allow=LOOPBACK.allow, deadline=0.5)
    assert "no complete answer within 0.5 s" in refused(server.url("/slow"), slow)


def test_a_server_error_is_one_line(server):
    server.route("/500", lambda req: web.Response(status=500))
    assert refused(server.url("/500")).endswith("the server answered HTTP 500")
