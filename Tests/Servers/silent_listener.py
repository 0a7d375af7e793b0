#!/usr/bin/env python3
"""A TCP listener on 127.0.0.1 that never lets a client get anywhere, for stop tests.

    silent_listener.py never-accept   the accept queue is filled by the script's own
                                      connections, so the kernel drops further SYNs
                                      and a client's connect hangs
    silent_listener.py silent         accepts and never writes a byte, so a TLS
                                      client waits forever for the ServerHello

Prints {"port": N} once ready; stops when standard input closes.
"""
import json
import select
import socket
import sys
import threading


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "silent"
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    held = []
    if mode == "never-accept":
        listener.listen(0)
        # Fill the accept queue until a connection no longer completes.
        for _ in range(16):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            held.append(filler)
            _, writable, _ = select.select([], [filler], [], 0.3)
            if not writable:
                break
    else:
        listener.listen(64)

        def accept_forever():
            while True:
                try:
                    client, _ = listener.accept()
                except OSError:
                    return
                held.append(client)

        threading.Thread(target=accept_forever, daemon=True).start()
    print(json.dumps({"port": port}), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
