#!/usr/bin/env python3
"""IRC soak: factbot against a real ngircd under abuse, bounded in time.

Usage: python3 Tests/Soak/irc_soak.py [--binary .build/release/factbot] [--seconds 300] [--restarts 2]

Several clients ask questions in the channel and in private, together faster than the
bot's flood control lets it answer, with CTCP floods, nick changes, KICKs, lines over 512
bytes and invalid UTF-8 mixed in; the server is stopped and started `--restarts` times
mid-run. Checks, and exits non-zero if any fails:
  * the bot never exits (no crash) and is never disconnected for flooding;
  * after every restart it reconnects and rejoins (timed);
  * every question the bot accepted got a reply written to the server (its --verbose log
    is the account; replies still queued at a disconnect go out after the reconnect), and
    the ones it refused were over the per-user limit (one notice, then quiet) or arrived
    with 60 replies already queued;
  * its resident memory at the end is within 8 MB of what it was after warm-up.
Prints a Markdown table of the figures. Everything runs on 127.0.0.1.
"""
import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUESTIONS = ["how much r they paid??", "douyin?", "how many chinese fight for russia", "who announced the captures",
             "what do the ads promise", "who won the 1966 world cup", "wat is the sign up bonus"]


class Client:
    """A raw IRC client that keeps reading on a thread and records what it sees."""

    def __init__(self, port, nick, oper=False):
        self.port, self.nick, self.oper = port, nick, oper
        self.lines, self.lock, self.sock = [], threading.Lock(), None
        self.connect()

    def connect(self):
        deadline = time.monotonic() + 20
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.sock.settimeout(None)
        self.buffer = b""
        threading.Thread(target=self.read, args=(self.sock,), daemon=True).start()
        self.send(f"NICK {self.nick}")
        self.send(f"USER {self.nick} 0 * :soak")
        self.wait(lambda l: " 001 " in l, 10)
        if self.oper:
            self.send("OPER oper operpass")
            self.send(f"MODE {self.nick} +F")
        self.send("JOIN #news")
        self.wait(lambda l: " 366 " in l, 10)

    def read(self, sock):
        buffer = b""
        while True:
            try:
                data = sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while b"\n" in buffer:
                raw, buffer = buffer.split(b"\n", 1)
                line = raw.rstrip(b"\r").decode(errors="replace")
                if line.startswith("PING"):
                    self.send("PONG" + line[4:])
                with self.lock:
                    self.lines.append((time.monotonic(), line))

    def send(self, line, raw=None):
        try:
            self.sock.sendall(raw if raw is not None else line.encode() + b"\r\n")
            return True
        except OSError:
            return False

    def wait(self, predicate, timeout, since=0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for _, line in self.lines[since:]:
                    if predicate(line):
                        return line
            time.sleep(0.02)
        raise TimeoutError(f"{self.nick}: no matching line")

    def count(self, predicate):
        with self.lock:
            return sum(1 for _, line in self.lines if predicate(line))


def vm(pid, key):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description="IRC soak against ngircd")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/factbot"))
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--restarts", type=int, default=2)
    parser.add_argument("--memory-slack", type=float, default=8, help="MB the bot may grow (looser for short runs)")
    args = parser.parse_args()
    rng = random.Random(7)

    scratch = tempfile.mkdtemp(prefix="factbot-soak-")
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/Servers/ircd.py"), "ngircd", "--dir", scratch],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = json.loads(server.stdout.readline())["port"]
    config = os.path.join(scratch, "soak.conf")
    with open(config, "w") as file:
        file.write("[irc]\nuser_questions = 30\nrejoin_delay = 2s\n")
    log_path = os.path.join(scratch, "bot.log")
    failures = []
    bot = None
    try:
        op = Client(port, "op", oper=True)  # first in #news: channel operator, can KICK
        bot = subprocess.Popen([args.binary, "irc", "--config", config, "--server", "127.0.0.1", "--port", str(port),
                                "--nick", "factbot", "--channel", "#news", "--verbose"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=open(log_path, "w"))
        op.wait(lambda l: l.startswith(":factbot!") and " JOIN " in l, 15)
        # Operators with +F: ngircd relays their lines at once instead of queueing them, so
        # the pressure is on the bot's flood control, not the server's.
        askers = [Client(port, f"asker{i}", oper=True) for i in range(3)]
        time.sleep(3)
        rss_start = vm(bot.pid, "VmRSS")

        sent, unsafe = 0, 0           # questions; those sent near a restart
        restart_at = sorted(rng.uniform(0.25, 0.75) * args.seconds for _ in range(args.restarts))
        rejoin_times, restarts_done = [], 0
        quiet_until = 0.0
        start = time.monotonic()
        while time.monotonic() - start < args.seconds:
            now = time.monotonic() - start
            if restarts_done < len(restart_at) and now >= restart_at[restarts_done]:
                restarts_done += 1
                server.stdin.write("stop\n"); server.stdin.flush(); server.stdout.readline()
                time.sleep(1)
                server.stdin.write("start\n"); server.stdin.flush(); server.stdout.readline()
                back = time.monotonic()
                mark = len(op.lines)
                for client in [op] + askers:
                    client.connect()
                # Back in #news: either it joins after op (JOIN), or it was there first (NAMES).
                def rejoined(line):
                    if line.startswith(":factbot!") and " JOIN " in line:
                        return True
                    return " 353 " in line and "factbot" in line.split(" :", 1)[-1].replace("@", "").split()
                try:
                    op.wait(rejoined, 30, since=mark)
                    rejoin_times.append(time.monotonic() - back)
                except TimeoutError:
                    failures.append(f"restart {restarts_done}: the bot did not rejoin within 30 s")
                quiet_until = time.monotonic() + 5
                continue
            client = rng.choice(askers)
            action = rng.random()
            near_restart = time.monotonic() < quiet_until or any(abs(now - at) < 6 for at in restart_at)
            if action < 0.55:
                target = "#news" if rng.random() < 0.6 else "factbot"
                text = rng.choice(QUESTIONS)
                line = f"PRIVMSG #news :factbot: {text}" if target == "#news" else f"PRIVMSG factbot :{text}"
                if client.send(line):
                    sent += 1
                    unsafe += near_restart
            elif action < 0.65:
                client.send("PRIVMSG factbot :\x01VERSION\x01")
            elif action < 0.70:
                client.send(None, raw=b"PRIVMSG #news :" + bytes(rng.randrange(128, 256) for _ in range(40)) + b"\r\n")
            elif action < 0.72:
                client.send(None, raw=b"PRIVMSG factbot :" + b"x" * 600 + b"\r\n")  # over 512: ngircd drops the sender
                time.sleep(0.3)
                client.connect()
            elif action < 0.74:
                op.send("KICK #news factbot :soak")
            elif action < 0.76:
                client.send(f"NICK {client.nick}_{rng.randrange(100)}")
            time.sleep(rng.uniform(0.05, 0.25))
        # Let the bot's queue drain (at most 60 lines, one a second): until its log shows
        # no reply or notice written for 5 s.
        def written():
            with open(log_path) as file:
                text = file.read()
            return text.count("→ PRIVMSG ") + text.count("→ NOTICE ")
        drain_end, count, steady_since = time.monotonic() + 90, -1, time.monotonic()
        while time.monotonic() < drain_end:
            now_count = written()
            if now_count != count:
                count, steady_since = now_count, time.monotonic()
            elif time.monotonic() - steady_since > 5:
                break
            time.sleep(0.5)
        if bot.poll() is not None:
            failures.append(f"the bot exited with status {bot.returncode}")
        rss_end = vm(bot.pid, "VmRSS") if bot.poll() is None else 0.0
        # The bot's own account (its --verbose log): each question it accepted must have
        # had a reply written to the server; the refused ones their notice or silence.
        with open(log_path) as file:
            log = file.read()
        accepted = log.count("question from ")
        replies = log.count("→ PRIVMSG ")
        notices = log.count("is asking too fast")
        quiet = log.count("still over the limit, not answered")
        overloaded = log.count("too many answers queued")
        carried = log.count("unsent replies for the next connection")
        received = op.count(lambda l: l.startswith(":factbot!") and " PRIVMSG #news :" in l) + sum(
            c.count(lambda l: l.startswith(":factbot!") and " PRIVMSG " in l and " PRIVMSG #" not in l) for c in askers)
        flooded = log.count("Excess Flood") + log.lower().count("flooding")
        if flooded:
            failures.append("the server disconnected the bot for flooding")
        # A line written just before the server is killed can die with it: one per restart.
        if replies < accepted - restarts_done:
            failures.append(f"{accepted - replies} accepted questions without a reply")
        if rss_end and rss_end - rss_start > args.memory_slack:
            failures.append(f"memory grew {rss_end - rss_start:.1f} MB")
        print(f"| IRC soak, {args.seconds} s, 3 askers + 1 operator | result |")
        print("|---|---|")
        print(f"| questions sent by the clients (near a restart) | {sent} ({unsafe}) |")
        print(f"| accepted by the bot / replies written / replies received by clients | {accepted} / {replies} / {received} |")
        print(f"| over the per-user limit: notices / then quiet | {notices} / {quiet} |")
        print(f"| dropped because 60 replies were already queued | {overloaded} |")
        print(f"| server restarts survived, time back in the channel (upper bound) | {restarts_done}: {', '.join(f'{t:.1f} s' for t in rejoin_times) or '-'} |")
        print(f"| connections that ended with replies queued (carried over) | {carried} |")
        print(f"| resident memory after warm-up → end | {rss_start:.1f} → {rss_end:.1f} MB |")
        print(f"| crashes / flood disconnects | {int(bot.poll() is not None)} / {flooded} |")
    finally:
        if bot and bot.poll() is None:
            bot.terminate()
            bot.wait(10)
        server.stdin.close()
        server.wait(20)
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
