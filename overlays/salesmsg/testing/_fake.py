"""`FakeSalesmsg`: a stateful fake of the Salesmsg API on a real HTTP server on 127.0.0.1.

    >>> import httpx
    >>> with FakeSalesmsg() as fake:
    ...     auth = {"Authorization": f"Bearer {fake.access_token}"}
    ...     sent = httpx.post(f"{fake.url}/messages/5001", params={"message": "Hi Jane"}, headers=auth)
    ...     listed = httpx.get(f"{fake.url}/messages/5001", params={"limit": 1}, headers=auth).json()
    ...     sent.json()["status"], listed[0]["body"], fake.sent_messages[0].number
    ('sent', 'Hi Jane', '+15555102001')

See the package docstring (`salesmsg.testing`) for the whole surface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Any

from salesmsg.testing._counters import Counters
from salesmsg.testing._document import ApiDocument
from salesmsg.testing._faults import Faults
from salesmsg.testing._pipeline import (
    FORM_BODY_OPERATIONS,
    Pipeline,
    PipelineSettings,
    RecordedRequest,
    ResponseViolation,
)
from salesmsg.testing._ratelimit import RateLimiter
from salesmsg.testing._render import (
    JSON,
    render_broadcast,
    render_contact,
    render_conversation,
    render_message,
    render_number,
    render_tag,
    render_team,
    render_user,
)
from salesmsg.testing._requests import RequestReader
from salesmsg.testing._responses import ResponseChecker
from salesmsg.testing._schemas import Schemas
from salesmsg.testing._seed import TIME_FIELDS, SeedSource, default_seed, load_seed, seed_time
from salesmsg.testing._server import LoopbackServer
from salesmsg.testing._state import SentMessage, Store
from salesmsg.testing._tokens import PAT_REFRESH_GRACE, TokenBook

_document_lock = threading.Lock()
_shared: tuple[ApiDocument, Schemas] | None = None


def _document() -> tuple[ApiDocument, Schemas]:
    # Loaded once per process: compiled validators are reused by every fake (and every test).
    global _shared
    with _document_lock:
        if _shared is None:
            document = ApiDocument.load()
            _shared = document, Schemas(document.document)
        return _shared


def _times(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: seed_time(value) if key in TIME_FIELDS and value is not None else value
        for key, value in entry.items()
    }


class FakeSalesmsg:
    """A fake Salesmsg server: `with FakeSalesmsg() as fake:` serves `fake.url` until the block ends.

    Arguments (all keyword):
        seed: None for the built-in demo account, or a dict / JSON file path (see `_seed`); a seed
            without users gets one, since every token belongs to a user.
        rate_limit, rate_window, rate_penalty: `rate_limit` requests per `rate_window` seconds,
            server-wide; past it every request answers 429 for `rate_penalty` seconds. None: no limit.
        retry_after: send `Retry-After` on 429 (the vendor was not seen to).
        token_ttl: lifetime of issued access tokens, in seconds.
        pat_refresh_grace: how long after expiry a PAT may still be refreshed.
        validate_requests: refuse requests that do not fit the document (422); types are converted
            either way. validate_responses: check every answer, recording `response_violations`.
        host, port: where to listen (port 0: a free port). log: called with one line per request.
    """

    def __init__(
        self,
        *,
        seed: SeedSource | None = None,
        rate_limit: int | None = 60,
        rate_window: float = 60.0,
        rate_penalty: float = 60.0,
        retry_after: bool = False,
        token_ttl: float = 3600.0,
        pat_refresh_grace: float = PAT_REFRESH_GRACE,
        validate_requests: bool = True,
        validate_responses: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
        log: Callable[[str], None] | None = None,
    ) -> None:
        document, schemas = _document()
        self.store = Store()
        self.tokens = TokenBook(ttl=token_ttl, pat_refresh_grace=pat_refresh_grace)
        self.counters = Counters()
        self.faults = Faults()
        limiter = None
        if rate_limit is not None:
            limiter = RateLimiter(limit=rate_limit, window=rate_window, penalty=rate_penalty)
        self.rate_limiter = limiter
        self._pipeline = Pipeline(
            document=document,
            reader=RequestReader(schemas, validate=validate_requests, form_bodies=FORM_BODY_OPERATIONS),
            checker=ResponseChecker(document, schemas),
            store=self.store,
            tokens=self.tokens,
            counters=self.counters,
            faults=self.faults,
            limiter=limiter,
            settings=PipelineSettings(
                validate_responses=validate_responses, retry_after=retry_after, log=log
            ),
        )
        self._base_path = document.base_path
        self._host, self._port = host, port
        self._server: LoopbackServer | None = None
        self._access_token: str | None = None
        self.seed(default_seed() if seed is None else seed)
        if not self.store.users:
            self.add_user(first_name="Fake", last_name="User", role="owner")

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> FakeSalesmsg:
        """Starts serving (a free port unless one was given) and issues `access_token`."""
        if self._server is None:
            self._server = LoopbackServer(self._pipeline, self._host, self._port).start()
            self._access_token = self.issue_pat()
        return self

    def close(self) -> None:
        """Stops serving and closes open connections; safe to call twice."""
        if self._server is not None:
            self._server.close()

    def __enter__(self) -> FakeSalesmsg:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:54321/pub/v2.2` (the vendor's path prefix)."""
        if self._server is None:
            raise RuntimeError("the fake is not started: use `with FakeSalesmsg() as fake:` or fake.start()")
        return self._server.origin + self._base_path

    @property
    def access_token(self) -> str:
        """A personal access token of the first user, issued at start."""
        if self._access_token is None:
            raise RuntimeError("the fake is not started")
        return self._access_token

    @property
    def user_id(self) -> int:
        """The first user: the owner of `access_token` and of tokens issued without `user_id`."""
        return min(self.store.users)

    # -- tokens ---------------------------------------------------------------------------------

    def issue_pat(self, ttl: float | None = None, *, user_id: int | None = None) -> str:
        """A new personal access token (lifetime `ttl`, default `token_ttl`)."""
        return self.tokens.issue_pat(user_id=self._user(user_id), ttl=ttl)

    def register_oauth_client(self, client_id: str, client_secret: str) -> None:
        self.tokens.register_client(client_id, client_secret)

    def issue_oauth_tokens(
        self, client_id: str, *, ttl: float | None = None, user_id: int | None = None
    ) -> tuple[str, str]:
        """(access token, refresh token) of a registered client, as the code exchange would give."""
        return self.tokens.issue_oauth(client_id, user_id=self._user(user_id), ttl=ttl)

    def issue_oauth_code(self, client_id: str, *, user_id: int | None = None) -> str:
        """A one-time code for `POST /oauth/token` with grant_type=authorization_code."""
        return self.tokens.issue_code(client_id, user_id=self._user(user_id))

    def expire_token(self, token: str) -> None:
        """The access token ages out now: the next request with it answers 401."""
        self.tokens.expire(token)

    def revoke(self, token: str) -> None:
        """The access or refresh token stops working now (403 policy deny / invalid_grant)."""
        self.tokens.revoke(token)

    def _user(self, user_id: int | None) -> int:
        with self.store.lock:
            return self.store.user(user_id).id if user_id is not None else self.user_id

    # -- seeding --------------------------------------------------------------------------------

    def seed(self, data: SeedSource) -> None:
        """Adds everything in a seed (a dict or a JSON file path; format in `salesmsg.testing._seed`)."""
        seed = load_seed(data)
        with self.store.lock:
            if "organization" in seed:
                self.store.set_organization(**seed["organization"])
            for section, add in (
                ("users", self.add_user),
                ("teams", self.add_team),
                ("numbers", self.add_number),
                ("tags", self.add_tag),
                ("contacts", self.add_contact),
                ("conversations", self.add_conversation),
                ("messages", self.add_message),
                ("broadcasts", self.add_broadcast),
            ):
                for index, entry in enumerate(seed.get(section, [])):
                    try:
                        add(**entry)
                    except Exception as error:
                        raise ValueError(f"seed {section}[{index}]: {error}") from error
            for client in seed.get("oauth_clients", []):
                self.register_oauth_client(client["client_id"], client["client_secret"])

    def add_user(self, **fields: Any) -> JSON:
        """first_name, last_name, email, role ("owner", "agent"), team_ids, id."""
        with self.store.lock:
            return render_user(self.store, self.store.add_user(**fields))

    def add_team(self, **fields: Any) -> JSON:
        """name, number (its sending number), member_ids, id."""
        with self.store.lock:
            return render_team(self.store.add_team(**fields))

    def add_number(self, **fields: Any) -> JSON:
        """number, team_id, mms, id."""
        with self.store.lock:
            return render_number(self.store.add_number(**fields))

    def add_tag(self, **fields: Any) -> JSON:
        """label, created_at, id."""
        with self.store.lock:
            return render_tag(self.store.add_tag(**_times(fields)))

    def add_contact(self, **fields: Any) -> JSON:
        """number, first_name, last_name, email, source, opt_out, tags (labels or ids), created_at, id."""
        with self.store.lock:
            return render_contact(self.store, self.store.add_contact(**_times(fields)))

    def add_conversation(self, *, messages: Iterable[Mapping[str, Any]] = (), **fields: Any) -> JSON:
        """contact_id, team_id, owner_id, closed_at, created_at, unread, id; `messages` as for add_message."""
        with self.store.lock:
            conversation = self.store.add_conversation(**_times(fields))
            for message in messages:
                self.store.add_message(conversation_id=conversation.id, **_times(message))
            return render_conversation(self.store, conversation)

    def add_message(self, **fields: Any) -> JSON:
        """conversation_id, body, direction (outbound, inbound), status, created_at, user_id, media_urls, id.

        History only: it is not counted as sent and does not appear in `sent_messages`.
        """
        with self.store.lock:
            return render_message(self.store.add_message(**_times(fields)))

    def add_broadcast(self, **fields: Any) -> JSON:
        """name, status, created_at, id."""
        with self.store.lock:
            return render_broadcast(self.store.add_broadcast(**_times(fields)))

    # -- inspection -----------------------------------------------------------------------------

    @property
    def sent_messages(self) -> list[SentMessage]:
        """Every message the API was asked to send, oldest first (text, media, conversation, number)."""
        with self.store.lock:
            return list(self.store.sent)

    @property
    def response_violations(self) -> list[ResponseViolation]:
        """Answers of the fake that did not fit the document (with validate_responses)."""
        return list(self._pipeline.violations)

    @property
    def server_errors(self) -> list[str]:
        """Tracebacks of requests the fake failed on (answered 500): bugs of the fake."""
        return list(self._pipeline.server_errors)

    def clear_violations(self) -> None:
        """Forgets the recorded response violations and server errors (a test provoked them on purpose)."""
        self._pipeline.violations.clear()
        self._pipeline.server_errors.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        """The last 10,000 requests, oldest first, with their status (None: dropped)."""
        return list(self._pipeline.requests)

    def contacts(self) -> list[JSON]:
        with self.store.lock:
            return [
                render_contact(self.store, c)
                for c in sorted(self.store.contacts.values(), key=lambda c: c.id)
            ]

    def contact(self, contact_id: int) -> JSON:
        with self.store.lock:
            return render_contact(self.store, self.store.contact(contact_id))

    def conversations(self) -> list[JSON]:
        with self.store.lock:
            ordered = sorted(self.store.conversations.values(), key=lambda c: c.id)
            return [render_conversation(self.store, c) for c in ordered]

    def conversation(self, conversation_id: int) -> JSON:
        with self.store.lock:
            return render_conversation(self.store, self.store.conversation(conversation_id))

    def messages(self, conversation_id: int) -> list[JSON]:
        """A conversation's messages, newest first (as GET /messages/{conversation} lists them)."""
        with self.store.lock:
            return [
                render_message(m) for m in self.store.messages_of(self.store.conversation(conversation_id).id)
            ]

    def tags(self) -> list[JSON]:
        with self.store.lock:
            return [render_tag(t) for t in sorted(self.store.tags.values(), key=lambda t: t.id)]

    def teams(self) -> list[JSON]:
        with self.store.lock:
            return [render_team(t) for t in sorted(self.store.teams.values(), key=lambda t: t.id)]

    def users(self) -> list[JSON]:
        with self.store.lock:
            return [render_user(self.store, u) for u in sorted(self.store.users.values(), key=lambda u: u.id)]
