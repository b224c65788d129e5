"""Safe intake of a URL (a page for `add`, a feed for `feeds`): one fetcher for every download.

Only http(s). Every address the bot would connect to is checked, the URL's own and each
redirect hop's (redirects are followed here, at most `max_redirects`): private, loopback,
link-local, multicast, reserved and other non-global addresses are refused unless the owner
allows them (`HYOSAN_FETCH_ALLOW`, hosts or CIDR ranges, for a self-hosted feed). Names are
resolved by our own resolver, which checks the addresses and hands only those to aiohttp, so
the connection goes to the address that was checked (no DNS rebinding between check and
connect). One deadline covers the whole download, redirects included, and the body is cut at
`max_bytes`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from bot.errors import BuildError

USER_AGENT = "hyosan-bot (news intake; +https://github.com/hyosan-bot)"
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchRefused(BuildError):
    """A download refused or failed; the message is one line naming the URL and the reason.
    `transient`: it may work later (a timeout, a 5xx, 429, no connection)."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class FetchPolicy:
    """What a download may do. `allow` lists the non-global addresses the owner allows."""

    allow: tuple[_Network, ...] = ()
    allow_hosts: frozenset[str] = frozenset()
    deadline: float = 30.0  # seconds for the whole download, redirects included
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    def permits(self, ip: _Address) -> bool:
        """A global unicast address, or one the owner allowed."""
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if any(ip in net for net in self.allow):
            return True
        return ip.is_global and not ip.is_multicast


def policy_from_env(env=os.environ, **overrides) -> FetchPolicy:
    """The policy with `HYOSAN_FETCH_ALLOW` (comma-separated IPs, CIDRs or host names)."""
    nets: list[_Network] = []
    hosts: set[str] = set()
    for item in filter(None, (x.strip() for x in env.get("HYOSAN_FETCH_ALLOW", "").split(","))):
        try:
            nets.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            hosts.add(item.lower().rstrip("."))
    return FetchPolicy(allow=tuple(nets), allow_hosts=frozenset(hosts), **overrides)


@dataclass(frozen=True)
class Fetched:
    """A finished download: the final URL, status (200, or 304 for a conditional GET), body."""

    url: str
    status: int
    body: bytes
    charset: str | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


class _CheckedResolver(AbstractResolver):
    """Resolves a name, keeps only the addresses the policy permits, refuses when none is."""

    def __init__(self, policy: FetchPolicy):
        self._policy = policy

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[dict]:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, family=family)
        out, refused = [], []
        for fam, _, proto, _, addr in infos:
            ip = ipaddress.ip_address(addr[0].split("%")[0])
            if self._policy.permits(ip) or host.lower().rstrip(".") in self._policy.allow_hosts:
                out.append(
                    dict(
                        hostname=host,
                        host=str(ip),
                        port=port,
                        family=fam,
                        proto=proto,
                        flags=socket.AI_NUMERICHOST,
                    )
                )
            else:
                refused.append(str(ip))
        if not out:
            where = f" ({', '.join(sorted(set(refused)))})" if refused else ""
            raise FetchRefused(f"{host} resolves to a private or reserved address{where}")
        return out

    async def close(self) -> None:
        return None


def check_url(url: str, policy: FetchPolicy) -> None:
    """Refuse a URL that is not http(s), or whose host is a literal address not permitted."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"{url}: only http:// and https:// addresses can be fetched")
    try:
        ip = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return  # a name: checked when it is resolved
    if not policy.permits(ip):
        raise FetchRefused(
            f"{url}: {ip} is a private or reserved address; set HYOSAN_FETCH_ALLOW to allow it"
        )


async def _body(resp: aiohttp.ClientResponse, url: str, limit: int) -> bytes:
    if resp.content_length is not None and resp.content_length > limit:
        raise FetchRefused(f"{url}: {resp.content_length:,} bytes is over the {limit:,} limit")
    chunks, size = [], 0
    async for chunk in resp.content.iter_chunked(65536):
        size += len(chunk)
        if size > limit:
            raise FetchRefused(f"{url}: over the {limit:,}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


async def _get(session, url: str, policy: FetchPolicy, headers: dict[str, str]) -> Fetched:
    for _ in range(policy.max_redirects + 1):
        check_url(url, policy)
        async with session.get(url, headers=headers, allow_redirects=False) as resp:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise FetchRefused(f"{url}: a redirect ({resp.status}) with no Location")
                url = urljoin(url, location)
                continue
            if resp.status == 304:
                return Fetched(url, 304, b"")
            if resp.status != 200:
                raise FetchRefused(
                    f"{url}: the server answered HTTP {resp.status}",
                    transient=resp.status >= 500 or resp.status in (408, 429),
                )
            body = await _body(resp, url, policy.max_bytes)
            return Fetched(
                url,
                200,
                body,
                resp.charset,
                resp.content_type,
                resp.headers.get("ETag"),
                resp.headers.get("Last-Modified"),
                dict(resp.headers),
            )
    raise FetchRefused(f"{url}: more than {policy.max_redirects} redirects")


async def fetch(
    url: str,
    policy: FetchPolicy,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "text/html,application/xhtml+xml,*/*;q=0.8",
) -> Fetched:
    """Download `url` under `policy`; FetchRefused (one line) on any refusal or failure.
    With `etag` / `last_modified` it is a conditional GET, and a 304 comes back as such."""
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    connector = aiohttp.TCPConnector(resolver=_CheckedResolver(policy), use_dns_cache=False)
    try:
        async with (
            asyncio.timeout(policy.deadline),
            aiohttp.ClientSession(connector=connector, trust_env=False) as session,
        ):
            return await _get(session, url, policy, headers)
    except FetchRefused:
        raise
    except TimeoutError:
        raise FetchRefused(
            f"{url}: no complete answer within {policy.deadline:g} s", transient=True
        ) from None
    except (aiohttp.ClientError, OSError, ValueError) as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, FetchRefused) else None
        if cause is not None:
            raise FetchRefused(f"{url}: {cause}") from None
        raise FetchRefused(
            f"{url}: could not download it ({type(exc).__name__}: {exc})", transient=True
        ) from None
