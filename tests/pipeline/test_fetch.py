"""The fetch stage against a real HTTP server on 127.0.0.1 that serves scripted responses."""

from __future__ import annotations

import argparse
import datetime
import email.utils
import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from oaspipe.documents import dump_json, sha256_hex
from oaspipe.fetch import (
    ACCEPT,
    PROVENANCE_KEYS,
    FetchError,
    FetchResult,
    fetch_document,
    provenance_path_for,
    register,
)
from oaspipe.project import Project

from tests.pipeline.conftest import make_project

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
NOW = datetime.datetime(2026, 11, 27, 5, 0, 0, tzinfo=datetime.UTC)
OLD_MTIME_NS = 1_000_000_000 * 10**9

DOC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Demo", "version": "2.2"},
    "paths": {
        "/contacts": {
            "get": {"operationId": "listContacts", "responses": {"200": {"description": "ok"}}},
            "post": {"operationId": "createContact", "responses": {"201": {"description": "made"}}},
        },
        "/contacts/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {"operationId": "getContact", "responses": {"200": {"description": "ok"}}},
        },
    },
}
# Vendor order (paths first) and compact separators: the snapshot must not depend on either.
DOC_JSON = json.dumps(
    {"paths": DOC["paths"], "openapi": "3.0.3", "info": DOC["info"]}, separators=(",", ":")
).encode()
DOC_YAML = b"""\
paths:
  /contacts/{id}:
    get:
      operationId: getContact
      responses:
        200: {description: ok}
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
  /contacts:
    post:
      operationId: createContact
      responses:
        '201': {description: made}
    get:
      operationId: listContacts
      responses:
        '200': {description: ok}
openapi: 3.0.3
info: {version: '2.2', title: Demo}
"""
JSON_TYPE = {"Content-Type": "application/json"}


# --------------------------------------------------------------------------------------------
# A scripted HTTP server


@dataclass
class Canned:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    #: Declared length when it should differ from the real one (a truncated transfer).
    content_length: int | None = None


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


class Script:
    """Responses per path (the last one repeats) and every request received."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.routes: dict[str, list[Canned]] = {}
        self.requests: list[Seen] = []

    def route(self, path: str, *responses: Canned) -> str:
        self.routes[path] = list(responses)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def next(self, path: str) -> Canned:
        queue = self.routes.get(path)
        if not queue:
            return Canned(404, b"no route", {"Content-Type": "text/plain"})
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path)


class _Server(ThreadingHTTPServer):
    script: Script


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        script = self.server.script
        script.requests.append(
            Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        )
        canned = script.next(self.path)
        time.sleep(canned.delay)
        try:
            self.send_response(canned.status)
            for name, value in canned.headers.items():
                self.send_header(name, value)
            if canned.status != 304:
                length = len(canned.body) if canned.content_length is None else canned.content_length
                self.send_header("Content-Length", str(length))
            self.end_headers()
            self.wfile.write(canned.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Script]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.script = Script(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield httpd.script
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


# --------------------------------------------------------------------------------------------
# Helpers


@dataclass
class Existing:
    """A committed snapshot and provenance, back-dated so any rewrite shows in the mtime."""

    snapshot: Path
    provenance: Path
    snapshot_bytes: bytes
    provenance_bytes: bytes

    def assert_untouched(self) -> None:
        assert self.snapshot.read_bytes() == self.snapshot_bytes
        assert self.provenance.read_bytes() == self.provenance_bytes
        assert self.snapshot.stat().st_mtime_ns == OLD_MTIME_NS
        assert self.provenance.stat().st_mtime_ns == OLD_MTIME_NS
        assert sorted(p.name for p in self.snapshot.parent.iterdir()) == sorted(
            [self.snapshot.name, self.provenance.name]
        ), "no temporary files left behind"


def backdate(*paths: Path) -> None:
    for path in paths:
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))


@pytest.fixture
def existing(tmp_path: Path) -> Existing:
    snapshot = tmp_path / "openapi" / "demo-v2.2.json"
    snapshot.parent.mkdir()
    snapshot.write_text(dump_json({"openapi": "3.0.0", "info": {"title": "old"}, "paths": {}}))
    provenance = provenance_path_for(snapshot)
    provenance.write_text(dump_json({"method": "hand-written", "sha256": sha256_hex(snapshot.read_bytes())}))
    backdate(snapshot, provenance)
    return Existing(snapshot, provenance, snapshot.read_bytes(), provenance.read_bytes())


def fetch(url: str, snapshot: Path, **options: Any) -> FetchResult:
    """`fetch_document` with test-sized defaults: fixed clock, no real sleeping, two retries."""
    settings: dict[str, Any] = {
        "api_version": "2.2",
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.001,
        "now": lambda: NOW,
        "sleep": lambda seconds: None,
    }
    settings.update(options)
    return fetch_document(url, snapshot=snapshot, **settings)


def fetch_error(url: str, snapshot: Path, **options: Any) -> str:
    with pytest.raises(FetchError) as info:
        fetch(url, snapshot, **options)
    message = str(info.value)
    assert "\n" not in message
    return message


def load(path: Path) -> Any:
    return json.loads(path.read_text())


# --------------------------------------------------------------------------------------------
# Accepted documents


def test_json_document_is_stored_normalised_with_provenance(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.json", Canned(body=DOC_JSON, headers=JSON_TYPE))
    snapshot = tmp_path / "openapi" / "demo-v2.2.json"

    result = fetch(url, snapshot, source_url_note="test server")

    text = snapshot.read_text()
    assert text == dump_json(DOC)
    assert text.startswith('{\n  "info": {\n    "title": "Demo",')  # sorted keys, 2-space indent
    assert text.endswith("}\n")
    assert (result.outcome, result.operations, result.attempts) == ("updated", 3, 1)
    assert result.provenance == tmp_path / "openapi" / "demo-v2.2.provenance.json"
    record = load(result.provenance)
    assert set(record) == PROVENANCE_KEYS
    assert record["sha256"] == sha256_hex(snapshot.read_bytes()) == result.sha256
    assert record["original_sha256"] == sha256_hex(DOC_JSON) != record["sha256"]
    assert record["api_version"] == "2.2"
    assert record["source_url"] == url
    assert record["source_url_note"] == "test server"
    assert record["method"] == "fetched"
    assert "served as JSON" in record["how"]
    assert record["retrieved_at"] == "2026-11-27T05:00:00Z"
    assert record["content_type"] == "application/json"
    assert record["operations"] == 3
    assert (record["etag"], record["last_modified"]) == (None, None)
    assert result.provenance.read_text() == dump_json(record)


def test_yaml_document_is_stored_as_the_same_normalised_json(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.yaml", Canned(body=DOC_YAML, headers={"Content-Type": "application/yaml"}))
    snapshot = tmp_path / "demo.json"

    result = fetch(url, snapshot)

    assert snapshot.read_text() == dump_json(DOC)  # int key 200 became "200", order sorted
    record = load(result.provenance)
    assert record["original_sha256"] == sha256_hex(DOC_YAML)
    assert "served as YAML" in record["how"]
    assert record["content_type"] == "application/yaml"


def test_request_headers_and_openapi_31_without_paths(server: Script, tmp_path: Path) -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "hooks", "version": "1"}, "webhooks": {"ping": {}}}
    url = server.route("/hooks.json", Canned(body=json.dumps(doc).encode(), headers=JSON_TYPE))

    result = fetch(url, tmp_path / "hooks.json")

    assert (result.outcome, result.operations) == ("updated", 0)
    seen = server.requests[0].headers
    assert seen["accept"] == ACCEPT == "application/json, application/yaml;q=0.9, */*;q=0.1"
    assert seen["user-agent"].startswith("oaspipe-fetch/")
    assert "if-none-match" not in seen
    assert "if-modified-since" not in seen


def test_redirect_is_followed_and_noted(server: Script, tmp_path: Path) -> None:
    url = server.route("/latest.json", Canned(302, headers={"Location": "/v2.2/doc.json"}))
    server.route("/v2.2/doc.json", Canned(body=DOC_JSON, headers=JSON_TYPE))

    result = fetch(url, tmp_path / "x.json", source_url_note="test")

    record = load(result.provenance)
    assert record["source_url"] == url
    assert record["source_url_note"] == f"test; [redirected to {server.url('/v2.2/doc.json')}]"


# --------------------------------------------------------------------------------------------
# Conditional GET, unchanged content


def test_etag_and_last_modified_are_stored_and_sent_back_and_304_changes_nothing(
    server: Script, tmp_path: Path
) -> None:
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 25 Nov 2026 10:00:00 GMT", **JSON_TYPE}
    url = server.route("/doc.json", Canned(body=DOC_JSON, headers=validators), Canned(304))
    snapshot = tmp_path / "demo.json"
    first = fetch(url, snapshot)
    record = load(first.provenance)
    assert (record["etag"], record["last_modified"]) == ('"v1"', "Wed, 25 Nov 2026 10:00:00 GMT")
    backdate(snapshot, first.provenance)
    before = Existing(snapshot, first.provenance, snapshot.read_bytes(), first.provenance.read_bytes())

    second = fetch(url, snapshot, now=lambda: NOW + datetime.timedelta(days=1))

    assert second.outcome == "not-modified"
    assert (second.sha256, second.operations) == (first.sha256, 3)
    sent = server.requests[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Wed, 25 Nov 2026 10:00:00 GMT"
    before.assert_untouched()


def test_no_validators_when_the_snapshot_no_longer_matches_its_provenance(
    server: Script, tmp_path: Path
) -> None:
    url = server.route("/doc.json", Canned(body=DOC_JSON, headers={"ETag": '"v1"', **JSON_TYPE}))
    snapshot = tmp_path / "demo.json"
    fetch(url, snapshot)
    snapshot.write_text(snapshot.read_text().replace("Demo", "Edited by hand"))

    result = fetch(url, snapshot)

    assert "if-none-match" not in server.requests[1].headers
    assert result.outcome == "updated"
    assert snapshot.read_text() == dump_json(DOC)


def test_same_content_is_unchanged_and_leaves_both_files_alone(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.json", Canned(body=DOC_JSON, headers=JSON_TYPE))
    snapshot = tmp_path / "demo.json"
    first = fetch(url, snapshot)
    backdate(snapshot, first.provenance)
    before = Existing(snapshot, first.provenance, snapshot.read_bytes(), first.provenance.read_bytes())

    second = fetch(url, snapshot, now=lambda: NOW + datetime.timedelta(hours=1))

    assert second.outcome == "unchanged"
    assert second.sha256 == first.sha256
    before.assert_untouched()  # retrieved_at alone is not worth a diff


def test_reformatted_content_is_unchanged_but_provenance_follows_the_new_bytes(
    server: Script, tmp_path: Path
) -> None:
    url = server.route(
        "/doc",
        Canned(body=DOC_JSON, headers=JSON_TYPE),
        Canned(body=DOC_YAML, headers={"Content-Type": "application/yaml"}),
    )
    snapshot = tmp_path / "demo.json"
    first = fetch(url, snapshot)
    backdate(snapshot)
    snapshot_bytes = snapshot.read_bytes()

    second = fetch(url, snapshot)

    assert second.outcome == "unchanged"
    assert snapshot.read_bytes() == snapshot_bytes
    assert snapshot.stat().st_mtime_ns == OLD_MTIME_NS
    assert load(second.provenance)["original_sha256"] == sha256_hex(DOC_YAML)
    assert load(second.provenance)["sha256"] == first.sha256


# --------------------------------------------------------------------------------------------
# Rejected responses: one line saying what arrived, nothing written

HTML_LOGIN = (
    b"<!DOCTYPE html>\n<html><head><title>Log in | Salesmessage</title></head>\n"
    b'<body><form><input type="password"></form></body></html>'
)
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}

REJECTIONS: list[tuple[str, Canned, str]] = [
    (
        "html-login-page",
        Canned(body=HTML_LOGIN, headers=HTML_TYPE),
        "an HTML page, not an OpenAPI document (text/html; charset=utf-8, 128 bytes, "
        "title 'Log in | Salesmessage'); looks like a login page, so the URL may need authentication",
    ),
    ("empty", Canned(body=b"", headers=JSON_TYPE), "empty body (application/json, 0 bytes)"),
    ("whitespace", Canned(body=b" \n", headers=JSON_TYPE), "empty body (application/json, 2 bytes)"),
    (
        "json-cut-short",
        Canned(body=DOC_JSON[:40], headers=JSON_TYPE),
        "truncated JSON: the text ends inside a string that starts at line 1 column 31 (char 30) "
        "(application/json, 40 bytes)",
    ),
    (
        "json-cut-between-values",
        Canned(body=b'{"openapi": "3.0.3", "paths": {"/a": {}}, ', headers=JSON_TYPE),
        "truncated JSON: the text ends early at line 1 column 43 (char 42) (application/json, 42 bytes): "
        "Expecting property name enclosed in double quotes",
    ),
    (
        "json-broken",
        Canned(body=b'{"openapi": "3.0.3",, "paths": {}}', headers=JSON_TYPE),
        "invalid JSON at line 1 column 21 (char 20) (application/json, 34 bytes): "
        "Expecting property name enclosed in double quotes",
    ),
    (
        "swagger-2",
        Canned(body=b'{"swagger": "2.0", "info": {"title": "t"}, "paths": {}}', headers=JSON_TYPE),
        "Swagger 2.0 document (swagger: '2.0'); the generator needs OpenAPI 3.0/3.1 — convert it first",
    ),
    (
        "openapi-3.2",
        Canned(body=b'{"openapi": "3.2.0", "info": {"title": "t"}, "paths": {}}', headers=JSON_TYPE),
        "OpenAPI 3.2.0 document (openapi: '3.2.0'); the generator needs OpenAPI 3.0.x or 3.1.x",
    ),
    (
        "openapi-unquoted-yaml-number",
        Canned(body=b"openapi: 3.1\ninfo: {title: t}\npaths: {}\n"),
        "'openapi' is 3.1, not a version string such as '3.0.3' or '3.1.0'",
    ),
    (
        "json-array",
        Canned(body=b"[1, 2, 3]", headers=JSON_TYPE),
        "a JSON array of 3 items, not an OpenAPI document (application/json, 9 bytes)",
    ),
    (
        "error-json",
        Canned(body=b'{"message": "Unauthenticated."}', headers=JSON_TYPE),
        "an error response, not an OpenAPI document "
        '(application/json, 31 bytes; message: "Unauthenticated.")',
    ),
    (
        "no-info",
        Canned(body=b'{"openapi": "3.0.3", "paths": {}}', headers=JSON_TYPE),
        "OpenAPI 3.0.3 document without an 'info' object",
    ),
    (
        "plain-text",
        Canned(body=b"Service moved.\n", headers={"Content-Type": "text/plain"}),
        "plain text, not an OpenAPI document (text/plain, 15 bytes, starts 'Service moved.')",
    ),
    (
        "http-404",
        Canned(404, b"Not Found", {"Content-Type": "text/plain"}),
        "HTTP 404 Not Found (text/plain, 9 bytes, starts 'Not Found')",
    ),
    (
        "http-403-html",
        Canned(403, b"<html><title>Forbidden</title></html>", HTML_TYPE),
        "HTTP 403 Forbidden (text/html; charset=utf-8, 37 bytes, title 'Forbidden')",
    ),
]


@pytest.mark.parametrize(
    ("canned", "expected"), [(c, e) for _, c, e in REJECTIONS], ids=[i for i, _, _ in REJECTIONS]
)
def test_rejected_at_once_with_one_line_and_old_snapshot_kept(
    server: Script, existing: Existing, canned: Canned, expected: str
) -> None:
    url = server.route("/doc.json", canned)

    message = fetch_error(url, existing.snapshot)

    if expected.endswith("starting at"):  # json's message goes on with the position
        assert message.startswith(f"{url}: {expected}")
    else:
        assert message == f"{url}: {expected}"
    assert server.hits("/doc.json") == 1, "content and 4xx problems are not retried"
    existing.assert_untouched()


def test_html_login_page_behind_a_redirect_names_where_it_landed(server: Script, existing: Existing) -> None:
    url = server.route("/doc.json", Canned(302, headers={"Location": "/login?next=/doc.json"}))
    server.route("/login?next=/doc.json", Canned(body=HTML_LOGIN, headers=HTML_TYPE))

    message = fetch_error(url, existing.snapshot)

    assert message.startswith(f"{url}: an HTML page, not an OpenAPI document (text/html; charset=utf-8")
    assert message.endswith(f"[redirected to {server.url('/login')}]")
    existing.assert_untouched()


def test_body_shorter_than_content_length_is_retried_then_rejected(
    server: Script, existing: Existing
) -> None:
    url = server.route(
        "/doc.json", Canned(body=DOC_JSON[:40], headers=JSON_TYPE, content_length=len(DOC_JSON))
    )

    message = fetch_error(url, existing.snapshot, retries=1)

    assert message == (
        f"{url}: truncated body: received 40 of {len(DOC_JSON)} bytes promised by Content-Length "
        "(gave up after 2 attempts)"
    )
    assert server.hits("/doc.json") == 2
    existing.assert_untouched()


def test_304_to_an_unconditional_request_is_an_error(server: Script, existing: Existing) -> None:
    url = server.route("/doc.json", Canned(304))

    message = fetch_error(url, existing.snapshot)

    assert message == f"{url}: HTTP 304 Not Modified (no Content-Type, 0 bytes)"
    existing.assert_untouched()


# --------------------------------------------------------------------------------------------
# Retries, timeouts, unreachable hosts


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_status_is_retried_with_growing_backoff(
    server: Script, tmp_path: Path, status: int
) -> None:
    busy = Canned(status, b"busy", {"Content-Type": "text/plain"})
    url = server.route("/doc.json", busy, busy, Canned(body=DOC_JSON, headers=JSON_TYPE))
    sleeps: list[float] = []

    result = fetch(url, tmp_path / "x.json", backoff=0.5, sleep=sleeps.append, jitter=lambda: 1.0)

    assert (result.outcome, result.attempts) == ("updated", 3)
    assert server.hits("/doc.json") == 3
    assert sleeps == [0.5, 1.0]


def test_backoff_jitter_stays_between_half_and_all_of_the_step(server: Script, tmp_path: Path) -> None:
    busy = Canned(503)
    url = server.route("/doc.json", busy, busy, Canned(body=DOC_JSON, headers=JSON_TYPE))
    sleeps: list[float] = []

    fetch(url, tmp_path / "x.json", backoff=1.0, sleep=sleeps.append, jitter=lambda: 0.0)

    assert sleeps == [0.5, 1.0]


def test_retry_after_seconds_is_honoured(server: Script, tmp_path: Path) -> None:
    limited = Canned(429, b"slow down", {"Retry-After": "7"})
    url = server.route("/doc.json", limited, Canned(body=DOC_JSON, headers=JSON_TYPE))
    sleeps: list[float] = []

    fetch(url, tmp_path / "x.json", sleep=sleeps.append)

    assert sleeps == [7.0]


def test_retry_after_http_date_is_honoured(server: Script, tmp_path: Path) -> None:
    when = email.utils.format_datetime(NOW + datetime.timedelta(seconds=30), usegmt=True)
    url = server.route("/doc.json", Canned(503, headers={"Retry-After": when}), Canned(body=DOC_JSON))
    sleeps: list[float] = []

    fetch(url, tmp_path / "x.json", sleep=sleeps.append)

    assert sleeps == [30.0]


def test_retry_after_is_capped_and_really_waited(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.json", Canned(503, headers={"Retry-After": "120"}), Canned(body=DOC_JSON))

    result = fetch(url, tmp_path / "x.json", max_retry_after=0.05, sleep=time.sleep)

    assert result.outcome == "updated"
    first, second = server.requests
    assert 0.05 <= second.at - first.at < 1.0


def test_retries_exhausted(server: Script, existing: Existing) -> None:
    url = server.route("/doc.json", Canned(503, b"busy", {"Content-Type": "text/plain"}))

    message = fetch_error(url, existing.snapshot, retries=2)

    assert message == (
        f"{url}: HTTP 503 Service Unavailable (text/plain, 4 bytes, starts 'busy') (gave up after 3 attempts)"
    )
    assert server.hits("/doc.json") == 3
    existing.assert_untouched()


def test_slow_server_times_out_and_is_retried(server: Script, existing: Existing) -> None:
    url = server.route("/doc.json", Canned(body=DOC_JSON, delay=0.5))

    message = fetch_error(url, existing.snapshot, timeout=0.1, retries=1)

    assert message == f"{url}: timed out after 0.1 s waiting for the response (gave up after 2 attempts)"
    assert server.hits("/doc.json") == 2
    existing.assert_untouched()


def test_connection_refused_says_network_unreachable(existing: Existing) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/doc.json"

    message = fetch_error(url, existing.snapshot, retries=1)

    assert message == f"network unreachable: connection refused by 127.0.0.1:{port} ({url}, 2 attempts)"
    existing.assert_untouched()


def test_dns_failure_says_network_unreachable(existing: Existing) -> None:
    calls: list[httpx.Request] = []

    def no_dns(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc

    url = "https://api.example.invalid/doc.json"

    message = fetch_error(url, existing.snapshot, transport=httpx.MockTransport(no_dns))

    assert message == (
        "network unreachable: cannot resolve host api.example.invalid: Name or service not known "
        f"({url}, 3 attempts)"
    )
    assert len(calls) == 3
    existing.assert_untouched()


# --------------------------------------------------------------------------------------------
# Command line


def parse(project: Project, argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pipeline")
    register(parser.add_subparsers(required=True), project)
    return parser.parse_args(argv)


CLI = textwrap.dedent(
    """
    import argparse, sys
    from pathlib import Path
    from oaspipe.fetch import register
    from oaspipe.project import Project

    root = Path(sys.argv[1])
    project = Project(
        root=root, default_api_version="2.2", api_versions=("2.2", "2.3"),
        url_template="http://127.0.0.1:9/never-{version}.json", url_env="OASPIPE_TEST_FETCH_URL",
        snapshot_template="demo-v{version}.json", overlays_dir=root, templates_dir=root,
        generator_config=root, output_dir=root, package_name="demo",
    )
    parser = argparse.ArgumentParser(prog="pipeline")
    register(parser.add_subparsers(required=True), project)
    args = parser.parse_args(sys.argv[2:])
    sys.exit(args.func(args))
    """
)


def run_cli(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(SCRIPTS), NO_PROXY="127.0.0.1")
    return subprocess.run(
        [sys.executable, "-c", CLI, str(tmp_path), *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_cli_subprocess_success(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.json", Canned(body=DOC_JSON, headers=JSON_TYPE))

    done = run_cli(tmp_path, "fetch", "--url", url, "--output", str(tmp_path / "x.json"), "--timeout", "5")

    assert (done.returncode, done.stderr) == (0, "")
    sha = sha256_hex(dump_json(DOC))
    assert re.fullmatch(
        rf"fetch: updated x\.json \(3 operations, sha256 {sha[:8]}…\) from {re.escape(url)} in \d+\.\d s\n",
        done.stdout,
    )
    assert (tmp_path / "x.json").read_text() == dump_json(DOC)
    assert load(tmp_path / "x.provenance.json")["source_url_note"] == "given with --url"

    again = run_cli(tmp_path, "fetch", "--url", url, "--output", str(tmp_path / "x.json"))
    assert again.returncode == 0
    assert again.stdout.startswith("fetch: unchanged x.json (3 operations")


def test_cli_subprocess_failure_is_one_line_on_stderr(server: Script, tmp_path: Path) -> None:
    url = server.route("/doc.json", Canned(body=HTML_LOGIN, headers=HTML_TYPE))

    done = run_cli(tmp_path, "fetch", "--url", url, "--output", str(tmp_path / "x.json"))

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(f"fetch: {url}: an HTML page, not an OpenAPI document")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "x.json").exists()


def test_cli_uses_env_url_with_version_and_project_paths(
    server: Script, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.route("/v2.3/doc.json", Canned(body=DOC_JSON, headers=JSON_TYPE))
    monkeypatch.setenv("OASPIPE_TEST_FETCH_URL", server.url("/v{version}/doc.json"))
    project = make_project(tmp_path)
    args = parse(project, ["fetch", "--api-version", "2.3", "--retries", "0"])

    assert args.func(args) == 0

    assert server.requests[0].path == "/v2.3/doc.json"
    assert project.snapshot_path("2.3").read_text() == dump_json(DOC)
    record = load(project.provenance_path("2.3"))
    assert record["api_version"] == "2.3"
    assert record["source_url_note"] == "from the OASPIPE_TEST_FETCH_URL environment variable"
    assert capsys.readouterr().out.startswith("fetch: updated ")


def test_cli_url_overrides_env(server: Script, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server.route("/2.2.json", Canned(body=DOC_JSON))
    monkeypatch.setenv("OASPIPE_TEST_FETCH_URL", "http://127.0.0.1:9/wrong.json")
    args = parse(make_project(tmp_path), ["fetch", "--url", server.url("/{version}.json")])

    assert args.func(args) == 0
    assert [seen.path for seen in server.requests] == ["/2.2.json"]


def test_cli_help_and_argument_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    with pytest.raises(SystemExit) as exit_help:
        parse(project, ["fetch", "--help"])
    assert exit_help.value.code == 0
    help_text = capsys.readouterr().out
    for option in ("--api-version {2.2,2.3}", "--url", "--output", "--timeout", "--retries"):
        assert option in help_text
    assert "$OASPIPE_TEST_FETCH_URL" in help_text

    for bad in (["--api-version", "9.9"], ["--timeout", "0"], ["--retries", "-1"]):
        with pytest.raises(SystemExit) as exit_bad:
            parse(project, ["fetch", *bad])
        assert exit_bad.value.code == 2


def test_cli_reports_failure_on_stderr(
    server: Script, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.route("/doc.json", Canned(404, b"gone", {"Content-Type": "text/plain"}))
    args = parse(make_project(tmp_path), ["fetch", "--url", url])

    assert args.func(args) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"fetch: {url}: HTTP 404 Not Found (text/plain, 4 bytes, starts 'gone')\n"
    assert not (tmp_path / "openapi").exists()
