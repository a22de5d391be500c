#!/usr/bin/env python3
"""Open N idle HTTP/1.1 keep-alive connections to a loopback server and watch them.

  idle_clients.py PORT PATH N HOLD_SECONDS SERVER_PID

Each connection first sends one GET and reads the whole response (so it is a real keep-alive
connection that the server has served), then stays idle for HOLD_SECONDS. Every second the
server's VmRSS is read from /proc/SERVER_PID/status and every connection is checked (non-blocking
MSG_PEEK: EOF or reset means the server closed it). At the end every still-open connection sends a
second GET to prove it is usable. Prints one JSON object on stdout. Standard library only.
"""
import errno
import json
import socket
import sys
import time


def read_status_kib(pid, key):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def read_response(sock, deadline):
    """Reads one HTTP/1.1 response with Content-Length or chunked body. Returns (status, headers)."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed before response headers")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        need = int(headers["content-length"])
        while len(rest) < need:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed mid-body")
            rest += chunk
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while not rest.endswith(b"0\r\n\r\n"):
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed mid-body")
            rest += chunk
    return status, headers


def is_open(sock):
    sock.setblocking(False)
    try:
        data = sock.recv(1, socket.MSG_PEEK)
        return bool(data)  # b"" = orderly close by the server; bytes = unsolicited data (still open)
    except BlockingIOError:
        return True
    except OSError as e:
        if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
            return True
        return False
    finally:
        sock.setblocking(True)


def main():
    port, path, n, hold, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    req = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: sallyport-bench-idle\r\n\r\n".encode()
    result = {"requested": n, "opened": 0, "first_request_ok": 0, "first_request_failures": {},
              "server_said_close": 0, "rss_kib_before": read_status_kib(pid, "VmRSS"),
              "samples": [], "closed_during_hold": 0, "first_close_after_s": None,
              "still_open_at_end": 0, "second_request_ok": 0}
    socks = []
    t_open = time.monotonic()
    for _ in range(n):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            result["opened"] += 1
            s.sendall(req)
            status, headers = read_response(s, time.monotonic() + 10)
            if 200 <= status < 300:
                result["first_request_ok"] += 1
            else:
                result["first_request_failures"][str(status)] = result["first_request_failures"].get(str(status), 0) + 1
            if headers.get("connection", "").lower() == "close":
                result["server_said_close"] += 1
            socks.append(s)
        except Exception as e:  # noqa: BLE001 - report every kind of failure by name
            k = type(e).__name__
            result["first_request_failures"][k] = result["first_request_failures"].get(k, 0) + 1
    result["open_seconds"] = round(time.monotonic() - t_open, 3)
    result["held"] = len(socks)

    # Hold: sample RSS and liveness once a second.
    open_flags = [True] * len(socks)
    t_hold = time.monotonic()
    deadline = t_hold + hold
    while True:
        now = time.monotonic()
        for i, s in enumerate(socks):
            if open_flags[i] and not is_open(s):
                open_flags[i] = False
                if result["first_close_after_s"] is None:
                    result["first_close_after_s"] = round(now - t_hold, 2)
        result["samples"].append({"t_s": round(now - t_hold, 2),
                                  "rss_kib": read_status_kib(pid, "VmRSS"),
                                  "open": sum(open_flags)})
        if now >= deadline:
            break
        time.sleep(min(1.0, max(0.0, deadline - now)))
    result["still_open_at_end"] = sum(open_flags)
    result["closed_during_hold"] = len(socks) - sum(open_flags)
    rss = [x["rss_kib"] for x in result["samples"] if x["rss_kib"] is not None]
    result["rss_kib_max"] = max(rss) if rss else None
    result["rss_kib_last"] = rss[-1] if rss else None
    result["hwm_kib"] = read_status_kib(pid, "VmHWM")

    # Prove the open ones are usable: one more GET each.
    for i, s in enumerate(socks):
        if not open_flags[i]:
            continue
        try:
            s.sendall(req)
            status, _ = read_response(s, time.monotonic() + 10)
            if 200 <= status < 300:
                result["second_request_ok"] += 1
        except Exception:  # noqa: BLE001
            pass
    for s in socks:
        s.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
