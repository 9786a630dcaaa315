#!/usr/bin/env python3
"""Follow mode: the time from a delivery's arrival in the sandbox to its row on screen.

Starts `sandbox --seed 8 --live SECONDS` (it says `live: EVENT_ID` on stderr as each delivery
arrives), runs the program in tmux on the log of all webhooks with F pressed, and watches both:
for each delivery, the seconds from its line in the sandbox's log to its id on screen (tmux
capture-pane every 50 ms; a window 220 wide, so that ids are whole). Prints one JSON object: each latency, their median and max, and the
requests the sandbox received per minute while following.

usage: follow_latency.py BINARY [DELIVERIES] [LIVE_SECONDS]"""
import json, os, re, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1]
wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 8
live = sys.argv[3] if len(sys.argv) > 3 else "3"
work = tempfile.mkdtemp()
key = os.path.join(work, "key")
with open(key, "w") as f: f.write("api_follow_latency_0000\n")
os.chmod(key, 0o600)
log_path = os.path.join(work, "sandbox.log")
sandbox = subprocess.Popen([binary, "sandbox", "--seed", "8", "--live", live, "--port", "0", "--api-key-file", key],
                           stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
sock = f"follow-{os.getpid()}"
def tmux(*args): return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout
try:
    for _ in range(100):
        text = open(log_path).read()
        if "listening on" in text: break
        time.sleep(0.05)
    base = re.search(r"http://127\.0\.0\.1:\d+", text).group(0)
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "s", "-x", "220", "-y", "40",
         f"env -i PATH=/usr/bin:/bin HOME={work} TERM=xterm-256color LANG=C.UTF-8 JETEMAIL_BASE_URL={base} {binary} --api-key-file {key}")
    def wait_for(text, timeout=15):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in tmux("capture-pane", "-p", "-t", "s"): return
            time.sleep(0.05)
        raise SystemExit(f"timed out waiting for {text!r}")
    wait_for("8 webhooks")
    tmux("send-keys", "-t", "s", "L"); wait_for("all events")
    tmux("send-keys", "-t", "s", "F"); wait_for("following")
    arrived, shown, offset = {}, {}, len(open(log_path).read())
    started = time.monotonic()
    requests_before = open(log_path).read().count("POST /webhooks/query")
    while len(shown) < wanted and time.monotonic() - started < wanted * float(live) + 30:
        new_text = open(log_path).read()
        for event in re.findall(r"live: (evt_[0-9a-f]+)", new_text[offset:]):
            arrived.setdefault(event, time.monotonic())
        offset = len(new_text)
        screen = tmux("capture-pane", "-p", "-t", "s")
        for event in arrived:
            if event not in shown and event[:12] in screen:
                shown[event] = time.monotonic()
        time.sleep(0.05)
    minutes = (time.monotonic() - started) / 60
    polls = open(log_path).read().count("POST /webhooks/query") - requests_before
    latencies = [round(shown[e] - arrived[e], 2) for e in arrived if e in shown]
    print(json.dumps({"deliveries": len(latencies), "latency_seconds": latencies,
                      "median": round(statistics.median(latencies), 2) if latencies else None,
                      "max": max(latencies) if latencies else None,
                      "queries_a_minute_while_following": round(polls / minutes, 1) if minutes else None}))
finally:
    tmux("kill-server")
    sandbox.terminate()
