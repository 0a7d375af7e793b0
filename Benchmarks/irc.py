#!/usr/bin/env python3
"""IRC benchmark: factbot against a real ngircd on loopback.

Measures what a channel notices:
  * latency: question sent by a client to answer received, spaced so that neither
    the bot's flood control nor ngircd's throttling delays anything (median, p90, max);
  * memory: the connected bot's resident set (VmRSS) and peak (VmHWM) after the questions;
  * rejoin: the server is stopped for half a second and started again (31 s apart);
    seconds from the server being ready to the bot being back in its channel (polled with NAMES by an operator
    client whose throttling is lifted).

Usage: python3 Benchmarks/irc.py [--binary .build/release/factbot] [--questions 30] [--restarts 3]
Prints a Markdown table. Standard library only; starts ngircd through Tests/Servers/ircd.py.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONS = ["how much r they paid??", "douyin?", "how many chinese fight for russia", "who said it",
             "when was the article published", "what do the ads promise"]


class Client:
    """A minimal IRC client with a line reader; answers PING."""

    def __init__(self, port, nick):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""
        self.nick = nick
        self.send(f"NICK {nick}")
        self.send(f"USER {nick} 0 * :bench")
        self.wait(lambda l: l.split(" ")[1:2] == ["001"], 10)

    def send(self, line):
        self.sock.sendall(line.encode() + b"\r\n")

    def lines(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                text = line.rstrip(b"\r").decode(errors="replace")
                if text.startswith("PING"):
                    self.send("PONG" + text[4:])
                yield text
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                return
            if not data:
                return
            self.buffer += data

    def wait(self, predicate, timeout):
        for line in self.lines(timeout):
            if predicate(line):
                return line
        raise TimeoutError("no matching line")

    def oper(self):
        self.send("OPER oper operpass")
        self.wait(lambda l: l.split(" ")[1:2] == ["381"], 5)
        self.send(f"MODE {self.nick} +F")


def rss_kib(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/factbot"))
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--restarts", type=int, default=3)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="factbot-bench-irc-")
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/Servers/ircd.py"), "ngircd", "--dir", scratch],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ready = json.loads(server.stdout.readline())
    assert ready["ready"], ready
    port = ready["port"]
    bot = None
    try:
        asker = Client(port, "asker")
        asker.oper()
        asker.send("JOIN #news")
        asker.wait(lambda l: " 366 " in l, 5)
        # One asker puts many questions: lift the per-user limit (6 a minute by default).
        config = os.path.join(scratch, "bench.conf")
        with open(config, "w") as file:
            file.write("[irc]\nuser_questions = 1000\n")
        bot = subprocess.Popen([args.binary, "irc", "--config", config, "--server", "127.0.0.1", "--port", str(port),
                                "--nick", "factbot", "--channel", "#news"], cwd=ROOT, stderr=subprocess.DEVNULL)
        asker.wait(lambda l: l.startswith(":factbot!") and " JOIN " in l, 15)
        time.sleep(4)  # let registration's flood tokens come back

        latencies = []
        for index in range(args.questions):
            question = QUESTIONS[index % len(QUESTIONS)]
            started = time.perf_counter()
            asker.send(f"PRIVMSG #news :factbot: {question}")
            asker.wait(lambda l: l.startswith(":factbot!") and " PRIVMSG #news :asker: " in l, 10)
            latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(1.1)  # one token back: no flood delay on the next answer
        memory = rss_kib(bot.pid)

        rejoins = []
        for restart in range(args.restarts):
            if restart:
                # The bot resets its backoff after 30 s of good connection; each restart
                # is measured from that settled state, as a real server restart would be.
                time.sleep(31)
            server.stdin.write("stop\n"); server.stdin.flush()
            assert json.loads(server.stdout.readline()).get("stopped")
            time.sleep(0.5)
            server.stdin.write("start\n"); server.stdin.flush()
            assert json.loads(server.stdout.readline())["ready"]
            back = time.monotonic()
            watcher = Client(port, "watcher")
            watcher.oper()
            while time.monotonic() - back < 30:
                watcher.send("NAMES #news")
                names = watcher.wait(lambda l: " 353 " in l or " 366 " in l, 5)
                if " 353 " in names and "factbot" in names.split(" :", 1)[-1].replace("@", "").split():
                    break
                time.sleep(0.05)
            rejoins.append(time.monotonic() - back)
            watcher.send("QUIT")
        latencies.sort()
        p90 = latencies[int(0.9 * (len(latencies) - 1))]
        print(f"| IRC, ngircd on loopback ({len(latencies)} questions, {args.restarts} restarts) | factbot |")
        print("|---|---|")
        print(f"| question → answer, median | {statistics.median(latencies):.2f} ms |")
        print(f"| question → answer, p90 / max | {p90:.2f} / {latencies[-1]:.2f} ms |")
        print(f"| resident memory, connected (VmRSS / peak VmHWM) | {memory['VmRSS'] / 1024:.1f} / {memory['VmHWM'] / 1024:.1f} MB |")
        print(f"| back in its channel after the server returns, median (max) | {statistics.median(rejoins):.2f} s ({max(rejoins):.2f} s) |")
    finally:
        if bot:
            bot.terminate()
            bot.wait(10)
        server.stdin.close()
        server.wait(20)


if __name__ == "__main__":
    main()
