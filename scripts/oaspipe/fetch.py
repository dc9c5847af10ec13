"""Fetch stage: download the vendor's OpenAPI document and replace the committed snapshot safely.

    >>> result = fetch_document(  # doctest: +SKIP
    ...     "https://example.com/openapi-v1.json",
    ...     snapshot=Path("openapi/example-v1.json"),
    ...     api_version="1",
    ... )
    >>> result.outcome, result.operations  # doctest: +SKIP
    ('updated', 47)

The snapshot is replaced only by a complete OpenAPI 3.0.x/3.1.x document (JSON or YAML), stored
as normalised JSON, followed by its provenance record (`<stem>.provenance.json`). On any failure
neither file is touched and `FetchError` carries one line saying what arrived.

Transient failures (connection errors, timeouts, truncated bodies, HTTP 429/500/502/503/504) are
retried with exponential backoff and jitter, honouring `Retry-After`. A snapshot whose provenance
still matches it is revalidated with `If-None-Match` / `If-Modified-Since`; a 304 writes nothing.
"""

from __future__ import annotations

import argparse
import datetime
import email.utils
import json
import os
import random
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx

from oaspipe.documents import DocumentError, dump_json, parse_document, sha256_hex, write_atomic
from oaspipe.project import Project

Outcome = Literal["updated", "unchanged", "not-modified"]

ACCEPT = "application/json, application/yaml;q=0.9, */*;q=0.1"
USER_AGENT = f"oaspipe-fetch/1 (OpenAPI snapshot fetcher; python-httpx/{httpx.__version__})"
#: Statuses worth another try: the server is overloaded, restarting or rate-limiting us.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: Keys that mark a JSON body as an API error rather than a document.
ERROR_KEYS = ("error", "errors", "message", "detail", "title", "status", "statusCode", "code")
_SUPPORTED_VERSION = re.compile(r"3\.[01]\.\d+(?:-[0-9A-Za-z.-]+)?")


class FetchError(Exception):
    """One line naming the URL and what went wrong or what arrived; the CLI prints it after `fetch: `."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))


class Failure(FetchError):
    """What one attempt met, without the URL; `fetch_document` turns it into a `FetchError` line."""

    def __init__(
        self,
        reason: str,
        *,
        transient: bool = False,
        network: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = _one_line(reason)
        self.transient = transient
        self.network = network
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchResult:
    """What `fetch_document` did; `sha256` and `operations` describe the snapshot now on disk."""

    outcome: Outcome
    url: str
    snapshot: Path
    provenance: Path
    sha256: str
    operations: int
    attempts: int
    elapsed: float


@dataclass(frozen=True)
class Reply:
    """A complete HTTP response, read into memory."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes
    url: str

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


# --------------------------------------------------------------------------------------------
# The stage


def fetch_document(
    url: str,
    *,
    snapshot: Path,
    provenance: Path | None = None,
    api_version: str,
    source_url_note: str = "",
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 1.0,
    max_retry_after: float = 60.0,
    transport: httpx.BaseTransport | None = None,
    now: Callable[[], datetime.datetime] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    jitter: Callable[[], float] = random.random,
) -> FetchResult:
    """Download `url` and, if it is an acceptable OpenAPI document, store it as `snapshot`.

    `retries` is the number of extra attempts after the first; `backoff` the first wait in
    seconds (doubled each time, with jitter). `now`, `sleep`, `jitter` and `transport` exist so
    tests can run without a clock or a network.

    Raises `FetchError` (one line) on any failure; then neither file has been touched.
    """
    provenance = provenance or provenance_path_for(snapshot)
    clock = now or _utc_now
    started = time.monotonic()
    previous = read_provenance(provenance)
    conditional = conditional_headers(snapshot, previous, url)

    def wait(attempt: int, failure: Failure) -> None:
        sleep(
            retry_delay(
                attempt,
                backoff=backoff,
                retry_after=failure.retry_after,
                max_retry_after=max_retry_after,
                jitter=jitter,
            )
        )

    with _client(timeout, transport) as client:
        reply, attempts = _get_with_retries(
            lambda: _get_once(client, url, conditional, timeout, clock()), url=url, retries=retries, wait=wait
        )
    elapsed = time.monotonic() - started
    if reply.status == 304:
        return _not_modified(url, snapshot, provenance, previous, attempts, elapsed)
    try:
        doc = parse_openapi(reply.body, reply.content_type)
    except Failure as failure:
        raise FetchError(f"{url}: {failure.reason} {_redirect_note(url, reply.url)}") from failure
    text = dump_json(doc)
    record = build_provenance(
        api_version=api_version,
        url=url,
        note="; ".join(part for part in (source_url_note, _redirect_note(url, reply.url)) if part),
        reply=reply,
        stored=text,
        operations=count_operations(doc),
        retrieved_at=clock(),
    )
    outcome = store(snapshot, provenance, text, record, previous)
    return FetchResult(
        outcome, url, snapshot, provenance, record["sha256"], record["operations"], attempts, elapsed
    )


def store(
    snapshot: Path, provenance: Path, text: str, record: dict[str, Any], previous: dict[str, Any] | None
) -> Outcome:
    """Write the snapshot, then its provenance; skip whatever would not change.

    An unchanged snapshot keeps its old provenance unless something besides `retrieved_at`
    differs (a new ETag, say), so re-fetching an unchanged document leaves `git status` clean.
    """
    data = text.encode("utf-8")
    if snapshot.is_file() and snapshot.read_bytes() == data:
        if previous is None or _without_time(previous) != _without_time(record):
            write_atomic(provenance, dump_json(record))
        return "unchanged"
    write_atomic(snapshot, data)
    write_atomic(provenance, dump_json(record))
    return "updated"


def _not_modified(
    url: str,
    snapshot: Path,
    provenance: Path,
    previous: dict[str, Any] | None,
    attempts: int,
    elapsed: float,
) -> FetchResult:
    # Only reached when conditional headers were sent, i.e. `previous` matched the snapshot.
    operations = previous.get("operations") if previous else None
    return FetchResult(
        "not-modified",
        url,
        snapshot,
        provenance,
        sha256_hex(snapshot.read_bytes()),
        operations if isinstance(operations, int) else 0,
        attempts,
        elapsed,
    )


def _without_time(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "retrieved_at"}


# --------------------------------------------------------------------------------------------
# Provenance


def provenance_path_for(snapshot: Path) -> Path:
    """The provenance file kept beside a snapshot (same rule as `Project.provenance_path`).

    >>> provenance_path_for(Path("openapi/x-v2.2.json")).as_posix()
    'openapi/x-v2.2.provenance.json'
    """
    return snapshot.with_name(snapshot.stem + ".provenance.json")


def read_provenance(path: Path) -> dict[str, Any] | None:
    """The stored provenance record, or None if it is missing or unreadable (then we fetch afresh)."""
    try:
        record = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def conditional_headers(snapshot: Path, previous: Mapping[str, Any] | None, url: str) -> dict[str, str]:
    """`If-None-Match` / `If-Modified-Since` from the provenance, if it still describes the snapshot.

    A hand-edited snapshot, a different URL or a half-written pair gets no validators: a 304
    would otherwise bless a snapshot that is not what the server holds.
    """
    if previous is None or previous.get("source_url") != url or not snapshot.is_file():
        return {}
    if previous.get("sha256") != sha256_hex(snapshot.read_bytes()):
        return {}
    headers = {}
    if isinstance(etag := previous.get("etag"), str) and etag:
        headers["If-None-Match"] = etag
    if isinstance(last_modified := previous.get("last_modified"), str) and last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


#: The keys of a provenance file, whether written by hand or by `fetch`.
PROVENANCE_KEYS = frozenset(
    {
        "api_version", "source_url", "source_url_note", "method", "how", "retrieved_at",
        "sha256", "etag", "last_modified", "content_type", "original_sha256", "operations",
    }
)  # fmt: skip


def build_provenance(
    *,
    api_version: str,
    url: str,
    note: str,
    reply: Reply,
    stored: str,
    operations: int,
    retrieved_at: datetime.datetime,
) -> dict[str, Any]:
    """The provenance record for a snapshot just fetched (`stored` is its normalised text)."""
    served_as = "JSON" if reply.body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else "YAML"
    return {
        "api_version": api_version,
        "source_url": url,
        "source_url_note": note,
        "method": "fetched",
        "how": (
            f"HTTP GET by the pipeline's fetch stage; served as {served_as}; "
            "stored as normalised JSON (keys sorted, 2-space indent)"
        ),
        "retrieved_at": retrieved_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha256": sha256_hex(stored),
        "etag": reply.headers.get("etag"),
        "last_modified": reply.headers.get("last-modified"),
        "content_type": reply.content_type,
        "original_sha256": sha256_hex(reply.body),
        "operations": operations,
    }


def count_operations(doc: Mapping[str, Any]) -> int:
    """Operations under `paths` (webhooks are not client calls).

    >>> count_operations({"paths": {"/a": {"get": {}, "post": {}, "parameters": []}}})
    2
    """
    paths = doc.get("paths")
    if not isinstance(paths, dict):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )


# --------------------------------------------------------------------------------------------
# HTTP with retries


def _client(timeout: float, transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        transport=transport,
        headers={"Accept": ACCEPT, "User-Agent": USER_AGENT},
    )


def _get_with_retries(
    attempt_once: Callable[[], Reply],
    *,
    url: str,
    retries: int,
    wait: Callable[[int, Failure], None],
) -> tuple[Reply, int]:
    """Call `attempt_once` until it succeeds, fails for good, or `retries` extra tries are spent."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return attempt_once(), attempt
        except Failure as failure:
            if not failure.transient or attempt > retries:
                raise FetchError(_final_message(url, failure, attempt)) from failure
            wait(attempt, failure)


def _final_message(url: str, failure: Failure, attempts: int) -> str:
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if failure.network:
        return f"network unreachable: {failure.reason} ({url}, {tries})"
    if failure.transient:
        return f"{url}: {failure.reason} (gave up after {tries})"
    return f"{url}: {failure.reason}"


def retry_delay(
    attempt: int,
    *,
    backoff: float,
    retry_after: float | None,
    max_retry_after: float,
    max_delay: float = 30.0,
    jitter: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait after failed attempt number `attempt` (1-based).

    The server's `Retry-After` wins, capped at `max_retry_after`; otherwise exponential backoff
    with "equal jitter" (between half and all of the step) so parallel jobs spread out.

    >>> retry_delay(1, backoff=1.0, retry_after=None, max_retry_after=60, jitter=lambda: 1.0)
    1.0
    >>> retry_delay(3, backoff=1.0, retry_after=None, max_retry_after=60, jitter=lambda: 0.0)
    2.0
    >>> retry_delay(1, backoff=1.0, retry_after=600.0, max_retry_after=60)
    60.0
    """
    if retry_after is not None:
        return float(min(max(retry_after, 0.0), max_retry_after))
    step = min(backoff * 2.0 ** (attempt - 1), max_delay)
    return step / 2 + step / 2 * jitter()


def parse_retry_after(value: str | None, now: datetime.datetime) -> float | None:
    """`Retry-After` as seconds from `now`: delay-seconds or an HTTP date; None if absent or odd.

    >>> parse_retry_after("2", datetime.datetime.now(datetime.UTC))
    2.0
    >>> t = datetime.datetime(2026, 11, 27, 5, 0, 0, tzinfo=datetime.UTC)
    >>> parse_retry_after("Fri, 27 Nov 2026 05:00:30 GMT", t)
    30.0
    """
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - now).total_seconds())


def _get_once(
    client: httpx.Client, url: str, conditional: dict[str, str], timeout: float, now: datetime.datetime
) -> Reply:
    """One GET, with every httpx failure turned into a `Failure` that says whether to retry."""
    try:
        response = client.get(url, headers=conditional)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise Failure(f"not a usable http(s) URL: {exc}") from exc
    except httpx.TooManyRedirects as exc:
        raise Failure(f"too many redirects ({exc})") from exc
    except httpx.DecodingError as exc:
        raise Failure(f"the body could not be decoded ({exc})") from exc
    except httpx.TimeoutException as exc:
        raise _timeout_failure(exc, url, timeout) from exc
    except httpx.ConnectError as exc:
        raise Failure(_connect_reason(exc, url), transient=True, network=True) from exc
    except httpx.RemoteProtocolError as exc:
        raise Failure(_protocol_reason(exc), transient=True) from exc
    except httpx.TransportError as exc:  # reset connections, proxy trouble: worth another try
        raise Failure(f"{type(exc).__name__}: {exc}", transient=True) from exc
    reply = Reply(
        response.status_code, response.reason_phrase, response.headers, response.content, str(response.url)
    )
    _check_length(response)
    _check_status(reply, url, conditional=bool(conditional), now=now)
    return reply


def _check_length(response: httpx.Response) -> None:
    # h11 already refuses a short body; this also covers transports that do not.
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) != response.num_bytes_downloaded:
        raise Failure(_truncated(response.num_bytes_downloaded, int(declared)), transient=True)


def _check_status(reply: Reply, url: str, *, conditional: bool, now: datetime.datetime) -> None:
    if 200 <= reply.status < 300 or (reply.status == 304 and conditional):
        return
    reason = (
        f"HTTP {reply.status} {reply.reason} ({describe_body(reply.body, reply.content_type, glimpse=True)})"
    )
    if reply.status in RETRY_STATUSES:
        retry_after = parse_retry_after(reply.headers.get("retry-after"), now)
        raise Failure(reason, transient=True, retry_after=retry_after)
    raise Failure(f"{reason} {_redirect_note(url, reply.url)}")


def _timeout_failure(exc: httpx.TimeoutException, url: str, timeout: float) -> Failure:
    where = _host_port(url)
    if isinstance(exc, httpx.ConnectTimeout):  # nothing answers at all: usually no network
        return Failure(f"timed out after {timeout:g} s connecting to {where}", transient=True, network=True)
    doing = {
        httpx.ReadTimeout: "waiting for the response",
        httpx.WriteTimeout: "sending the request",
        httpx.PoolTimeout: "waiting for a free connection",
    }.get(type(exc), "")
    return Failure(f"timed out after {timeout:g} s {doing}".rstrip(), transient=True)


def _connect_reason(exc: httpx.ConnectError, url: str) -> str:
    host = httpx.URL(url).host
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host {host}: {cause.strerror or cause}"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {_host_port(url)}"
    text = str(exc) or type(exc).__name__
    if "name resolution" in text or "not known" in text or "nodename nor servname" in text:
        return f"cannot resolve host {host}: {text}"
    return f"cannot connect to {_host_port(url)} ({text})"


def _protocol_reason(exc: httpx.RemoteProtocolError) -> str:
    match = re.search(r"received (\d+) bytes, expected (\d+)", str(exc))
    if match:
        return _truncated(int(match[1]), int(match[2]))
    return f"protocol error: {exc}"


def _truncated(received: int, declared: int) -> str:
    return f"truncated body: received {received} of {declared} bytes promised by Content-Length"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = exc
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _host_port(url: str) -> str:
    parsed = httpx.URL(url)
    return f"{parsed.host}:{parsed.port or (443 if parsed.scheme == 'https' else 80)}"


def _redirect_note(url: str, final: str) -> str:
    if final == url:
        return ""
    # Drop the query: signed download URLs change on every request.
    return f"[redirected to {final.split('?', 1)[0]}]"


# --------------------------------------------------------------------------------------------
# What arrived


def parse_openapi(body: bytes, content_type: str | None = None) -> dict[str, Any]:
    """Parse a response body and accept it only if it is an OpenAPI 3.0.x or 3.1.x document.

    >>> parse_openapi(b'openapi: 3.1.0\\ninfo: {title: t, version: "1"}\\npaths: {}\\n')["openapi"]
    '3.1.0'
    >>> parse_openapi(b"[]", "application/json")
    Traceback (most recent call last):
    ...
    oaspipe.fetch.Failure: a JSON array of 0 items, not an OpenAPI document (application/json, 2 bytes)
    """
    what = describe_body(body, content_type)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Failure(f"not UTF-8 text ({what}; bad byte at offset {exc.start}: {body[:16]!r}…)") from exc
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.strip():
        raise Failure(f"empty body ({what})")
    if stripped.startswith("<"):
        raise Failure(_markup_reason(stripped, what))
    return check_openapi(_parse_text(text, stripped, what), what)


def check_openapi(doc: Any, what: str = "") -> dict[str, Any]:
    """Accept parsed data only if it is an OpenAPI 3.0.x/3.1.x mapping with `info` and content."""
    if not isinstance(doc, dict):
        raise Failure(_not_a_mapping(doc, what))
    if "swagger" in doc:
        version = doc["swagger"]
        raise Failure(
            f"Swagger {version} document (swagger: {version!r}); "
            "the generator needs OpenAPI 3.0/3.1 — convert it first"
        )
    if "openapi" not in doc:
        raise Failure(_not_openapi_object(doc, what))
    version = doc["openapi"]
    if not isinstance(version, str):  # YAML reads an unquoted `openapi: 3.1` as a number
        raise Failure(f"'openapi' is {version!r}, not a version string such as '3.0.3' or '3.1.0'")
    if not _SUPPORTED_VERSION.fullmatch(version):
        raise Failure(
            f"OpenAPI {version} document (openapi: {version!r}); the generator needs OpenAPI 3.0.x or 3.1.x"
        )
    if not isinstance(doc.get("info"), dict):
        raise Failure(f"OpenAPI {version} document without an 'info' object")
    _check_content(doc, version)
    return doc


def _check_content(doc: Mapping[str, Any], version: str) -> None:
    if version.startswith("3.0."):
        if not isinstance(doc.get("paths"), dict):
            raise Failure(f"OpenAPI {version} document without a 'paths' object")
    elif not any(isinstance(doc.get(key), dict) for key in ("paths", "webhooks", "components")):
        raise Failure(f"OpenAPI {version} document without 'paths', 'webhooks' or 'components'")


def describe_body(body: bytes, content_type: str | None, *, glimpse: bool = False) -> str:
    """Content type and size, optionally with the page title or the first few characters.

    >>> describe_body(b"<html><title>Log in</title></html>", "text/html", glimpse=True)
    "text/html, 34 bytes, title 'Log in'"
    """
    parts = [content_type or "no Content-Type", f"{len(body)} byte{'s' if len(body) != 1 else ''}"]
    if glimpse and body.strip():
        text = body.decode("utf-8", "replace")
        title = _html_title(text)
        parts.append(f"title {title!r}" if title is not None else f"starts {_snippet(text)!r}")
    return ", ".join(parts)


def _parse_text(text: str, stripped: str, what: str) -> Any:
    looks_json = stripped.startswith(("{", "["))
    try:
        return parse_document(text, name="body.json" if looks_json else "body.yaml")
    except DocumentError as exc:
        cause = exc.__cause__
        if isinstance(cause, json.JSONDecodeError):
            raise Failure(_json_reason(cause, what)) from exc
        detail = str(exc).removeprefix("body.yaml: ")
        raise Failure(f"{detail} ({what}; starts {_snippet(stripped)!r})") from exc
    except RecursionError as exc:
        raise Failure(f"nested too deeply to parse ({what})") from exc


def _json_reason(exc: json.JSONDecodeError, what: str) -> str:
    where = f"line {exc.lineno} column {exc.colno} (char {exc.pos})"
    if exc.msg.startswith("Unterminated string"):  # the scanner hit the end looking for the quote
        return f"truncated JSON: the text ends inside a string that starts at {where} ({what})"
    if exc.pos >= len(exc.doc.rstrip()):
        return f"truncated JSON: the text ends early at {where} ({what}): {exc.msg}"
    return f"invalid JSON at {where} ({what}): {exc.msg}"


def _markup_reason(text: str, what: str) -> str:
    title = _html_title(text)
    lowered = text[:4096].lower()
    if title is None and "<html" not in lowered and "<!doctype html" not in lowered:
        return f"XML or other markup, not an OpenAPI document ({what}, starts {_snippet(text)!r})"
    login = re.search(r"log ?in|sign ?in|password", f"{title or ''} {lowered}")
    hint = "; looks like a login page, so the URL may need authentication" if login else ""
    return f"an HTML page, not an OpenAPI document ({what}, title {title or ''!r}){hint}"


def _not_a_mapping(doc: Any, what: str) -> str:
    if isinstance(doc, list):
        return (
            f"a JSON array of {len(doc)} item{'s' if len(doc) != 1 else ''}, not an OpenAPI document ({what})"
        )
    if isinstance(doc, str):  # YAML reads any plain text as one string
        return f"plain text, not an OpenAPI document ({what}, starts {_snippet(doc)!r})"
    kind = "null" if doc is None else type(doc).__name__
    return f"a JSON {kind} ({doc!r}), not an OpenAPI document ({what})"


def _not_openapi_object(doc: Mapping[str, Any], what: str) -> str:
    errors = [
        f"{key}: {_snippet(json.dumps(doc[key], ensure_ascii=False))}" for key in ERROR_KEYS if key in doc
    ]
    if errors:
        return f"an error response, not an OpenAPI document ({what}; {'; '.join(errors[:3])})"
    keys = ", ".join(sorted(doc)[:8]) + (", …" if len(doc) > 8 else "")
    return f"an object without 'openapi', not an OpenAPI document ({what}; keys: {keys or 'none'})"


def _html_title(text: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title\s*>", text[:65536], re.IGNORECASE | re.DOTALL)
    return _snippet(match[1], 80) if match else None


def _snippet(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


# --------------------------------------------------------------------------------------------
# Command line


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], project: Project
) -> argparse.ArgumentParser:
    """Add the `fetch` subcommand; `args.func(args)` runs it and returns the exit status.

    parser = argparse.ArgumentParser(prog="pipeline")
    register(parser.add_subparsers(required=True), project)
    args = parser.parse_args(["fetch", "--api-version", "2.3"])
    sys.exit(args.func(args))
    """
    parser = subparsers.add_parser(
        "fetch",
        help="download the vendor's OpenAPI document into the snapshot",
        description=(
            "Download the vendor's OpenAPI document, check that it is OpenAPI 3.0.x/3.1.x, and "
            "replace the snapshot with its normalised JSON plus a provenance record beside it. "
            "Nothing is written unless the whole document arrived and passed the checks."
        ),
        epilog=_percent(
            f"URL: --url, else ${project.url_env}, else {project.url_template}. "
            "Exit status 0 on updated/unchanged/not modified, 1 on any failure (one line on stderr)."
        ),
    )
    parser.add_argument(
        "--api-version",
        choices=project.api_versions,
        default=project.default_api_version,
        help="API version to fetch (default: %(default)s)",
    )
    parser.add_argument(
        "--url",
        help=_percent(
            f"document URL, may contain {{version}}; overrides ${project.url_env} and the project default"
        ),
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="snapshot file to write (default: the project's snapshot for the version); "
        "the provenance goes beside it as <stem>.provenance.json",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=30.0,
        help="seconds per connect/read (default: %(default)s)",
    )
    parser.add_argument(
        "--retries",
        type=_non_negative_int,
        default=3,
        help="extra attempts after transient failures (default: %(default)s)",
    )

    def command(args: argparse.Namespace) -> int:
        return run(args, project)

    parser.set_defaults(func=command)
    return parser


def run(args: argparse.Namespace, project: Project) -> int:
    """Run `fetch` for parsed arguments: one line on stdout, or one `fetch: ` line on stderr and 1."""
    version: str = args.api_version
    try:
        url = project.source_url(version, args.url)
    except (KeyError, IndexError, ValueError) as exc:
        return _fail(f"bad URL template (only {{version}} is filled in): {exc!r}")
    snapshot: Path = args.output or project.snapshot_path(version)
    provenance = provenance_path_for(args.output) if args.output else project.provenance_path(version)
    try:
        result = fetch_document(
            url,
            snapshot=snapshot,
            provenance=provenance,
            api_version=version,
            source_url_note=url_note(project, args.url),
            timeout=args.timeout,
            retries=args.retries,
        )
    except FetchError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {exc.filename or snapshot}: {exc.strerror or exc}")
    print(format_result(result))
    return 0


def url_note(project: Project, override: str | None) -> str:
    """Where the URL came from, for the provenance record."""
    if override:
        return "given with --url"
    if os.environ.get(project.url_env):
        return f"from the {project.url_env} environment variable"
    return project.url_template_note


def format_result(result: FetchResult) -> str:
    """The success line.

    `fetch: updated openapi/x.json (47 operations, sha256 1a2b3c4d…) from URL in 0.4 s`
    """
    label = {"updated": "updated", "unchanged": "unchanged", "not-modified": "not modified"}[result.outcome]
    return (
        f"fetch: {label} {_display(result.snapshot)} ({result.operations} operations, "
        f"sha256 {result.sha256[:8]}…) from {result.url} in {result.elapsed:.1f} s"
    )


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _fail(message: str) -> int:
    print(f"fetch: {_one_line(message)}", file=sys.stderr)
    return 1


def _percent(text: str) -> str:
    # argparse %-formats help strings; a URL may contain `%`.
    return text.replace("%", "%%")


def _positive_float(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be > 0, not {value}")
    return number


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, not {value}")
    return number
