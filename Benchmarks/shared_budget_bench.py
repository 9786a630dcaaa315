#!/usr/bin/env python3
"""The account's request budget shared by every process: N = 1, 2, 3 recovers started together
against the sandbox playing JetEmail's lockout (240 in any 60 s, then 429 for 5 minutes), at the
default budget of 200 a minute; then what the ledger costs a request.

usage: shared_budget_bench.py BINARY [--skip-throughput] [--skip-cost]
Prints, for each N: replays in each minute since the start, replays a minute in the full minutes,
that against the budget, 429s; then µs per request of the ledger (file) against a budget of the
process's own (the ledger path made unusable), over 200 requests, median of 7 runs each.
"""
import json, os, socket, statistics, subprocess, sys, tempfile, threading, time

BIN = sys.argv[1]
BUDGET = 200

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def sandbox(args, work):
    port = free_port()
    key = os.path.join(work, "key")
    with open(key, "w") as f: f.write("api_benchmark00000001\n")
    os.chmod(key, 0o600)
    proc = subprocess.Popen([BIN, "sandbox", "--port", str(port), "--api-key-file", key] + args,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close(); break
        except OSError: time.sleep(0.05)
    env = dict(os.environ, JETEMAIL_BASE_URL=f"http://127.0.0.1:{port}", XDG_STATE_HOME=os.path.join(work, "state"))
    return proc, key, env

def uuids(key, env):
    out = subprocess.run([BIN, "list", "--json", "--api-key-file", key], env=env, capture_output=True, text=True).stdout
    return [w["uuid"] for w in json.loads(out)]

def throughput(n):
    work = tempfile.mkdtemp()
    # Each webhook of the sandbox has about 8 % of its seeded deliveries failed: ~400 replays in all.
    proc, key, env = sandbox(["--seed", "3", "--seed-deliveries", str(15000 // n), "--outage", "0", "--rate-window", "240"], work)
    hooks = uuids(key, env)[:n]
    times, waits, lock = [], [], threading.Lock()
    start = time.monotonic()
    def run(uuid):
        p = subprocess.Popen([BIN, "recover", "--webhook", uuid, "--yes", "--json", "--api-key-file", key], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        for line in p.stdout:
            t = time.monotonic() - start
            try: o = json.loads(line)
            except ValueError: continue
            with lock:
                if "event_id" in o: times.append(t)
                if "waiting_seconds" in o: waits.append(o["waiting_seconds"])
        p.wait()
    threads = [threading.Thread(target=run, args=(h,)) for h in hooks]
    for t in threads: t.start()
    for t in threads: t.join()
    # A 429 the sandbox answered reaches a recover as a hold (waiting_seconds) or an error.
    proc.terminate(); proc.wait()
    times.sort()
    minutes = [sum(1 for t in times if m * 60 <= t < (m + 1) * 60) for m in range(int(times[-1] // 60) + 1)] if times else []
    full = minutes[:-1] if len(minutes) > 1 else minutes
    rate = statistics.mean(full) if full else 0
    print(f"N={n}: {len(times)} replays in {times[-1]:.1f} s; by minute {minutes}; "
          f"{rate:.0f} replays a minute in full minutes = {100 * rate / BUDGET:.1f} % of {BUDGET}; 429 holds met: {len(waits)}", flush=True)

def cost():
    work = tempfile.mkdtemp()
    proc, key, env = sandbox(["--seed", "1", "--seed-deliveries", "200", "--outage", "0"], work)
    port = env["JETEMAIL_BASE_URL"].rsplit(":", 1)[1]
    def once(shared):
        # A state folder of its own each run: an empty window, so that no run waits for the one before.
        home = tempfile.mkdtemp(dir=work)
        state = os.path.join(home, "jetemail-webhooks")
        os.makedirs(state, mode=0o700)
        if not shared: os.mkdir(os.path.join(state, f"budget-127.0.0.1_{port}.ledger"))  # unusable: the process goes on alone
        t = time.monotonic()
        r = subprocess.run([BIN, "query", "--all", "--limit", "1", "--json", "--max-rate", "240", "--api-key-file", key],
                           env=dict(env, XDG_STATE_HOME=home), capture_output=True, text=True)
        elapsed = time.monotonic() - t
        assert r.returncode == 0 and ("cannot be used" in r.stderr) == (not shared), r.stderr
        return elapsed
    shared, alone = [], []
    for _ in range(7):
        shared.append(once(True)); alone.append(once(False))
    proc.terminate(); proc.wait()
    requests = 200
    s, a = statistics.median(shared), statistics.median(alone)
    print(f"ledger cost: {requests} requests; median {s * 1000:.0f} ms shared, {a * 1000:.0f} ms alone: "
          f"{(s - a) / requests * 1e6:.0f} µs a request (runs shared {[round(x * 1000) for x in shared]}, alone {[round(x * 1000) for x in alone]})")

if "--skip-throughput" not in sys.argv:
    for n in (1, 2, 3): throughput(n)
if "--skip-cost" not in sys.argv:
    cost()
