"""What happens to one request, in order: faults, rate limit, routing, auth, validation, the handler.

    fault (fail / html / drop-before answer at once; slow waits, then goes on)
      -> rate limit (429 "Too Many Attempts." for the penalty period)
      -> route (404 unknown path, 405 wrong method)
      -> bearer token (401 / 403 in the vendor's bodies) for operations that declare security
      -> parameters and body against the document (422, or 400 invalid_request on the OAuth endpoints)
      -> handler, under the store's lock
      -> response checked against the document (violations recorded, the answer still goes out)
      -> drop-after fault: the connection closes instead of the answer

`Pipeline` is the app of the loopback server; `FakeSalesmsg` builds it and owns its parts.
"""

from __future__ import annotations

import json
import math
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from salesmsg.testing._counters import Counters
from salesmsg.testing._document import ApiDocument, Operation
from salesmsg.testing._errors import ApiError, method_not_allowed, route_not_found
from salesmsg.testing._faults import Fault, Faults, fail_body, html_page
from salesmsg.testing._operations import HANDLERS, Answer, Call
from salesmsg.testing._ratelimit import RateLimiter
from salesmsg.testing._requests import RequestReader
from salesmsg.testing._responses import ResponseChecker
from salesmsg.testing._routes import MethodNotAllowed, RouteNotFound, Router
from salesmsg.testing._server import WireRequest, WireResponse
from salesmsg.testing._state import Store
from salesmsg.testing._tokens import TokenBook

# The vendor document declares these bodies as JSON and form-encoded; the patched one keeps JSON only.
FORM_BODY_OPERATIONS = frozenset({"requestOauthToken", "refreshOauthToken"})
_PAT_REFRESH = "refreshPersonalAccessToken"
_JSON_HEADERS = [("Content-Type", "application/json")]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it and what became of it (`status` None: connection dropped)."""

    method: str
    path: str  # relative to the base URL when under it, e.g. "/messages/5001"
    query: str
    operation_id: str | None
    status: int | None
    fault: str | None = None


@dataclass(frozen=True)
class ResponseViolation:
    """An answer of the fake that does not fit the document."""

    method: str
    path: str
    operation_id: str | None
    status: int
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}: " + "; ".join(self.problems)


@dataclass
class PipelineSettings:
    validate_responses: bool = True
    retry_after: bool = False  # send Retry-After on 429 (the vendor was not seen to)
    log: Callable[[str], None] | None = None


@dataclass
class _Outcome:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    operation: Operation | None
    checked: bool = True  # deliberately off-document answers (faults) are not checked


class Pipeline:
    """The request handling of one fake server; called from the server's threads."""

    def __init__(
        self,
        *,
        document: ApiDocument,
        reader: RequestReader,
        checker: ResponseChecker,
        store: Store,
        tokens: TokenBook,
        counters: Counters,
        faults: Faults,
        limiter: RateLimiter | None,
        settings: PipelineSettings,
    ) -> None:
        self.base_path = document.base_path
        self.router = Router(document.operations.values())
        self.reader, self.checker = reader, checker
        self.store, self.tokens, self.counters, self.faults = store, tokens, counters, faults
        self.limiter = limiter
        self.settings = settings
        self.requests: deque[RecordedRequest] = deque(maxlen=10_000)
        self.violations: list[ResponseViolation] = []
        self.server_errors: list[str] = []
        self._record_lock = threading.Lock()

    def __call__(self, request: WireRequest) -> WireResponse | None:
        split = urlsplit(request.target)
        relative = (
            split.path.removeprefix(self.base_path) if split.path.startswith(self.base_path + "/") else None
        )
        shown = relative or split.path  # how the request log and the fault scopes name the path
        op, path_params, route_error = self._route(request.method, relative, split.path)
        op_id = op.operation_id if op else None
        self.counters.count_request(op_id)
        fault = self.faults.take(request.method, shown, op.template if op else None, op_id)
        if fault is not None:
            self.counters.add("faults_fired")
            if fault.kind in ("fail", "html", "drop_before_processing"):  # nothing is processed
                return self._finish(request, shown, split.query, op, self._fault_answer(fault), fault)
            if fault.kind == "slow":
                time.sleep(fault.seconds)
        outcome: _Outcome | None = self._process(request, op, path_params, route_error, split.query)
        if fault is not None and fault.kind == "drop_after_processing":
            outcome = None  # processed in full; the connection closes instead of the answer
        return self._finish(request, shown, split.query, op, outcome, fault)

    def _route(
        self, method: str, relative: str | None, path: str
    ) -> tuple[Operation | None, dict[str, str], ApiError | None]:
        if relative is None:
            return None, {}, route_not_found(path)
        try:
            op, params = self.router.match(method, relative)
        except MethodNotAllowed as error:
            return None, {}, method_not_allowed(method, error.allowed)
        except RouteNotFound:
            return None, {}, route_not_found(path)
        return op, params, None

    @staticmethod
    def _fault_answer(fault: Fault) -> _Outcome | None:
        if fault.kind == "fail":
            body = b"" if fault.empty_body else json.dumps(fail_body(fault.status)).encode()
            headers = [] if fault.empty_body else list(_JSON_HEADERS)
            return _Outcome(fault.status, headers, body, None, checked=False)
        if fault.kind == "html":
            headers = [("Content-Type", "text/html; charset=UTF-8")]
            return _Outcome(fault.status, headers, html_page(fault.status), None, checked=False)
        return None

    def _process(
        self,
        request: WireRequest,
        op: Operation | None,
        path_params: dict[str, str],
        route_error: ApiError | None,
        query: str,
    ) -> _Outcome:
        try:
            status, body, headers = self._answer(request, op, path_params, route_error, query)
            if isinstance(body, Answer):
                status, body = body.status, body.body
            encoded = (
                b"" if status == 204 or body is None else json.dumps(body, separators=(",", ":")).encode()
            )
        except Exception:  # a bug of the fake: answer as Laravel does in production, and keep the trace
            with self._record_lock:
                self.server_errors.append(traceback.format_exc())
            status, headers, encoded = 500, {}, b'{"message":"Server Error"}'
        content_type = _JSON_HEADERS if encoded else []
        return _Outcome(status, [*content_type, *headers.items()], encoded, op)

    def _answer(
        self,
        request: WireRequest,
        op: Operation | None,
        path_params: dict[str, str],
        route_error: ApiError | None,
        query: str,
    ) -> tuple[int, Any, dict[str, str]]:
        try:
            self._admit()
            if route_error is not None:
                raise route_error
            assert op is not None
            call = Call(op.operation_id, self.store, self.tokens, self.counters)
            if op.secured:
                call.token = self._authenticate(op, request.headers.get("Authorization"))
            parsed = self._read(op, path_params, query, request)
            call.path, call.query, call.body = parsed.path, parsed.query, parsed.body
            with self.store.lock:
                return 200, HANDLERS[op.operation_id](call), {}
        except ApiError as error:
            return error.status, error.body, error.headers

    def _admit(self) -> None:
        if self.limiter is None:
            return
        remaining = self.limiter.admit()
        if remaining is not None:
            self.counters.add("rate_limited")
            headers = {"Retry-After": str(math.ceil(remaining))} if self.settings.retry_after else {}
            raise ApiError(429, {"message": "Too Many Attempts."}, headers)

    def _authenticate(self, op: Operation, authorization: str | None) -> Any:
        grace = self.tokens.pat_refresh_grace if op.operation_id == _PAT_REFRESH else 0.0
        try:
            return self.tokens.authenticate(authorization, grace=grace)
        except ApiError:
            self.counters.add("auth_failures")
            raise

    def _read(self, op: Operation, path_params: dict[str, str], query: str, request: WireRequest) -> Any:
        pairs = parse_qsl(query, keep_blank_values=True)
        try:
            return self.reader.read(op, path_params, pairs, request.headers.get("Content-Type"), request.body)
        except ApiError as error:
            self.counters.add("validation_rejections")
            if op.operation_id in FORM_BODY_OPERATIONS:  # token endpoints answer in OAuth's words
                raise ApiError(
                    400, {"error": "invalid_request", "error_description": error.body["message"]}
                ) from None
            raise

    def _finish(
        self,
        request: WireRequest,
        path: str,
        query: str,
        op: Operation | None,
        outcome: _Outcome | None,
        fault: Fault | None,
    ) -> WireResponse | None:
        status = outcome.status if outcome else None
        self.counters.count_status(status)
        op_id = op.operation_id if op else None
        record = RecordedRequest(request.method, path, query, op_id, status, fault.kind if fault else None)
        with self._record_lock:
            self.requests.append(record)
        if self.settings.log is not None:
            self.settings.log(f"{request.method} {path} -> {status or 'dropped'} ({op_id or '-'})")
        if outcome is None:
            return None
        if outcome.checked and self.settings.validate_responses:
            content_type = next((v for k, v in outcome.headers if k == "Content-Type"), None)
            problems = self.checker(op, outcome.status, content_type, outcome.body)
            if problems:
                violation = ResponseViolation(request.method, path, op_id, outcome.status, tuple(problems))
                with self._record_lock:
                    self.violations.append(violation)
        return WireResponse(outcome.status, outcome.headers, outcome.body)
