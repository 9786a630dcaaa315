#!/usr/bin/env python3
"""Opening a webhook's details until its failures chart is drawn, in a real pseudo-terminal of
80x24, against the demo sandbox with a delay on every answer (a slow link).

Prints one JSON object: for each run, the seconds from Enter on the list to the chart's summary
line ("N failed of M") on screen, and the median. The chart costs 2 requests for the demo's
webhooks (a page a series), asked at background priority beside details' 12 counts.

usage: chart_bench.py LATENCY_MS RUNS -- COMMAND [ARGS...]   (COMMAND: the built program)
"""
import fcntl, json, os, pty, select, statistics, struct, sys, termios, time


def read_for(fd, want, limit=60.0):
    seen, deadline = b"", time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:
            return None
        if not chunk:
            return None
        seen += chunk
        if want in seen:
            return time.monotonic()
    return None


def one_run(latency, command):
    pid, fd = pty.fork()
    if pid == 0:
        env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("TMPDIR", "/tmp"), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        os.execvpe(command[0], command + ["--demo", "--demo-latency-ms", str(latency)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        if read_for(fd, b"8 webhooks") is None:
            return None
        time.sleep(latency / 1000 * 3)  # the list's figures settle
        os.write(fd, b"\x1b[B")          # Down: Billing, which had an outage
        time.sleep(0.2)
        os.write(fd, b"\r")              # Enter: details
        start = time.monotonic()
        drawn = read_for(fd, b"failed of")
        return None if drawn is None else drawn - start
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)


def main():
    latency, runs = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = [one_run(latency, command) for _ in range(runs)]
    seconds = [round(t, 3) for t in times if t is not None]
    print(json.dumps({"latency_ms": latency, "runs": seconds, "median_s": statistics.median(seconds) if seconds else None,
                      "failed_runs": len(times) - len(seconds)}))


if __name__ == "__main__":
    main()
