"""`exampdf scan --serve`: review.html on 127.0.0.1 only; a POST of corrections.csv is
saved beside the scan and applied at once."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MAX_BODY = 2_000_000


def make_server(folder: Path, port: int, on_post: Callable[[str], str]) -> ThreadingHTTPServer:
    """A server bound to the loopback interface; `on_post` applies corrections.csv text and
    returns a one-line answer for the page."""

    class Handler(BaseHTTPRequestHandler):
        def _host_ok(self) -> bool:
            # Only this machine's own names: a page elsewhere cannot rebind a DNS name to us.
            host = self.headers.get("Host", "").rsplit(":", 1)[0]
            return host in ("127.0.0.1", "localhost")

        def do_GET(self) -> None:
            if not self._host_ok() or self.path not in ("/", "/review.html"):
                self.send_error(404)
                return
            self._send(200, "text/html; charset=utf-8", (folder / "review.html").read_bytes())

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            if not self._host_ok() or self.path != "/corrections" or not 0 < length <= MAX_BODY:
                self.send_error(400)
                return
            text = self.rfile.read(length).decode("utf-8", errors="replace")
            self._send(200, "text/plain; charset=utf-8", on_post(text).encode())

        def _send(self, code: int, kind: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the command line says what happened

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)
