#!/usr/bin/env python3
"""The list screen against a sandbox holding many webhooks, in a real pseudo-terminal of 80x24.

Prints one JSON object: time from start to the full list on screen, a plain GET of the same list
(the network and server part), their difference (the list's answer to the drawn frame: decoding,
sorting, drawing), key echo while scrolling and while typing a filter (median and p99), and peak RSS.

usage: list_bench.py BASE_URL KEY_FILE COUNT -- COMMAND [ARGS...]
"""
import fcntl, json, os, pty, select, statistics, struct, sys, termios, time, urllib.request


def read_for(fd, want=None, limit=30.0, quiet=None):
    """Reads until `want` appears (returns its time), or until `quiet` seconds pass with no output."""
    seen, deadline = b"", time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet if quiet is not None else 0.5)
        if not ready:
            if quiet is not None:
                return None
            continue
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:  # the program ended
            return None
        if not chunk:
            return None
        seen += chunk
        if want is not None and want in seen:
            return time.monotonic()
    return None


def key_latency_ms(fd, key):
    """Writes a key; time until the program's first output byte in answer."""
    os.write(fd, key)
    start = time.monotonic()
    ready, _, _ = select.select([fd], [], [], 2.0)
    if not ready:
        return float("nan")
    elapsed = (time.monotonic() - start) * 1000
    read_for(fd, quiet=0.02, limit=2.0)  # the rest of the frame
    return elapsed


def median_request_ms(request, times=5):
    """The median time of a plain request (the network and server part of what the program waits for)."""
    spans = []
    for _ in range(times):
        start = time.monotonic()
        urllib.request.urlopen(request).read()
        spans.append((time.monotonic() - start) * 1000)
    return statistics.median(spans)


def p99(values):
    values = sorted(v for v in values if v == v)
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def main():
    base, key_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    key = open(key_file).read().strip()
    get_ms = median_request_ms(urllib.request.Request(base + "/webhooks", headers={"Authorization": "Bearer " + key}))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", JETEMAIL_BASE_URL=base)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    first = read_for(fd, b"Loading webhooks")
    full = read_for(fd, f"{count} webhooks".encode(), limit=60)
    read_for(fd, quiet=0.3)
    scroll = [key_latency_ms(fd, b"\x1b[B") for _ in range(200)]
    os.write(fd, b"/")
    read_for(fd, quiet=0.1)
    typing = [key_latency_ms(fd, ch.encode()) for ch in "orders eu 2 billing relay analytics"]
    os.write(fd, b"\r")
    read_for(fd, quiet=0.2)
    os.write(fd, b"q")
    read_for(fd, quiet=0.3, limit=5)
    _, _, usage = os.wait4(pid, 0)
    total = ((full or start) - start) * 1000
    print(json.dumps({
        "first_frame_ms": round(((first or start) - start) * 1000, 2),
        "full_list_ms": round(total, 1),
        "plain_get_ms": round(get_ms, 1),
        "answer_to_frame_ms": round(((full or start) - (first or start)) * 1000 - get_ms, 1),
        "scroll_echo_median_ms": round(statistics.median(scroll), 2), "scroll_echo_p99_ms": round(p99(scroll), 2),
        "filter_echo_median_ms": round(statistics.median(typing), 2), "filter_echo_p99_ms": round(p99(typing), 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
