#!/usr/bin/env python3
"""measure.py NAME RUNS CMD... -> one Markdown table row.

Runs CMD once to warm up, then RUNS times, each in a fresh child process:
wall time from a monotonic clock, CPU time (user+sys) and peak RSS from
wait4()'s rusage of that child alone. Prints median wall (min-max), median
CPU and the largest peak RSS."""
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"| {sys.argv[1]} | failed (exit {os.waitstatus_to_exitcode(status)}) | | |")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


name, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
run(cmd)
rows = [run(cmd) for _ in range(runs)]
wall = [r[0] for r in rows]
cpu = [r[1] for r in rows]
rss = [r[2] for r in rows]
print(f"| {name} | {statistics.median(wall) * 1000:.1f} ms ({min(wall) * 1000:.1f}–{max(wall) * 1000:.1f}) "
      f"| {statistics.median(cpu) * 1000:.1f} ms | {max(rss):.1f} MiB |")
