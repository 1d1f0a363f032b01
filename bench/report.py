"""Turns the files bench/run leaves in its work directory into a table on stdout, a Markdown
page and an SVG chart beside it. Run by bench/run; see its --help for the measurements.

Every figure is the median over the rounds. A ratio is the median of the per-round ratios: both
sides of a ratio were measured minutes apart at most, which cancels most of the drift of a
shared machine. The "## Tuning log" section of an existing page, and everything after it,
is kept as it is.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chart  # noqa: E402

UDS, TCP = "Unix socket", "TCP"
TUNING_HEADING = "## Tuning log"
TUNING_PLACEHOLDER = """\
One entry per change, newest first: what was changed, the profile or measurement that
called for it, and what it bought (the figures before and after, from this page's tables).

_No entries yet._
"""


def targets(app):
    """Target id from bench/run -> (server as shown, transport to the server or its upstream)."""
    return {
        "bindery-uds": ("Bindery", UDS),
        "bindery-tcp": ("Bindery", TCP),
        "jetty-uds": ("bare Jetty", UDS),
        "jetty-tcp": ("bare Jetty", TCP),
        "proxy-uds": (f"nginx → {app}, no upstream keepalive", UDS),
        "proxy-tcp": (f"nginx → {app}, no upstream keepalive", TCP),
        "proxy-uds-ka": (f"nginx → {app}, upstream keepalive", UDS),
        "proxy-tcp-ka": (f"nginx → {app}, upstream keepalive", TCP),
        "nginx-uds": ("nginx return 200", UDS),
        "nginx-tcp": ("nginx return 200", TCP),
        "node-uds": ("Node http", UDS),
        "node-tcp": ("Node http", TCP),
    }


# ---- reading ----------------------------------------------------------------------------------

def read_results(work):
    """(target, connections) -> {round: (rps, p50 us, p99 us, ok, not ok)}"""
    results = defaultdict(dict)
    with open(os.path.join(work, "results.tsv")) as f:
        next(f)
        for line in f:
            r, target, conns, rps, p50, p99, ok, not_ok = line.rstrip("\n").split("\t")
            results[(target, int(conns))][int(r)] = (
                float(rps), float(p50), float(p99), int(ok), int(not_ok))
    return results


def read_tsv(work, name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def read_startup(work):
    path = os.path.join(work, "startup.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def command_line(*args):
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=10)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine(jetty_version):
    def from_file(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    memory_kb = from_file("/proc/meminfo", "MemTotal").split()[0]
    java = command_line("java", "-version").splitlines()
    return [
        ("cores", str(os.cpu_count())),
        ("CPU", from_file("/proc/cpuinfo", "model name")),
        ("memory", f"{int(memory_kb) / 1024 / 1024:.1f} GiB" if memory_kb.isdigit() else "unknown"),
        ("kernel", f"{platform.system()} {platform.release()}"),
        ("Java", "; ".join(java[:2])),
        ("Jetty", jetty_version),
        ("h2load", command_line("h2load", "--version")),
        ("wrk", command_line("wrk", "-v").splitlines()[0].split("Copyright")[0].strip()),
        ("nginx", command_line("nginx", "-v").replace("nginx version: ", "")),
        ("Node", command_line("node", "--version") or "not installed"),
        # Without upstream keepalive every request through nginx opens a loopback TCP
        # connection; these decide whether ports in TIME_WAIT and listen queues run out.
        ("net.ipv4.tcp_tw_reuse", sysctl("net/ipv4/tcp_tw_reuse")),
        ("net.ipv4.ip_local_port_range", sysctl("net/ipv4/ip_local_port_range")),
        ("net.core.somaxconn", sysctl("net/core/somaxconn")),
    ]


def sysctl(name):
    try:
        with open(f"/proc/sys/{name}") as f:
            return " ".join(f.read().split())
    except OSError:
        return "unknown"


# ---- figures ----------------------------------------------------------------------------------

class Figures:
    def __init__(self, results):
        self.results = results

    def has(self, target, conns):
        return bool(self.results.get((target, conns)))

    def column(self, target, conns, index):
        return [v[index] for v in self.results[(target, conns)].values()]

    def median(self, target, conns, index=0):
        return statistics.median(self.column(target, conns, index))

    def spread(self, target, conns):
        """Range of req/s over the rounds, as a share of the median."""
        rps = self.column(target, conns, 0)
        median = statistics.median(rps)
        return (max(rps) - min(rps)) / median if median else 0.0

    def not_ok(self, target, conns):
        return sum(self.column(target, conns, 4))

    def ratio(self, a, b, conns):
        """Median over the rounds of a's req/s divided by b's in the same round."""
        if not (self.has(a, conns) and self.has(b, conns)):
            return None
        ra, rb = self.results[(a, conns)], self.results[(b, conns)]
        return statistics.median(ra[r][0] / rb[r][0] for r in ra if r in rb and rb[r][0])


def ms(us):
    return f"{us / 1000:.2f}"


def times(ratio):
    return "not measured" if ratio is None else f"{ratio:.2f}×"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def text_table(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    def line(cells):
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


# ---- the page ---------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    for option in ("--work", "--out", "--app", "--jetty-version", "--connections", "--dist"):
        parser.add_argument(option, required=True)
    for option in ("--rounds", "--duration", "--warmup", "--startup-runs",
                   "--proxy-connections", "--quick"):
        parser.add_argument(option, type=int, required=True)
    args = parser.parse_args()

    work = args.work
    names = targets(args.app)
    figures = Figures(read_results(work))
    connections = [int(c) for c in args.connections.split()]
    proxy_conns = args.proxy_connections
    startup = read_startup(work)
    measured_startup = [s for s in startup if not s["priming"]]
    memory = {(name, when): int(kb) for name, when, kb in read_tsv(work, "memory.tsv") if kb}
    exits = read_tsv(work, "exit.tsv")
    wrk = read_tsv(work, "wrk.tsv")
    with open(os.path.join(work, "jetty-jvm-options.txt")) as f:
        jetty_jvm = " ".join(line.strip() for line in f if line.strip())
    jetty_jvm = f"`{jetty_jvm}`" if jetty_jvm else "none found: JVM defaults"
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    failures = defaultdict(list)
    for r, target, conns, why in read_tsv(work, "failures.tsv"):
        failures[(target, int(conns))].append((int(r), why))

    # Every measured scenario, in the order of the plan.
    order = ["bindery-uds", "jetty-uds", "bindery-tcp", "jetty-tcp", "proxy-uds", "proxy-tcp",
             "proxy-uds-ka", "proxy-tcp-ka", "nginx-uds", "nginx-tcp", "node-uds", "node-tcp"]
    scenarios = [(t, c) for c in sorted(set(connections + [proxy_conns])) for t in order
                 if figures.has(t, c)]

    def row(target, conns):
        server, transport = names[target]
        flag = f" ({figures.not_ok(target, conns)} not 2xx)" if figures.not_ok(target, conns) else ""
        if failures[(target, conns)]:
            flag += f" (h2load failed in {len(failures[(target, conns)])} round(s))"
        return [server, transport, conns, f"{figures.median(target, conns):,.0f}{flag}",
                f"{figures.spread(target, conns):.0%}", ms(figures.median(target, conns, 1)),
                ms(figures.median(target, conns, 2))]

    all_header = ["server", "transport", "connections", "req/s", "spread", "p50 ms", "p99 ms"]

    # Headline: each target of the issue, met or not.
    startup_s = statistics.median(s["seconds"] for s in measured_startup) if measured_startup else None
    rss_mib = (statistics.median(s["rss_kb_after_1s"] for s in measured_startup) / 1024
               if measured_startup and all(s["rss_kb_after_1s"] for s in measured_startup) else None)
    goals = [
        ("Bindery ÷ bare Jetty, Unix socket, 32 connections",
         figures.ratio("bindery-uds", "jetty-uds", 32), "≥ 0.90×", lambda v: v >= 0.9, times),
        ("Bindery ÷ bare Jetty, TCP, 32 connections",
         figures.ratio("bindery-tcp", "jetty-tcp", 32), "≥ 0.90×", lambda v: v >= 0.9, times),
        ("Bindery, Unix socket ÷ TCP, 32 connections",
         figures.ratio("bindery-uds", "bindery-tcp", 32), "≥ 1.40×", lambda v: v >= 1.4, times),
        ("Via nginx without upstream keepalive, Unix socket ÷ TCP upstream, "
         f"{proxy_conns} connections",
         figures.ratio("proxy-uds", "proxy-tcp", proxy_conns) if args.app == "Bindery" else None,
         "≥ 1.80×", lambda v: v >= 1.8, times),
        ("Startup, launch to first 200 from /health, median",
         startup_s, "≤ 1.00 s", lambda v: v <= 1.0,
         lambda v: "not measured" if v is None else f"{v:.2f} s"),
        ("Resident memory after startup (1 s after the first answer), median",
         rss_mib, "≤ 90 MiB", lambda v: v <= 90,
         lambda v: "not measured" if v is None else f"{v:.0f} MiB"),
    ]
    headline = [[what, show(value), goal,
                 "—" if value is None else ("met" if ok(value) else "**not met**")]
                for what, value, goal, ok, show in goals]

    # The responses as curl saw them when each server came up: header fields, total bytes.
    responses, header_values = {}, {}
    for target in order:
        headers = os.path.join(work, f"{target}.headers")
        body = os.path.join(work, f"{target}.body")
        if os.path.exists(headers) and os.path.exists(body):
            lines = open(headers, "rb").read().decode("latin-1").splitlines()
            fields = [ln.split(":", 1) for ln in lines[1:] if ":" in ln]
            responses[target] = ([name for name, _ in fields],
                                 os.path.getsize(headers) + os.path.getsize(body))
            header_values[target] = {
                name.lower(): value.strip() for name, value in fields if name.lower() != "date"}
    mismatch = ""
    for transport in ("uds", "tcp"):
        ours, theirs = (header_values.get(f"{n}-{transport}") for n in ("bindery", "jetty"))
        if ours is not None and theirs is not None and ours != theirs:
            def show(values):
                return "; ".join(f"{k}: {v}" for k, v in sorted(values.items()))
            mismatch = (f"Bare Jetty no longer answers like Bindery over {transport}: Bindery "
                        f"sends {show(ours)}, bare Jetty {show(theirs)}. Make "
                        "bench/BareJetty.java match.")

    # ---- stdout ----
    print()
    print(text_table(all_header, [row(t, c) for t, c in scenarios]))
    print()
    print(text_table(["target", "measured", "goal", ""],
                     [[w, v, g, s.replace("*", "")] for w, v, g, s in headline]))
    print()
    if mismatch:
        print("warning: " + mismatch + "\n")
    failure_rows = [[names[t][0], names[t][1], c, r, why]
                    for (t, c), items in sorted(failures.items()) for r, why in items]
    if failure_rows:
        print("h2load failed (after one retry), left out of the figures:")
        print(text_table(["server", "transport", "connections", "round", "h2load said"],
                         failure_rows))
        print()

    # ---- chart ----
    svg_path = os.path.splitext(args.out)[0] + ".svg"
    groups = []
    for conns in connections:
        for target, label in (("bindery", "Bindery"), ("jetty", "bare Jetty")):
            groups.append((label + f", {conns} conn" + ("s" if conns > 1 else ""),
                           f"{target}-uds", f"{target}-tcp", conns))
    for label, uds, tcp in ((f"nginx → {args.app}, no keepalive", "proxy-uds", "proxy-tcp"),
                            (f"nginx → {args.app}, keepalive", "proxy-uds-ka", "proxy-tcp-ka"),
                            ("nginx return 200", "nginx-uds", "nginx-tcp"),
                            ("Node http", "node-uds", "node-tcp")):
        groups.append((f"{label}, {proxy_conns} conns", uds, tcp, proxy_conns))

    def bar(target, conns, series):
        if not figures.has(target, conns):
            return {"series": series, "value": None,
                    "note": "h2load failed in every round (see Failed measurements)"}
        rps = figures.column(target, conns, 0)
        return {"series": series, "value": statistics.median(rps), "low": min(rps), "high": max(rps)}

    chart_data = {
        "title": "Requests per second, median of "
                 f"{args.rounds} round{'s' if args.rounds > 1 else ''} (whiskers: min–max)",
        "unit": "requests per second (HTTP/1.1 keep-alive, GET /health)",
        "series": [UDS, TCP],
        "groups": [{"label": label,
                    "bars": [bar(t, c, s) for t, s in ((uds, UDS), (tcp, TCP))
                             if figures.has(t, c) or failures[(t, c)]]}
                   for label, uds, tcp, c in groups],
    }
    with open(svg_path, "w") as f:
        f.write(chart.render(chart_data))

    # ---- Markdown ----
    md = ["# Benchmarks\n",
          f"Measured by `bench/run` on {now}. The page and the chart are generated: run the "
          "script again rather than editing them, except for the tuning log at the end, "
          "which the script keeps.\n"]
    if args.quick or args.rounds < 5:
        md.append(f"> **Trial run** ({args.rounds} round{'s' if args.rounds > 1 else ''} of "
                  f"{args.duration} s): the harness works, but these figures are not fit to "
                  "quote. The published figures come from `bench/run` with its defaults.\n")
    if args.app != "Bindery":
        md.append("> **Without Bindery**: only the reference servers were measured, and nginx "
                  "proxied to bare Jetty.\n")

    md += ["## Headline\n",
           "Ratios are measured within one run, because absolute figures on a shared machine "
           "drift. Each is the median over the rounds of the ratio within the round.\n",
           table(["target", "measured", "goal", ""], headline)]

    md += ["## Chart\n", f"![Requests per second by server and transport]({os.path.basename(svg_path)})\n"]

    def known(target, conns):
        return figures.has(target, conns) or bool(failures[(target, conns)])

    def rps_cell(target, conns):
        if not figures.has(target, conns):
            return "failed"
        return f"{figures.median(target, conns):,.0f}"

    def latency_cell(target, conns):
        if not figures.has(target, conns):
            return "failed"
        return f"{ms(figures.median(target, conns, 1))} / {ms(figures.median(target, conns, 2))}"

    def ratio_cell(a, b, conns):
        ratio = figures.ratio(a, b, conns)
        return "—" if ratio is None else times(ratio)

    def pair_table(a, b, label_a, label_b, conns_list):
        rows = []
        for transport, suffix in ((UDS, "uds"), (TCP, "tcp")):
            for c in conns_list:
                ta, tb = f"{a}-{suffix}", f"{b}-{suffix}"
                if known(ta, c) and known(tb, c):
                    rows.append([transport, c, rps_cell(ta, c), rps_cell(tb, c),
                                 ratio_cell(ta, tb, c), latency_cell(ta, c), latency_cell(tb, c)])
        return table(["transport", "connections", f"{label_a} req/s", f"{label_b} req/s",
                      "ratio", f"{label_a} p50 / p99 ms", f"{label_b} p50 / p99 ms"], rows)

    if args.app == "Bindery":
        md += ["## Bindery against bare Jetty\n",
               "Bare Jetty is `bench/BareJetty.java`: a Jetty core `Server` with one "
               "`Handler.Abstract` answering the same bytes as Bindery's `GET /health` (status, "
               "body, Content-Type, Cache-Control; see Responses below). It keeps Jetty's "
               "defaults but two: it sends no Server header, as Bindery does not, and its accept "
               "queue is 1024, since the JDK's backlog of 50 makes a Unix socket refuse part of "
               "256 simultaneous connects.\n",
               pair_table("bindery", "jetty", "Bindery", "bare Jetty", connections)]
        rows = []
        for c in connections:
            if known("bindery-uds", c) and known("bindery-tcp", c):
                rows.append([c, rps_cell("bindery-uds", c), rps_cell("bindery-tcp", c),
                             ratio_cell("bindery-uds", "bindery-tcp", c)])
        md += ["## Bindery: Unix socket against loopback TCP\n",
               table(["connections", "Unix socket req/s", "TCP req/s", "ratio"], rows)]
    else:
        md += ["## Bare Jetty: Unix socket against loopback TCP\n",
               table(all_header, [row(t, c) for t, c in scenarios if t.startswith("jetty")])]

    rows = []
    for ka, label in (("", "none (nginx's default)"), ("-ka", "keepalive 64")):
        uds, tcp = f"proxy-uds{ka}", f"proxy-tcp{ka}"
        if known(uds, proxy_conns) and known(tcp, proxy_conns):
            rows.append([label, rps_cell(uds, proxy_conns), rps_cell(tcp, proxy_conns),
                         ratio_cell(uds, tcp, proxy_conns), latency_cell(uds, proxy_conns),
                         latency_cell(tcp, proxy_conns)])
    md += [f"## nginx in front of {args.app}\n",
           f"h2load reaches nginx over loopback TCP with {proxy_conns} connections; nginx reaches "
           f"{args.app} over the transport named. Without upstream keepalive nginx opens a new "
           "upstream connection for every request, which is where the transport costs most.\n",
           table(["upstream keepalive", "Unix socket upstream req/s", "TCP upstream req/s",
                  "ratio", "Unix socket p50 / p99 ms", "TCP p50 / p99 ms"], rows)]

    md += [f"## Reference servers, {proxy_conns} connections\n",
           "What this machine serves at best for the same response (nginx answering by itself "
           "with one worker), and Node.js's `http` module (one process).\n",
           table(all_header, [row(t, c) for t, c in scenarios
                              if t.startswith(("nginx", "node"))])]

    if failure_rows:
        md += ["## Failed measurements\n",
               "h2load failed twice in a row on these (first message shown); the figures above "
               "leave them out, and a scenario with no successful round is missing. \"could "
               "not connect\" on a Unix socket at many connections means its listen backlog "
               "was full: a Unix socket refuses at once where TCP would retry.\n",
               table(["server", "transport", "connections", "round", "h2load said"],
                     [[a, b, c, d, f"`{e}`"] for a, b, c, d, e in failure_rows])]

    md += ["## Startup and memory\n"]
    if startup:
        rows = [[s["run"] if not s["priming"] else "priming (not counted)",
                 f"{s['seconds']:.3f}" if s["seconds"] is not None else "no answer",
                 s["started_in_ms"] if s["started_in_ms"] is not None else "no log line",
                 f"{s['rss_kb_first_answer'] / 1024:.0f}" if s["rss_kb_first_answer"] else "?",
                 f"{s['rss_kb_after_1s'] / 1024:.0f}" if s["rss_kb_after_1s"] else "?",
                 s["exit_status"]] for s in startup]
        md += [f"`bin/bindery run` on a Unix socket, launched {len(measured_startup)} times after "
               "one priming launch (which may create the launcher's class-data archive, as the "
               "first start of an installation does). Time runs from the launch to the first 200 "
               "from `GET /health`, asked every 5 ms; \"Started in\" is the figure Bindery logs. "
               "Memory is VmRSS of the JVM process.\n",
               table(["launch", "to first 200, s", "\"Started in\" ms", "RSS at first answer, MiB",
                      "RSS 1 s later, MiB", "exit status on SIGTERM"], rows)]
        if not all(s["launcher_execs_jvm"] for s in startup):
            md.append("> The launcher did not `exec` the JVM: memory was read from its child.\n")
    else:
        md.append("Startup was not measured (no distribution).\n")
    rows = [[names[n][0], names[n][1],
             f"{memory[(n, 'after-start')] / 1024:.0f}" if (n, "after-start") in memory else "?",
             f"{memory[(n, 'after-load')] / 1024:.0f}" if (n, "after-load") in memory else "?"]
            for n in ("bindery-uds", "bindery-tcp", "jetty-uds", "jetty-tcp")
            if (n, "after-start") in memory]
    md += ["Resident memory of the servers that took the load above, once they answered "
           "(before the warm-up) and after the last round:\n",
           table(["server", "transport", "after startup, MiB", "after the load, MiB"], rows)]
    if exits:
        md.append("Exit status of the measured Bindery servers on SIGTERM: " + ", ".join(
            f"{p.replace('-server', '')} {s}" for p, s in exits) + " (0 expected).\n")

    if wrk:
        rows = []
        for name, rps, *latency in wrk:
            rows.append([names[name][0], f"{float(rps):,.0f}" if rps else "?",
                         f"{figures.median(name, 32):,.0f}" if figures.has(name, 32) else "?",
                         " / ".join(latency) or "?",
                         f"{ms(figures.median(name, 32, 1))} / {ms(figures.median(name, 32, 2))}"
                         if figures.has(name, 32) else "?"])
        md += ["## Cross-check with wrk\n",
               "wrk (one thread, 32 connections, TCP only: it cannot reach a Unix socket) against "
               "h2load's median for the same server, run once after the rounds: a single run, so "
               "its tail (p99) is at the mercy of whatever else the machine did then.\n",
               table(["server (TCP)", "wrk req/s", "h2load req/s", "wrk p50 / p99",
                      "h2load p50 / p99 ms"], rows)]

    rows = []
    for target in order:
        if target in responses:
            fields, size = responses[target]
            rows.append([names[target][0], names[target][1], size, ", ".join(fields)])
    md += ["## Responses\n",
           "Every server answers `{\"status\":\"UP\"}`; the script stops if one does not. "
           "Bindery and bare Jetty should send the same headers; nginx and Node send their "
           "own, and the size of a response is part of its cost.\n"]
    if mismatch:
        md.append(f"> **{mismatch}**\n")
    md.append(table(["server", "transport", "response bytes", "header fields"], rows))

    md += ["## Machine\n", table(["", ""], machine(args.jetty_version))]
    if os.path.exists(os.path.join(work, "loadavg")):
        md.append("Load average when the run began (other work on the machine): "
                  f"`{open(os.path.join(work, 'loadavg')).read().strip()}`.\n")

    if args.app == "Bindery":
        servers = f"""Bindery from a copy of `{args.dist}` (`bin/bindery run`, its shipped
  `conf/jvm.options`), one process per transport; bare Jetty (`bench/BareJetty.java`), one
  process per transport, with the heap, GC and compiler options of that file ({jetty_jvm})"""
    else:
        servers = """bare Jetty (`bench/BareJetty.java`), one process per transport, with
  the JVM's defaults"""
    md += ["## Method\n", f"""\
- Servers: {servers}; nginx with one worker (`bench/nginx.conf.in`); Node's `http` module (`bench/node-server.js`). Every server runs at
  once, idle while another is measured. Unix sockets live in a private directory under `/tmp`;
  TCP servers listen on 127.0.0.1 on free ports.
- Load: h2load, HTTP/1.1 (`--h1`), one client thread (`-t1`), keep-alive connections,
  `GET /health`, the same settings for every server, over the socket file (`-B unix:<path>`)
  or loopback TCP. h2load is a closed loop: each connection sends its next request when the
  previous answer arrives, so latency is measured at the rate the server sustains, not at a
  fixed offered rate. The machine has {os.cpu_count()} cores: the generator and the server share
  them, so the figures are what one core of load can draw, and ratios matter more than totals.
- Warm-up: {args.warmup} s at 32 connections on every server before the first round (the JIT
  compiles the hot path), then 1 s of unmeasured load (`--warm-up-time`) before each
  measurement, which also keeps connection setup out of it.
- Rounds: {args.rounds}, each measuring every scenario once in the same order, so that runs
  of the servers compared alternate (A B A B ...). Each measurement lasts {args.duration} s.
  Connections: {", ".join(map(str, connections))} for Bindery and bare Jetty; {proxy_conns}
  through nginx and for the reference servers.
- Figures: the median over the rounds; "spread" is the range over the rounds as a share of
  the median. Ratios: the median of the per-round ratios.
- Percentiles: h2load prints only mean and deviation, so p50 and p99 come from its per-request
  log (`--log-file`: for each request of the measured period, the time from sending it to
  the end of its response, in microseconds). They are nearest-rank percentiles over the 2xx
  answers of one measurement, then the median over the rounds.
- Startup: {args.startup_runs} launches, see above. Memory: VmRSS from `/proc/<pid>/status`.
"""]

    tuning = f"{TUNING_HEADING}\n\n{TUNING_PLACEHOLDER}"
    if os.path.exists(args.out):
        previous = open(args.out, encoding="utf-8").read()
        at = previous.find(TUNING_HEADING)
        if at >= 0:
            tuning = previous[at:].rstrip("\n") + "\n"
    md.append(tuning)

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
