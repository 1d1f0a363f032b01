"""Measures Bindery's startup for bench/run: launch to first answer, and resident memory.

Usage: startup.py --runs N --socket PATH --logs DIR -- <command...>

Launches the command (bin/bindery run) with HTTP_BINDING_ADDRESS set to the socket path,
asks GET /health over the socket every 5 ms until it answers 200, reads VmRSS of the JVM then
and one second later, stops it with SIGTERM and records the exit status. The first launch is
a priming run (it may create the launcher's class-data archive); it is reported, marked, but
left out of the medians. Prints one JSON object per launch.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

REQUEST = b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
ANSWER_TIMEOUT_S = 60
STOP_TIMEOUT_S = 20


def answers_200(path):
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(2)
            s.connect(path)
            s.sendall(REQUEST)
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def jvm_pid(pid):
    """The launcher should exec the JVM; if it forked one instead, follow it to its child."""
    for _ in range(5):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == "java":
                    return pid
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                children = f.read().split()
        except OSError:
            return pid
        if not children:
            return pid
        pid = int(children[0])
    return pid


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def launch(command, socket_path, log_path, run):
    env = dict(os.environ, HTTP_BINDING_ADDRESS=socket_path)
    with open(log_path, "wb") as log:
        started = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        answered = None
        while time.monotonic() - started < ANSWER_TIMEOUT_S and process.poll() is None:
            if answers_200(socket_path):
                answered = time.monotonic()
                break
            time.sleep(0.005)
        pid = jvm_pid(process.pid)
        rss_first = rss_kb(pid)
        time.sleep(1)
        rss_settled = rss_kb(pid)
        execs_jvm = pid == process.pid
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            status = process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            status = process.wait()

    log_text = open(log_path, encoding="utf-8", errors="replace").read()
    reported = re.search(r"Started in (\d+) ms", log_text)
    return {
        "run": run,
        "priming": run == 0,
        "seconds": None if answered is None else round(answered - started, 4),
        "started_in_ms": int(reported.group(1)) if reported else None,
        "rss_kb_first_answer": rss_first,
        "rss_kb_after_1s": rss_settled,
        "exit_status": status,
        "launcher_execs_jvm": execs_jvm,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--socket", required=True)
    parser.add_argument("--logs", required=True)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    # Let bench/run's cleanup (SIGTERM) stop the launched server through the finally above.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    for run in range(args.runs + 1):
        result = launch(args.command, args.socket, f"{args.logs}/startup-{run}.log", run)
        print(json.dumps(result), flush=True)
        if result["seconds"] is None:
            sys.exit(f"startup.py: no answer within {ANSWER_TIMEOUT_S} s, see {args.logs}/startup-{run}.log")


if __name__ == "__main__":
    main()
