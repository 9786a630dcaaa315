#!/usr/bin/env python3
"""Measures a full-screen terminal program in a real pseudo-terminal of 80x24.

For each run: time from start until the first frame has settled (the last byte before the output
stays quiet for QUIET seconds), bytes the program writes per character typed into its first text
field, and peak RSS of the process (from wait4). Prints one JSON object per run.

With --in-flight, Ctrl-S is pressed first (the command must prefill a valid form against a slow
sandbox) and the echo latency of each typed character is measured while the request is in flight.
With --echo, the same without Ctrl-S (for programs that take Ctrl-S as XOFF).
With --paste, a 10,000-character bracketed paste is sent and the time until the screen settles
again is measured.

usage: pty_bench.py RUNS QUIT_KEYS [--in-flight | --echo] [--paste] -- COMMAND [ARGS...]
"""
import fcntl, json, os, pty, select, struct, sys, termios, time

QUIET = 0.25
TYPED = "webhook-name-for-benchmark"


def read_until_quiet(fd, quiet, limit=10.0):
    """Reads output until none arrives for `quiet` seconds; returns (bytes, time of last byte)."""
    total, last = 0, None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if last is not None:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        total += len(chunk)
        last = time.monotonic()
    return total, last


def echo_latency_ms(fd, ch):
    """Writes one character and waits until it appears in the output."""
    os.write(fd, ch.encode())
    start = time.monotonic()
    seen = b""
    while time.monotonic() - start < 2.0:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 65536)
            if ch.encode() in seen:
                return (time.monotonic() - start) * 1000
    return float("nan")


def paste_ms(fd):
    """Sends a 10,000-character bracketed paste; time until the output is quiet again."""
    start = time.monotonic()
    os.write(fd, b"\x1b[200~" + b"p" * 10_000 + b"\x1b[201~")
    _, last = read_until_quiet(fd, 0.1, limit=10.0)
    return ((last or start) - start) * 1000


def one_run(command, quit_keys, env, in_flight=False, paste=False, echo=False):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    _, settled = read_until_quiet(fd, QUIET)
    first_frame_ms = (settled - start) * 1000
    extra = {}
    if in_flight or echo:
        if in_flight:
            os.write(fd, b"\x13")
            read_until_quiet(fd, 0.05, limit=0.3)
        latencies = [echo_latency_ms(fd, ch) for ch in "ZXKQJVWY"]
        extra["echo_in_flight_ms"] = round(sorted(latencies)[len(latencies) // 2], 2)
    if paste:
        extra["paste_10k_ms"] = round(paste_ms(fd), 1)
    written = 0
    for ch in TYPED:
        os.write(fd, ch.encode())
        n, _ = read_until_quiet(fd, 0.05, limit=2.0)
        written += n
    os.write(fd, quit_keys.encode().decode("unicode_escape").encode())
    read_until_quiet(fd, 0.2, limit=3.0)
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    result = {"first_frame_ms": round(first_frame_ms, 2), "bytes_per_char": round(written / len(TYPED), 1),
              "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}
    result.update(extra)
    return result


def main():
    runs, quit_keys = int(sys.argv[1]), sys.argv[2]
    flags = sys.argv[3:sys.argv.index("--")]
    command = sys.argv[sys.argv.index("--") + 1:]
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LINES="24", COLUMNS="80")
    for _ in range(runs):
        print(json.dumps(one_run(command, quit_keys, env, "--in-flight" in flags, "--paste" in flags, "--echo" in flags)), flush=True)


if __name__ == "__main__":
    main()
