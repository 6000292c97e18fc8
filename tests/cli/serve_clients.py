#!/usr/bin/env python3
"""serve_clients.py — the clients of the server tests (0935-serve-dict-slow.t,
0936-serve-dict-attack.t, 0940-serve-http.t, 0942-serve-http-slow.t,
0948-serve-http-framing.t): slow, trickling, long-lived and
raw clients of `glossa serve`, on 127.0.0.1 (python3 alone, no packages).
Usage: serve_clients.py COMMAND PORT ARGS...; each prints what the test checks."""
import os
import re
import signal
import socket
import sys
import threading
import time


def connect(port, source="127.0.0.1", rcvbuf=0):
    """A connection to 127.0.0.1:port from source (127.0.0.2: another address)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(20)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def dict_connect(port, source="127.0.0.1", rcvbuf=0):
    s = connect(port, source, rcvbuf)
    return s, s.makefile("rb")


def read_all(s):
    data = b""
    while True:
        b = s.recv(65536)
        if not b:
            return data
        data += b


# ---- DICT ----------------------------------------------------------------------

def dict_answer(f):
    """The lines of one answer, up to its final status line."""
    lines, text = [], False
    while True:
        l = f.readline()
        if not l:
            return lines
        lines.append(l.decode("utf-8", "replace").rstrip("\r\n"))
        if text:
            text = lines[-1] != "."
        elif lines[-1][:3] in ("151", "110", "111", "112", "113", "114"):
            text = True
        elif lines[-1][:3].isdigit() and lines[-1][:3] != "150":
            return lines

def dict_slowloris(port, n):
    admitted, refused = [], 0
    for _ in range(n):
        s, f = dict_connect(port)
        greeting = f.readline()
        if greeting.startswith(b"220"):
            admitted.append(s)
        else:
            refused += int(greeting.startswith(b"420"))
            s.close()
    print("admitted", len(admitted), "refused", refused, flush=True)
    start = time.monotonic()
    closed = {}
    def trickle():
        text = b"DEFINE all information\r\n"
        for i in range(40):
            for k, s in enumerate(admitted):
                if k in closed:
                    continue
                try:
                    s.send(text[i % (len(text) - 2):][:1])
                    s.setblocking(False)
                    if s.recv(100) == b"":
                        closed[k] = time.monotonic() - start
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    closed[k] = time.monotonic() - start
                finally:
                    s.setblocking(True)
            if len(closed) == len(admitted):
                return
            time.sleep(0.5)
    t = threading.Thread(target=trickle)
    t.start()
    time.sleep(1.5)
    s, f = dict_connect(port, source="127.0.0.2")
    greeting = f.readline().decode()[:3]
    s.sendall("DEFINE all \"information security\"\r\n".encode())
    lines = dict_answer(f)
    print("other address:", greeting, lines[-1][:3] if lines else "none",
          "found" if any("信息安全" in l for l in lines) else "not found", flush=True)
    s.close()
    t.join()
    if len(closed) == len(admitted):
        print("trickling connections closed after %d to %d s" %
              (int(min(closed.values())), int(max(closed.values()) + 0.999)))
    else:
        print("%d of %d trickling connections still open" % (len(admitted) - len(closed), len(admitted)))

def dict_status_loop(port, flag):
    s, f = dict_connect(port)
    f.readline()
    n, done = 0, False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done = os.path.exists(flag)  # then one STATUS more, after the re-index
        s.sendall(b"STATUS\r\n")
        n += f.readline().startswith(b"210")
        if n == 1:
            print("ready", flush=True)
        if done:
            break
        time.sleep(0.3)
    s.sendall("DEFINE all \"вредоносная запись\"\r\n".encode())
    lines = dict_answer(f)
    print("STATUS answered before and after:", done and n >= 2)
    print("\n".join(lines))

def dict_pipeline(port, big, small):
    # big answers (70 KB each, "*" being "all": more than the socket buffers
    # hold together), then small
    # commands past the 4096 bytes the server reads at a time, then a pause
    # without reading: the server stops reading with a command line cut in
    # two in its buffer, which must not count against --request-timeout
    s, f = dict_connect(port, rcvbuf=4096)
    f.readline()
    s.sendall("DEFINE * информ\r\n".encode() * big + b"STATUS\r\n" * small)
    time.sleep(3)
    defined = status = 0
    while defined + status < big + small:
        l = f.readline()
        if not l:
            break
        defined += l == b"250 ok\r\n"
        status += l.startswith(b"210 ")
    print("answered %d of %d DEFINE, %d of %d STATUS" % (defined, big, status, small))

def dict_graceful(port, pid, n):
    # n answers of about 70 KB each, more than the socket buffers hold
    a, fa = dict_connect(port, rcvbuf=4096)
    fa.readline()
    b, fb = dict_connect(port)
    fb.readline()
    a.sendall("DEFINE * информ\r\n".encode() * n)
    first = fa.readline().decode().strip()
    print("first:", first, flush=True)
    os.kill(pid, signal.SIGTERM)
    print("idle client:", fb.readline().decode()[:3], flush=True)
    time.sleep(0.5)  # the answers are still being sent
    lines = [first] + fa.read().decode("utf-8", "replace").split("\r\n")
    begun = sum(l.startswith("150 ") for l in lines)
    print("answers: %d begun, %d ended" % (begun, sum(l == "250 ok" for l in lines)))
    print("definitions:", sum(l.startswith("151 ") for l in lines), "of",
          begun * int(first.split()[1]))
    print("last lines:", lines[-3][:6], lines[-2][:3])


def dict_slow_reader(port, seconds):
    # 200 answers of 70 KB asked for, then taken 200 bytes every 0.1 s: each
    # read resets an idle clock, never a deadline on the answers waiting
    s, f = dict_connect(port, rcvbuf=4096)
    f.readline()
    s.sendall("DEFINE * информ\r\n".encode() * 200)
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if s.recv(200) == b"":
                print("closed after %d s" % int(time.monotonic() - start + 0.5))
                return
        except OSError:
            print("closed after %d s" % int(time.monotonic() - start + 0.5))
            return
        time.sleep(0.1)
    print("still open after %d s" % seconds)


# ---- HTTP ----------------------------------------------------------------------

def http_raw(port, request):
    """Send request (with \\r\\n escapes); print the answer's head, its count
    of status lines and the start of its body."""
    s = connect(port)
    s.sendall(request.encode().decode("unicode_escape").encode("latin-1"))
    data = read_all(s)
    head, _, body = data.partition(b"\r\n\r\n")
    print(head.decode("latin-1"))
    print("status lines:", len(re.findall(rb"(?:^|\n)HTTP/1\.[01] [0-9]{3} ", data)))
    print("body:", body.decode("utf-8", "replace")[:300])


def http_framing(port, request):
    """Send request (with \\r\\n escapes) and, in the same write, a second
    request (what a smuggler hides in a body); print the answer's head (its
    Date aside), its count of status lines, its body, and whether the server
    closed the connection within 2 s without waiting for the body announced."""
    s = connect(port)
    s.settimeout(2)
    s.sendall(request.encode().decode("unicode_escape").encode("latin-1") +
              b"GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n")
    data, closed = b"", "no"
    try:
        while True:
            b = s.recv(65536)
            if not b:
                closed = "yes"
                break
            data += b
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = "yes (reset)"
    head, _, body = data.partition(b"\r\n\r\n")
    print("\n".join(l for l in head.decode("latin-1").split("\r\n")
                    if not l.startswith("Date: ")))
    print("status lines:", len(re.findall(rb"(?:^|\n)HTTP/1\.[01] [0-9]{3} ", data)))
    print("body:", body.decode("utf-8", "replace"))
    print("closed:", closed)


def http_response(s):
    """(status, whole, head): the status code, whether the body has its
    Content-Length, and the head."""
    data = read_all(s)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("content-length:")]
    status = lines[0].split(" ")[1] if lines[0].startswith("HTTP/1.1 ") else "none"
    return status, bool(length) and int(length[0]) == len(body), head.decode("latin-1")


def closed(s):
    s.setblocking(False)
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        s.setblocking(True)

def http_slowloris(port, n):
    socks = [connect(port) for _ in range(n)]
    start = time.monotonic()
    text = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 100
    for s in socks:
        try:
            s.send(text[:1])
        except OSError:
            pass
    time.sleep(1)
    open_ = [s for s in socks if not closed(s)]
    print("open", len(open_), "closed", n - len(open_), flush=True)
    # a client from another address, while the trickle goes on
    c = connect(port, source="127.0.0.2")
    c.sendall(b"GET /api/concept/information-security HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    status, whole, _ = http_response(c)
    print("other address:", status, "whole" if whole else "cut", flush=True)
    answers = {}
    for i in range(1, 60):
        for k, s in enumerate(open_):
            if k in answers:
                continue
            s.setblocking(False)
            try:
                got = s.recv(65536)
                answers[k] = (time.monotonic() - start, got)
            except BlockingIOError:
                try:
                    s.send(text[i % len(text):][:1])
                except OSError:
                    answers[k] = (time.monotonic() - start, b"")
            except OSError:
                answers[k] = (time.monotonic() - start, b"")
            s.setblocking(True)
        if len(answers) == len(open_):
            break
        time.sleep(0.5)
    heads = [a[1].split(b"\r\n\r\n")[0].decode("latin-1") for a in answers.values()]
    print("answered", sum(h.startswith("HTTP/1.1 408 ") for h in heads), "of", len(open_),
          "with 408, after %d to %d s" % (int(min(a[0] for a in answers.values())),
                                        int(max(a[0] for a in answers.values()) + 0.999)))
    print("with nosniff:", sum("X-Content-Type-Options: nosniff" in h for h in heads))

def http_graceful(port, pid, n):
    q = "/api/lookup?q=%D0%B8%D0%BD%D1%84%D0%BE%D1%80%D0%BC&mode=prefix&limit=20"
    socks = [connect(port) for _ in range(n)]
    for s in socks:
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % q).encode())  # not whole yet
    stuck = connect(port, source="127.0.0.2")
    stuck.sendall(b"GET / HTTP/1.1\r\n")  # never whole
    time.sleep(0.5)
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.5)
    try:
        connect(port).close()
        print("a new connection after SIGTERM: accepted")
    except OSError:
        print("a new connection after SIGTERM: refused")
    results = [None] * n
    def finish(k):
        socks[k].sendall(b"Accept: application/json\r\n\r\n")
        results[k] = http_response(socks[k])
    threads = [threading.Thread(target=finish, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("%d of %d answered 200 in full" % (sum(r[0] == "200" and r[1] for r in results), n))


COMMANDS = {
    "dict-slowloris": lambda a: dict_slowloris(int(a[0]), int(a[1])),
    "dict-status-loop": lambda a: dict_status_loop(int(a[0]), a[1]),
    "dict-pipeline": lambda a: dict_pipeline(int(a[0]), int(a[1]), int(a[2])),
    "dict-graceful": lambda a: dict_graceful(int(a[0]), int(a[1]), int(a[2])),
    "dict-slow-reader": lambda a: dict_slow_reader(int(a[0]), float(a[1])),
    "http-raw": lambda a: http_raw(int(a[0]), a[1]),
    "http-framing": lambda a: http_framing(int(a[0]), a[1]),
    "http-slowloris": lambda a: http_slowloris(int(a[0]), int(a[1])),
    "http-graceful": lambda a: http_graceful(int(a[0]), int(a[1]), int(a[2])),
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](sys.argv[2:])
