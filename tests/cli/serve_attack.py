#!/usr/bin/env python3
"""serve_attack.py — attacks on `glossa serve` (--http or --dict) from
127.0.0.1 while a normal client on 127.0.0.2 keeps asking, for the server
tests (0946-serve-http-attack.t, 0936-serve-dict-attack.t, 0947-serve-stop.t); python3 alone.

Usage: serve_attack.py PROTO PORT KIND N SECONDS [PID]
  PROTO  http or dict
  KIND   trickle  (N connections sending a request a byte at a time, each
                   reopened as soon as the server closes it: slowloris)
         slowread (N connections with a tiny receive window asking for a
                   large answer and never reading it)
         abandon  (N connections at a time that send half a request and
                   close: each reopened at once)
         none     (no attack)
         A+B      (kinds A and B at once, N/2 connections each: a trickle
                   and a slow reader beside the normal client)
  While the attack runs for SECONDS, the normal client asks every 0.1 s
  (each question a new connection, given 1 s); then the attack ends and it
  asks 10 times more at once, and 10 times from the attacking address.
  With PID, SIGTERM is sent to PID once the attack has run 2 s (the time it
  was sent is printed, "SIGTERM at SECONDS"), and the attack goes on until
  the port refuses.
Prints "during: ..." and "after: ..." lines that the tests check."""
import os
import select
import signal
import socket
import sys
import threading
import time

HTTP_NORMAL = b"GET /api/concept/information-security HTTP/1.1\r\nHost: x\r\n\r\n"
HTTP_TRICKLE = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-a: b\r\n" * 2000
HTTP_BIG = (b"GET /api/lookup?q=%D0%B8&mode=prefix&limit=1000 HTTP/1.1\r\n"
            b"Host: x\r\n\r\n")
DICT_TRICKLE = b"DEFINE all information" + b"x" * 1000
DICT_BIG = "DEFINE * информ\r\n".encode() * 200


def connect(port, source, rcvbuf=0, timeout=1.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def gone(s):
    """1 when the server closed s (what it sent is read and dropped)."""
    try:
        r, _, _ = select.select([s], [], [], 0)
        if not r:
            return False
        return s.recv(65536) == b""
    except OSError:
        return True


class Attack:
    def __init__(self, proto, port, kind, n):
        self.proto, self.port, self.kind, self.n = proto, port, kind, n
        self.socks = [None] * n
        self.at = [0] * n
        self.stop = threading.Event()
        self.opened = 0

    def open(self, k):
        try:
            s = connect(self.port, "127.0.0.1", 1024 if self.kind == "slowread" else 0, 0.5)
        except OSError:
            self.socks[k] = None
            return
        self.opened += 1
        self.at[k] = 0
        s.setblocking(False)
        try:
            if self.kind == "slowread":
                s.send(HTTP_BIG if self.proto == "http" else DICT_BIG)
            elif self.kind == "abandon":
                s.send(b"GET / HTTP/1.1\r\nHost: x\r\n" if self.proto == "http" else b"DEFINE all in")
                s.close()
                s = None
        except OSError:
            pass
        self.socks[k] = s

    def step(self):
        text = HTTP_TRICKLE if self.proto == "http" else DICT_TRICKLE
        for k in range(self.n):
            s = self.socks[k]
            if s is None or (self.kind != "slowread" and gone(s)):
                if s is not None:
                    s.close()
                self.open(k)
                continue
            if self.kind == "trickle":
                try:
                    s.send(text[self.at[k] % len(text):][:1])
                    self.at[k] += 1
                except OSError:
                    pass

    def run(self):
        while not self.stop.is_set():
            self.step()
            self.stop.wait(0.3 if self.kind == "trickle" else 0.05)
        for s in self.socks:
            if s is not None:
                s.close()


def ask(proto, port, source="127.0.0.2"):
    """One question of the normal client: the seconds it took, or None when it
    was not answered in full within 1 s. HTTP: read to the close; DICT:
    DEFINE, then QUIT, read to its 221."""
    start = time.monotonic()
    try:
        s = connect(port, source)
        s.sendall(HTTP_NORMAL if proto == "http" else
                  "DEFINE all \"information security\"\r\nQUIT\r\n".encode())
        data = b""
        while proto == "http" or b"\r\n221" not in data:
            left = 1.0 - (time.monotonic() - start)
            if left <= 0:
                return None
            s.settimeout(left)
            b = s.recv(65536)
            if not b:
                break
            data += b
        s.close()
    except OSError:
        return None
    if proto == "http":
        ok = data.startswith(b"HTTP/1.1 200 ") and data.rstrip().endswith(b"}")
    else:
        ok = data.startswith(b"220 ") and "信息安全".encode() in data and b"\r\n250 " in data
    took = time.monotonic() - start
    return took if ok and took <= 1.0 else None


def verdict(what, got):
    """"all answered", "at least 90% answered" or "fewer than 90% answered" on
    stdout (what the tests check), the counts on stderr."""
    answered = sum(t is not None for t in got)
    share = answered / len(got) if got else 0
    said = ("all answered" if answered == len(got) else
            "at least 90% answered" if share >= 0.9 else "fewer than 90% answered")
    print("%s: %s (%d of %d within 1 s)" % (what, said, answered, len(got)), file=sys.stderr)
    print("%s: %s" % (what, said), flush=True)


def main(argv):
    proto, port, kind, n, seconds = argv[0], int(argv[1]), argv[2], int(argv[3]), float(argv[4])
    pid = int(argv[5]) if len(argv) > 5 else 0
    kinds = [k for k in kind.split("+") if k != "none"]
    attacks = [Attack(proto, port, k, n // len(kinds)) for k in kinds]
    threads = [threading.Thread(target=a.run, daemon=True) for a in attacks]
    for t in threads:
        t.start()
    if threads:
        time.sleep(1.0)  # the attack holds what it can
    if pid:
        time.sleep(1.0)
        start = time.monotonic()
        print("SIGTERM at %.3f" % time.time(), flush=True)
        os.kill(pid, signal.SIGTERM)
        while time.monotonic() - start < 30:
            try:
                connect(port, "127.0.0.2", timeout=0.2).close()
            except OSError:
                break
            time.sleep(0.1)
        # the port refuses: the server stopped accepting; its exit is timed by the test
        for a, t in zip(attacks, threads):
            a.stop.set()
            t.join(5)
        print("stopped accepting after SIGTERM")
        return
    during = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        during.append(ask(proto, port))
        time.sleep(0.1)
    for a, t in zip(attacks, threads):
        a.stop.set()
        t.join(5)
    print("attack: %d connections opened" % sum(a.opened for a in attacks), file=sys.stderr)
    verdict("during", during)
    # at once: what the attack held is given back the moment it is gone
    verdict("after", [ask(proto, port) for _ in range(10)])
    verdict("after, from the attacking address", [ask(proto, port, "127.0.0.1") for _ in range(10)])


if __name__ == "__main__":
    main(sys.argv[1:])
