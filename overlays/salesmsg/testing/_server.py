"""A threaded HTTP/1.1 server on the loopback interface that hands each request to an `app` callable.

    >>> def app(request: WireRequest) -> WireResponse | None:
    ...     return WireResponse(200, [("Content-Type", "text/plain")], request.target.encode())
    >>> import httpx
    >>> with LoopbackServer(app) as server:
    ...     httpx.get(server.origin + "/hello?x=1").text
    '/hello?x=1'

The app answers a `WireResponse` or None; None closes the connection without sending a byte, which
a client reports as "Server disconnected without sending a response". Connections are kept alive
(HTTP/1.1), each response goes out in one write with TCP_NODELAY, and `close()` also shuts the
connections still open, so no client waits on a server that is gone.
"""

from __future__ import annotations

import contextlib
import http
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass
class WireRequest:
    method: str
    target: str  # path and query, as sent
    headers: Message
    body: bytes


@dataclass
class WireResponse:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


App = Callable[[WireRequest], "WireResponse | None"]


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection is closed after this many seconds
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.track(self.connection, add=False)

    def _serve(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = self._read_chunked()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        response = self.server.app(WireRequest(self.command, self.path, self.headers, body))
        if response is None:
            self.close_connection = True  # nothing written: the client sees the connection end
            return
        lines = [f"HTTP/1.1 {response.status} {_reason(response.status)}"]
        lines += [f"{name}: {value}" for name, value in response.headers]
        lines.append(f"Content-Length: {len(response.body)}")
        lines.append(f"Date: {self.date_time_string()}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head if self.command == "HEAD" else head + response.body)

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the app keeps its own request log


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver listens with a backlog of 5: a client opening more connections at once (an
    # asyncio gather, a thread pool) had its extra SYNs dropped and retried a second later, a
    # delay no real server shows. 128 is Linux's historical somaxconn (the kernel caps it anyway).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], app: App) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._connections_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class LoopbackServer:
    """`start()` serves in a background thread; `origin` is `http://127.0.0.1:PORT`."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port), app)
        self.host, self.port = host, int(self._server.server_address[1])
        self.origin = f"http://{self.host}:{self.port}"
        # serve_forever notices shutdown() once per poll interval: a short one makes close() quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.01,), name="salesmsg-fake", daemon=True
        )

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.close_connections()
        self._server.server_close()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
