#!/usr/bin/env python3
"""Recover against the sandbox behind JetEmail's 240-a-minute window: sustained replays a minute
against the budget, 429s, peak RSS. Prints one JSON line.

usage: recover_bench.py BASE KEYFILE -- BINARY [ARGS...]
The sandbox at BASE has an outage of Billing (its second seeded webhook)."""
import json, os, resource, subprocess, sys, tempfile, time

base, key = sys.argv[1], sys.argv[2]
binary = sys.argv[sys.argv.index("--") + 1:]
env = {"PATH": "/usr/bin:/bin", "HOME": tempfile.mkdtemp(), "LANG": "C.UTF-8", "JETEMAIL_BASE_URL": base,
       "XDG_STATE_HOME": tempfile.mkdtemp()}
hooks = json.loads(subprocess.run(binary + ["list", "--json", "--api-key-file", key], env=env, capture_output=True, text=True).stdout)
hooks = hooks if isinstance(hooks, list) else hooks.get("webhooks", hooks.get("result", []))
uuid = next(h["uuid"] for h in hooks if h["name"] == "Billing")

if os.environ.get("PLAN_ONLY"):
    # The plan alone (--dry-run): every page read, the events held as ids.
    start = time.monotonic()
    r = subprocess.run(binary + ["recover", "--webhook", uuid, "--dry-run", "--json", "--api-key-file", key], env=env, capture_output=True, text=True)
    took = time.monotonic() - start
    plan = json.loads(r.stdout.splitlines()[0])
    print(json.dumps({"planned": plan["count"], "plan_seconds": round(took, 1), "exit": r.returncode,
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}))
    sys.exit(0)

start = time.monotonic()
child = subprocess.Popen(binary + ["recover", "--webhook", uuid, "--yes", "--json", "--api-key-file", key],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
answers, waits, plan, summary = [], 0, None, None
for line in child.stdout:
    row = json.loads(line)
    if "event_id" in row: answers.append((time.monotonic() - start, row["result"]))
    elif "waiting_seconds" in row: waits += 1
    elif row.get("summary"): summary = row
    elif "count" in row: plan = row
child.wait()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
times = [t for t, _ in answers]
end = times[-1] if times else 0
# Sustained: after the first minute (whose burst the window allows), replays a minute to the end.
later = [t for t in times if t > times[0] + 60] if times else []
sustained = len(later) / (end - times[0] - 60) * 60 if later and end - times[0] > 60 else 0
print(json.dumps({
    "planned": plan and plan["count"], "enqueued": summary and summary["enqueued"], "exit": child.returncode,
    "seconds": round(end, 1), "overall_per_minute": round(len(times) / end * 60, 1) if end else 0,
    "sustained_per_minute": round(sustained, 1), "waits_for_429": waits, "peak_rss_mib": round(peak, 1),
}))
