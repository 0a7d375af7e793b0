#!/usr/bin/env python3
"""A small HTTP server for factbot's refresh tests, on 127.0.0.1 only.

Usage: python3 Tests/Servers/http_server.py DIR
Serves the files in DIR under /files/NAME (ETag = hash of the content, Last-Modified = the
file's mtime; If-None-Match / If-Modified-Since answered with 304), plus fixed routes for the
failure cases. Prints {"port": N} on stdout once listening; stops when stdin closes.
Every stall is bounded (at most 10 s).

Routes:
  /files/NAME            the file, text/html (text/plain for *.txt), ETag + Last-Modified
  /lastmod/NAME          the file with Last-Modified only (no ETag)
  /redirect/N/NAME       a chain of N redirects ending at /files/NAME
  /loop                  redirects to itself forever
  /to-ftp, /to-file      redirect to ftp:// and file:// URLs
  /status/CODE           an empty reply with that status (404, 500...)
  /stall                 sends nothing for 10 s
  /big                   3 MB of HTML with Content-Length
  /big-chunked           3 MB of HTML, chunked, no Content-Length
  /pdf                   a tiny body typed application/pdf
  /truncated             promises 5000 bytes, sends 100, closes
  /garbage               200 bytes of binary junk typed text/html
  /requests              JSON list of the request headers seen so far (also kept in DIR/_requests.json)
"""
import hashlib
import json
import os
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
SEEN = []
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def send_body(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def serve_file(self, name, etag_too=True):
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send_body(404, b"not found", "text/plain")
        with open(path, "rb") as file:
            body = file.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        mtime = int(os.path.getmtime(path))
        last_modified = formatdate(mtime, usegmt=True)
        headers = [("Last-Modified", last_modified)] + ([("ETag", etag)] if etag_too else [])
        if etag_too and self.headers.get("If-None-Match") == etag:
            return self.send_body(304, b"", headers=headers)
        since = self.headers.get("If-Modified-Since")
        if since and not (etag_too and self.headers.get("If-None-Match")):
            try:
                if mtime <= parsedate_to_datetime(since).timestamp():
                    return self.send_body(304, b"", headers=headers)
            except (TypeError, ValueError):
                pass
        kind = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html; charset=utf-8"
        self.send_body(200, body, kind, headers)

    def do_GET(self):
        with LOCK:  # requests arrive on several threads at once
            SEEN.append({"path": self.path, "headers": dict(self.headers)})
            with open(os.path.join(ROOT, "_requests.json.tmp"), "w") as file:
                json.dump(SEEN, file)
            os.replace(os.path.join(ROOT, "_requests.json.tmp"), os.path.join(ROOT, "_requests.json"))
        parts = self.path.split("?")[0].strip("/").split("/")
        head = parts[0]
        if head == "files" and len(parts) == 2:
            return self.serve_file(parts[1])
        if head == "lastmod" and len(parts) == 2:
            return self.serve_file(parts[1], etag_too=False)
        if head == "redirect" and len(parts) == 3:
            left = int(parts[1])
            target = f"/redirect/{left - 1}/{parts[2]}" if left > 1 else f"/files/{parts[2]}"
            return self.send_body(302, b"", headers=[("Location", target)])
        if head == "loop":
            return self.send_body(302, b"", headers=[("Location", "/loop")])
        if head == "to-ftp":
            return self.send_body(302, b"", headers=[("Location", "ftp://127.0.0.1/page.html")])
        if head == "to-file":
            return self.send_body(302, b"", headers=[("Location", "file:///etc/passwd")])
        if head == "status" and len(parts) == 2:
            return self.send_body(int(parts[1]), b"", "text/plain")
        if head == "stall":
            time.sleep(10)
            return self.send_body(200, b"too late", "text/plain")
        if head == "big":
            return self.send_body(200, b"<html><body><article>" + b"<p>word word word</p>" * 150_000 + b"</article></body></html>")
        if head == "big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>word word word word word word word word word word</p>" * 1000
            try:
                for _ in range(60):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if head == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<html><body><article><p>" + b"cut " * 25)
            self.close_connection = True
            return
        if head == "garbage":
            return self.send_body(200, bytes((i * 37 + 11) % 256 for i in range(200)), "text/html")
        if head == "pdf":
            return self.send_body(200, b"%PDF-1.4 not really", "application/pdf")
        if head == "requests":
            return self.send_body(200, json.dumps(SEEN).encode(), "application/json")
        return self.send_body(404, b"no such route", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients that hang up mid-reply (size caps, timeouts, kills) are the point of
        # several tests: not worth a traceback.
        if isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    try:
        sys.stdin.read()  # until EOF
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
