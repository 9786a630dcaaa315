#!/usr/bin/env python3
"""The delivery log against a sandbox holding many deliveries, in a real pseudo-terminal of 80x24.

Opens the list, then the log of all webhooks (L). Prints one JSON object: the time from L to the
first page drawn, a plain POST /webhooks/query of the same page (the network and server part),
their difference (the page's answer to the drawn log: decoding and drawing), key echo while
paging down through ROWS rows whose pages are still loading (median and p99), and peak RSS.

usage: log_bench.py BASE_URL KEY_FILE TOTAL ROWS -- COMMAND [ARGS...]
"""
import fcntl, json, os, pty, statistics, struct, sys, termios, time, urllib.request
sys.path.insert(0, os.path.dirname(__file__))
from list_bench import read_for, median_request_ms, p99


def main():
    base, key_file, total, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    command = sys.argv[sys.argv.index("--") + 1:]
    key = open(key_file).read().strip()
    post_ms = median_request_ms(urllib.request.Request(base + "/webhooks/query", data=b'{"limit":100,"offset":0}', method="POST",
                                                       headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"}))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", JETEMAIL_BASE_URL=base)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    read_for(fd, b"webhooks", limit=30)
    read_for(fd, quiet=0.3)
    os.write(fd, b"L")
    start = time.monotonic()
    drawn = read_for(fd, f"of {total}".encode(), limit=30)
    read_for(fd, quiet=0.3)
    import select
    echoes, loading_seen = [], 0
    # PgDn moves 19 rows on 80x24: page down until ROWS rows are passed, each key timed from the
    # write to the first byte of its frame. Output already waiting (a page that arrived) is read
    # first, so that it is not taken for the echo; keys come every 20 ms, faster than pages load.
    for _ in range(rows // 19 + 1):
        while select.select([fd], [], [], 0)[0]:
            os.read(fd, 1 << 20)
        os.write(fd, b"\x1b[6~")
        t = time.monotonic()
        ready, _, _ = select.select([fd], [], [], 2.0)
        if not ready:
            echoes.append(float("nan"))
            continue
        echoes.append((time.monotonic() - t) * 1000)
        chunk = b""
        while select.select([fd], [], [], 0.005)[0]:
            chunk += os.read(fd, 1 << 20)
        loading_seen += b"loading" in chunk
        time.sleep(0.015)
    read_for(fd, quiet=0.5)
    os.write(fd, b"\x11")
    read_for(fd, quiet=0.3, limit=5)
    _, _, usage = os.wait4(pid, 0)
    print(json.dumps({
        "open_to_first_page_ms": round(((drawn or start) - start) * 1000, 1),
        "plain_query_ms": round(post_ms, 1),
        "answer_to_frame_ms": round(((drawn or start) - start) * 1000 - post_ms, 1),
        "page_echo_median_ms": round(statistics.median(e for e in echoes if e == e), 2), "page_echo_p99_ms": round(p99(echoes), 2),
        "keys": len(echoes), "frames_with_loading_rows": loading_seen,
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
