#!/usr/bin/env python3
"""Refresh soak: `factbot refresh` killed at random moments while its source misbehaves.

Usage: python3 Tests/Soak/refresh_soak.py [--binary .build/release/factbot] [--rounds 60]

Each round the source is one of: a new good page, a 500, a stall past the timeout, a
truncated body, a body over the size cap, binary junk; `factbot refresh` is started and
SIGKILLed at a random moment (or left to finish). After every round the state folder must
read back cleanly and hold either no copy (before the first good fetch), the previous good
copy, or the good page just served; never anything else. Then `factbot ask` must answer
from it. Prints a Markdown table; exits non-zero on any failure. 127.0.0.1 only.
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def page(version):
    body = (f"<p>Version {version}: the harbour authority said that {1000 + version} containers had been held at the north quay since March.</p>"
            "<p>Port workers told reporters the delays cost shippers millions of euros a week, according to their union.</p>"
            "<p>A ministry spokesperson said the backlog would be cleared within weeks, without giving any date.</p>")
    return f"<html><head><title>Harbour v{version}</title></head><body><article>{body}</article></body></html>"


def main():
    parser = argparse.ArgumentParser(description="refresh soak")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/factbot"))
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(11)
    scratch = tempfile.mkdtemp(prefix="factbot-refresh-soak-")
    pages, state = os.path.join(scratch, "pages"), os.path.join(scratch, "state")
    os.makedirs(pages)
    config = os.path.join(scratch, "soak.conf")
    with open(config, "w") as file:
        file.write("[refresh]\ntimeout = 2s\nconnect_timeout = 2s\nmax_bytes = 100000\n")
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/Servers/http_server.py"), pages],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = json.loads(server.stdout.readline())["port"]
    url = lambda path: f"http://127.0.0.1:{port}{path}"
    modes = {"good": None, "500": "/status/500", "stall": "/stall", "truncated": "/truncated", "big": "/big", "garbage": "/garbage"}
    counts = {mode: 0 for mode in modes}
    kills, failures, version, previous = 0, [], 0, None
    try:
        for round_number in range(args.rounds):
            mode = rng.choice(list(modes))
            counts[mode] += 1
            served = None
            if mode == "good":
                version += 1
                served = version
                with open(os.path.join(pages, "harbour.html"), "w") as file:
                    file.write(page(version))
                os.utime(os.path.join(pages, "harbour.html"), (time.time() + version, time.time() + version))
                path = "/files/harbour.html"
            else:
                path = modes[mode]
            process = subprocess.Popen([args.binary, "refresh", "--config", config, "--state-dir", state,
                                        "--source", f"harbour={url(path)}"], cwd=ROOT,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0, 1.5)
            try:
                process.wait(delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills += 1
            stored = os.path.join(state, "harbour.json")
            now = None
            if os.path.exists(stored):
                try:
                    with open(stored) as file:
                        copy = json.load(file)
                    title = copy["article"]["title"]
                    now = int(title.split("v")[-1])
                except (ValueError, KeyError) as error:
                    failures.append(f"round {round_number} ({mode}): unreadable state: {error}")
                    continue
            # Allowed: the previous good copy, or the good page just served; no copy only
            # while there has never been one.
            allowed = {previous, served} - {None} if previous is not None else {None, served}
            if now not in allowed:
                failures.append(f"round {round_number} ({mode}): holds v{now}, expected v{previous} or v{served}")
            previous = now if now is not None else previous
            leftovers = [name for name in os.listdir(state) if ".tmp-" in name] if os.path.isdir(state) else []
            for name in leftovers:  # what a kill mid-write leaves: never read, cleaned here
                os.remove(os.path.join(state, name))
        ask = subprocess.run([args.binary, "ask", "--state-dir", state, "how many containers were held at the north quay?"],
                             cwd=ROOT, capture_output=True, text=True, timeout=30)
        if previous is not None and f"{1000 + previous} containers" not in ask.stdout:
            failures.append(f"ask did not quote the stored copy: {ask.stdout.strip()[:120]}")
        if "corrupt" in ask.stderr:
            failures.append("ask reported a corrupt state file")
    finally:
        server.stdin.close()
        server.wait(10)
    print(f"| refresh soak, {args.rounds} rounds | result |")
    print("|---|---|")
    print("| source behaviour per round | " + ", ".join(f"{mode} {count}" for mode, count in counts.items()) + " |")
    print(f"| refreshes killed mid-run (SIGKILL) | {kills} |")
    print(f"| state read back cleanly after every round | {'yes' if not failures else 'no'} (last good copy v{previous}) |")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
