"""Reads one h2load run and prints one tab-separated line of figures for bench/run.

Usage: digest.py <h2load stdout> <h2load --log-file>
Prints: req/s, p50 and p99 latency in microseconds, requests succeeded, requests not succeeded.

h2load prints only the mean and deviation of latency, so the percentiles come from its
per-request log: the third column is the time from sending a request to the end of its
response, in microseconds, one row per request of the measured period (warm-up excluded).
Percentiles use the nearest-rank method over the requests answered with a 2xx status.
"""
import math
import re
import sys


def nearest_rank(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def main(stdout_path, log_path):
    text = open(stdout_path, encoding="utf-8", errors="replace").read()
    rate = re.search(r"finished in [\d.]+\w*, ([\d.]+) req/s", text)
    counts = re.search(r"requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded", text)
    codes = re.search(r"status codes: (\d+) 2xx", text)
    if not (rate and counts and codes):
        sys.exit(f"digest.py: no h2load summary in {stdout_path}")

    latencies = []
    with open(log_path, encoding="ascii", errors="replace") as log:
        for row in log:
            fields = row.split("\t")
            if len(fields) >= 3 and fields[1].startswith("2"):
                latencies.append(int(fields[2]))
    latencies.sort()

    total = int(counts.group(1))
    ok = int(codes.group(1))
    print("\t".join([
        rate.group(1),
        str(nearest_rank(latencies, 0.50)),
        str(nearest_rank(latencies, 0.99)),
        str(ok),
        str(total - ok),
    ]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: digest.py <h2load stdout> <h2load log file>")
    main(sys.argv[1], sys.argv[2])
