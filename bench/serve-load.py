#!/usr/bin/env python3
"""Load benchmark of `vanban serve` on loopback (not a test).

For each number of concurrent clients (default 1, 10, 50) it starts a fresh
server, lets every client POST the Ba Tô report to /api/render?format=pdf in a
loop for a bounded time, and reports: successful renders per second, p50/p99
latency of the successful ones, how many 503s (busy, with Retry-After) and
other failures, and the server's peak resident memory (VmHWM).

The server's bound is --max-renders (default: CPU cores) in flight plus
--queue waiting; clients beyond that get a clean 503 at once. Below the bound
there must be 0 errors.

Usage: python3 bench/serve-load.py [--bin target/release/vanban]
       [--seconds 10] [--clients 1,10,50] [--max-renders N] [--queue 32]
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, extra):
    p = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0", *extra],
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
    )
    line = p.stderr.readline()
    addr = line.split("http://", 1)[1].split("/", 1)[0]
    threading.Thread(target=lambda: p.stderr.read(), daemon=True).start()
    host, port = addr.rsplit(":", 1)
    return p, host, int(port)


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def client(host, port, body, deadline, out):
    conn = http.client.HTTPConnection(host, port, timeout=120)
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        try:
            conn.request(
                "POST",
                "/api/render?format=pdf",
                body=body,
                headers={"Content-Type": "application/json"},
            )
            r = conn.getresponse()
            data = r.read()
            dt = time.monotonic() - t0
            if r.status == 200 and data.startswith(b"%PDF"):
                out["ok"].append(dt)
            elif r.status == 503 and r.getheader("Retry-After"):
                out["busy"] += 1
                time.sleep(float(r.getheader("Retry-After")) / 10)
            else:
                out["other"] += 1
        except Exception as e:  # noqa: BLE001 - a benchmark counts every failure
            out["other"] += 1
            out.setdefault("errors", []).append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=120)
    conn.close()


def pct(xs, q):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/vanban"))
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", default="1,10,50")
    ap.add_argument("--max-renders", type=int, default=None)
    ap.add_argument("--queue", type=int, default=32)
    a = ap.parse_args()
    body = open(os.path.join(ROOT, "fixtures/bao-cao-ba-to.json"), "rb").read()
    extra = ["--queue", str(a.queue)]
    if a.max_renders:
        extra += ["--max-renders", str(a.max_renders)]
    cores = os.cpu_count()
    bound = (a.max_renders or cores) + a.queue
    print(f"server: {' '.join(extra)}; cores {cores}; bound {bound} requests in flight+waiting; {a.seconds:g} s per level")
    print("clients  renders/s  p50 ms  p99 ms   ok  503  other  peak RSS MiB")
    results = []
    for n in [int(x) for x in a.clients.split(",")]:
        p, host, port = start(a.bin, extra)
        out = {"ok": [], "busy": 0, "other": 0}
        outs = [dict(ok=[], busy=0, other=0) for _ in range(n)]
        deadline = time.monotonic() + a.seconds
        ts = [threading.Thread(target=client, args=(host, port, body, deadline, o)) for o in outs]
        t0 = time.monotonic()
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        elapsed = time.monotonic() - t0
        for o in outs:
            out["ok"] += o["ok"]
            out["busy"] += o["busy"]
            out["other"] += o["other"]
            out.setdefault("errors", []).extend(o.get("errors", []))
        peak = peak_kib(p.pid) / 1024
        p.terminate()
        p.wait(timeout=30)
        row = {
            "clients": n,
            "renders_per_s": len(out["ok"]) / elapsed,
            "p50_ms": pct(out["ok"], 0.50) * 1000,
            "p99_ms": pct(out["ok"], 0.99) * 1000,
            "ok": len(out["ok"]),
            "busy_503": out["busy"],
            "other_errors": out["other"],
            "peak_rss_mib": peak,
            "server_exit": p.returncode,
        }
        results.append(row)
        print(
            f"{n:7d}  {row['renders_per_s']:9.1f}  {row['p50_ms']:6.0f}  {row['p99_ms']:6.0f}  "
            f"{row['ok']:4d}  {row['busy_503']:3d}  {row['other_errors']:5d}  {peak:12.1f}"
        )
        for e in out.get("errors", [])[:3]:
            print("   error:", e)
    json.dump(results, open(os.path.join(ROOT, "target/serve-load.json"), "w"), indent=1)
    if any(r["other_errors"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
