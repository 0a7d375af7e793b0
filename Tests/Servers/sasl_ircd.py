#!/usr/bin/env python3
"""A scripted IRC server for factbot's SASL SCRAM and STS end-to-end tests.

It speaks just enough IRC: CAP LS/REQ/ACK/NAK/END, AUTHENTICATE (SCRAM-SHA-256,
SCRAM-SHA-1 and PLAIN), 900/903/904/906/908, NICK/USER → 001, PING, JOIN, QUIT.
The SCRAM server side is PyPI `scramp` (installed by `make test-scramp` into
.build-scramp/), not code written for the tests.

Usage:
    python3 Tests/Servers/sasl_ircd.py --dir DIR --account NAME --password PW
        [--mechanisms SCRAM-SHA-256,PLAIN] [--bad-signature] [--sts-duration D]

    --bad-signature  a server-final message with a wrong signature (an impostor
                     that knows the salt but not the password)
    --sts-duration D also serve TLS on a second port (self-signed certificate for
                     localhost / 127.0.0.1, as Tests/Servers/ircd.py makes it);
                     the plain port advertises sts=port=<tls port>,duration=D and
                     the TLS port sts=duration=D

Protocol (JSON lines on stdout):
    {"ready": true, "port": P, "tls_port": T | null, "ca_file": F | null}
    {"event": "connected", "tls": bool}
    {"event": "authenticate", "mechanism": M, "result": "success" | "fail" | "abort" | "unknown"}
    {"event": "welcome", "nick": N, "tls": bool, "account": NAME | null}
EOF on stdin (or SIGTERM) stops it. Python 3.11 standard library plus scramp.
"""

import argparse
import base64
import json
import os
import signal
import socket
import ssl
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, ".build-scramp"))
sys.path.insert(0, HERE)

_lock = threading.Lock()


def emit(obj):
    with _lock:
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()


try:
    from scramp import ScramException, ScramMechanism
except ImportError:
    emit({"ready": False, "error": "scramp is missing: run `make test-scramp` (pip install into .build-scramp)"})
    sys.exit(1)


class Connection:
    def __init__(self, sock, options, tls, tls_port):
        self.sock = sock
        self.options = options
        self.tls = tls
        self.tls_port = tls_port
        self.nick = None
        self.user = False
        self.negotiating = False
        self.registered = False
        self.account = None
        self.mechanism = None
        self.scram = None
        self.stage = 0
        self.incoming = ""

    def send(self, line):
        self.sock.sendall((line + "\r\n").encode())

    def caps(self):
        caps = ["multi-prefix", "sasl=" + ",".join(self.options.mechanisms)]
        if self.options.sts_duration is not None:
            caps.append(f"sts=duration={self.options.sts_duration}" if self.tls
                        else f"sts=port={self.tls_port},duration={self.options.sts_duration}")
        return " ".join(caps)

    def run(self):
        emit({"event": "connected", "tls": self.tls})
        buffer = b""
        try:
            while True:
                data = self.sock.recv(4096)
                if not data:
                    return
                buffer += data
                while b"\n" in buffer:
                    raw, buffer = buffer.split(b"\n", 1)
                    if not self.handle(raw.decode(errors="replace").rstrip("\r")):
                        return
        except (OSError, ssl.SSLError):
            return
        finally:
            try:
                self.sock.close()
            except OSError:
                pass

    def handle(self, line):
        parts = line.split(" ")
        verb = parts[0].upper()
        args = parts[1:]
        if verb == "CAP" and args:
            sub = args[0].upper()
            if sub == "LS":
                self.negotiating = True
                self.send(f":scripted CAP * LS :{self.caps()}")
            elif sub == "REQ":
                wanted = line.split(" ", 2)[2].lstrip(":").split()
                ok = all(w in ("sasl", "multi-prefix") for w in wanted)
                self.send(f":scripted CAP * {'ACK' if ok else 'NAK'} :{' '.join(wanted)}")
            elif sub == "END":
                self.negotiating = False
                self.maybe_welcome()
        elif verb == "AUTHENTICATE" and args:
            self.authenticate(args[0])
        elif verb == "NICK" and args:
            self.nick = args[0].lstrip(":")
            self.maybe_welcome()
        elif verb == "USER":
            self.user = True
            self.maybe_welcome()
        elif verb == "PING":
            self.send(f":scripted PONG scripted :{args[0].lstrip(':') if args else ''}")
        elif verb == "JOIN" and args:
            for channel in args[0].split(","):
                self.send(f":{self.nick}!bot@127.0.0.1 JOIN {channel}")
        elif verb == "QUIT":
            self.send("ERROR :Closing link")
            return False
        return True

    def maybe_welcome(self):
        if self.registered or not self.nick or not self.user or self.negotiating:
            return
        self.registered = True
        self.send(f":scripted 001 {self.nick} :Welcome to the scripted network {self.nick}!bot@127.0.0.1")
        emit({"event": "welcome", "nick": self.nick, "tls": self.tls, "account": self.account})

    def finish(self, result):
        emit({"event": "authenticate", "mechanism": self.mechanism, "result": result})
        target = self.nick or "*"
        if result == "success":
            self.account = self.options.account
            self.send(f":scripted 900 {target} {target}!bot@127.0.0.1 {self.account} :You are now logged in as {self.account}")
            self.send(f":scripted 903 {target} :SASL authentication successful")
        elif result == "abort":
            self.send(f":scripted 906 {target} :SASL authentication aborted")
        else:
            self.send(f":scripted 904 {target} :SASL authentication failed")
        self.mechanism = None
        self.scram = None

    def authenticate(self, data):
        target = self.nick or "*"
        if self.mechanism is None:
            mechanism = data.upper()
            if mechanism not in self.options.mechanisms:
                self.send(f":scripted 908 {target} {','.join(self.options.mechanisms)} :are available SASL mechanisms")
                self.send(f":scripted 904 {target} :SASL authentication failed")
                emit({"event": "authenticate", "mechanism": mechanism, "result": "unknown"})
                return
            self.mechanism = mechanism
            self.stage = 0
            self.incoming = ""
            if mechanism.startswith("SCRAM-"):
                scram = ScramMechanism(mechanism)
                auth = scram.make_auth_info(self.options.password, iteration_count=4096)

                def lookup(username):
                    if username != self.options.account:
                        raise ScramException("unknown user")
                    return auth
                self.scram = scram.make_server(lookup)
            self.send("AUTHENTICATE +")
            return
        if data == "*":
            return self.finish("abort")
        if data != "+":
            self.incoming += data
        if len(data) == 400:
            return
        payload = base64.b64decode(self.incoming).decode() if self.incoming else ""
        self.incoming = ""
        if self.mechanism == "PLAIN":
            fields = payload.split("\0")
            good = len(fields) == 3 and fields[1] == self.options.account and fields[2] == self.options.password
            return self.finish("success" if good else "fail")
        self.stage += 1
        try:
            if self.stage == 1:
                self.scram.set_client_first(payload)
                self.reply(self.scram.get_server_first())
            elif self.stage == 2:
                self.scram.set_client_final(payload)
                final = self.scram.get_server_final()
                if self.options.bad_signature:
                    final = "v=" + base64.b64encode(b"\0" * (32 if "256" in self.mechanism else 20)).decode()
                self.reply(final)
            else:
                self.finish("success")
        except ScramException:
            self.finish("fail")

    def reply(self, text):
        encoded = base64.b64encode(text.encode()).decode()
        for i in range(0, len(encoded), 400):
            self.send("AUTHENTICATE " + encoded[i:i + 400])
        if len(encoded) % 400 == 0:
            self.send("AUTHENTICATE +")


def serve(listener, options, tls_context, tls_port):
    while True:
        try:
            sock, _ = listener.accept()
        except OSError:
            return
        if tls_context is not None:
            try:
                sock.settimeout(10)
                sock = tls_context.wrap_socket(sock, server_side=True)
                sock.settimeout(None)
            except (OSError, ssl.SSLError):
                sock.close()
                continue
        connection = Connection(sock, options, tls_context is not None, tls_port)
        threading.Thread(target=connection.run, daemon=True).start()


def listen():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    return sock


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--account", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--mechanisms", default="SCRAM-SHA-256,SCRAM-SHA-1,PLAIN")
    parser.add_argument("--bad-signature", action="store_true")
    parser.add_argument("--sts-duration", type=int)
    options = parser.parse_args()
    options.mechanisms = [m.upper() for m in options.mechanisms.split(",")]
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    os.makedirs(options.dir, exist_ok=True)

    plain = listen()
    tls_port = None
    ca_file = None
    threads = []
    if options.sts_duration is not None:
        from ircd import make_certificate  # the same self-signed certificate as ircd.py's
        ca_file = os.path.join(options.dir, "cert.pem")
        key = os.path.join(options.dir, "key.pem")
        make_certificate(ca_file, key)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(ca_file, key)
        secure = listen()
        tls_port = secure.getsockname()[1]
        threads.append(threading.Thread(target=serve, args=(secure, options, context, tls_port), daemon=True))
    threads.append(threading.Thread(target=serve, args=(plain, options, None, tls_port), daemon=True))
    for thread in threads:
        thread.start()
    emit({"ready": True, "port": plain.getsockname()[1], "tls_port": tls_port, "ca_file": ca_file})
    sys.stdin.read()  # until EOF
    return 0


if __name__ == "__main__":
    sys.exit(main())
