#!/usr/bin/env python3
"""bench/graph.sh's parsing and report (standard library only; wrk parsing from report.py).

  graph_report.py parse WRK_OUTPUT route conns url phase rep EXTRA_JSON  -> one JSON row on stdout
  graph_report.py window LABEL METRICS_BEFORE METRICS_AFTER FAULT_JSON   -> Graph activity in a window
  graph_report.py report ROWS_JSONL TXT_OUT JSON_OUT                     -> table; exit 0 PASS, 1 FAIL

Settings come from the environment graph.sh exports (RATIO_TARGET, LATENCY_MS, P99_FACTOR, ...).
"""
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402  (bench/report.py: parse_wrk, error_text, fmt, to_ms)

# The Graph operations behind the governed route's three facts: each must be fetched at least once
# inside phase 2's slow-Graph window, or the window proved nothing about background refreshes.
FACTS = {
    "pim": "pim.roles.assignments",
    "access package": "access_packages.assignments",
    "terms of use": "tou.acceptances",
}

# The cache names the governed route's checks count a lookup under, once per request when warm.
CHECKED = ("pim.roles", "access_packages.assignments", "tou.acceptances")


def parse_max_ms(text):
    """wrk's "Latency  avg  stdev  max  +/-" thread-stats line: the slowest request of the run."""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "Latency" and not parts[1].endswith("%"):
            try:
                return report.to_ms(parts[3])
            except ValueError:
                return None
    return None


def cmd_parse(path, route, conns, url, phase, rep, extra):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    row = {"route": route, "conns": int(conns), "url": url, "phase": int(phase), "rep": int(rep)}
    row.update(report.parse_wrk(text))
    row["max_ms"] = parse_max_ms(text)
    row.update(json.loads(extra))
    ticks, hz = row.pop("gw_cpu_ticks", None), row.pop("clk_tck", None)
    n = (row.get("rps") or 0) * (row.get("duration_s") or 0)
    row["gw_cpu_us_per_req"] = round(ticks * 1e6 / hz / n, 2) if ticks is not None and hz and n > 0 else None
    print(json.dumps(row))


METRIC = re.compile(r'^(sallyport_graph_(?:requests|cache)_total)\{([^}]*)\}\s+([0-9.eE+-]+)$')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def read_metrics(path):
    """{("requests", operation): n} and {("cache", operation, result): n} from a Prometheus scrape."""
    out = {}
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return out
    for line in lines:
        m = METRIC.match(line.strip())
        if not m:
            continue
        labels = dict(LABEL.findall(m.group(2)))
        op = labels.get("operation", "?")
        key = ("requests", op) if m.group(1).endswith("requests_total") else ("cache", op, labels.get("result", "?"))
        out[key] = out.get(key, 0) + float(m.group(3))
    return out


def cmd_window(label, before, after, fault_json):
    a, b = read_metrics(before), read_metrics(after)
    requests, cache = {}, {}
    for key in sorted(set(a) | set(b)):
        d = int(round(b.get(key, 0) - a.get(key, 0)))
        if d <= 0:
            continue
        if key[0] == "requests":
            requests[key[1]] = d
        else:
            cache.setdefault(key[1], {})[key[2]] = d
    hits = None
    if fault_json.strip():
        removed = json.loads(fault_json).get("removed") or {}
        hits = removed.get("hits")
    print(json.dumps({"window": label, "graph_requests": requests, "graph_cache": cache,
                      "devtenant_delayed_requests": hits}))


def median(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


def cmd_report(rows_path, txt_out, json_out):
    e = os.environ
    runs = [json.loads(line) for line in open(rows_path, encoding="utf-8") if line.strip()]
    conns = [int(c) for c in e["CONNS"].split()]
    ratio_target = float(e["RATIO_TARGET"])
    latency_ms = float(e["LATENCY_MS"])
    factor, slack = float(e["P99_FACTOR"]), float(e["P99_SLACK_MS"])
    phases = e["PHASES"].split()
    lines = [
        f"Sallyport Graph-backed checks benchmark {e['TS']}  ({os.cpu_count()} CPUs; wrk on CPU {e['WRK_CPU']}, "
        f"nginx + gateway + devtenant on CPU {e['SERVER_CPU']})",
        f"REPEAT={e['REPEAT']} (medians), warm-up {e['WARMUP']}s per route; GET 100-byte body; bearer token of one "
        f"user; load average at start {e['LOADAVG_START']}, at end {' '.join(open('/proc/loadavg').read().split()[:3])}",
        f"graph: {{ {e['GRAPH_YAML']} }}",
        f"jar {e['SALLYPORT_JAR']} sha256 {e['JAR_SHA256'][:12]}",
    ]
    result = {"settings": {k: e[k] for k in ("DURATION", "CONNS", "THREADS", "WARMUP", "REPEAT", "RATIO_TARGET",
                                             "LATENCY_MS", "P2_DURATION", "P2_CONNS", "P99_FACTOR", "P99_SLACK_MS",
                                             "GRAPH_YAML", "LOADAVG_START", "JAR_SHA256")},
              "phase1": [], "phase2": [], "verdicts": []}
    verdicts = []

    def verdict(ok, text, data):
        v = "PASS" if ok else "FAIL"
        verdicts.append(v)
        lines.append(f"{v}  {text}")
        result["verdicts"].append({"verdict": v, "text": text} | data)

    if "1" in phases:
        lines += ["", f"Phase 1: identity-only vs governed (PIM + terms of use + access package), warm caches, "
                      f"interleaved, wrk -t{e['THREADS']} -d{e['DURATION']}s",
                  f"{'route':<9} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
                  f"{'CPU us/req':>10}  errors"]
        agg = {}
        for c in conns:
            for route in ("identity", "governed"):
                rs = [r for r in runs if r["phase"] == 1 and r["route"] == route and r["conns"] == c]
                if not rs:
                    continue
                row = {"route": route, "conns": c, "reps": len(rs),
                       **{k: median([r.get(k) for r in rs]) for k in ("rps", "p50_ms", "p99_ms", "gw_cpu_us_per_req")},
                       "max_ms": max((r["max_ms"] for r in rs if r.get("max_ms") is not None), default=None),
                       "errors": "; ".join(f"run {r['rep']}: {report.error_text(r)}" for r in rs if report.error_text(r))}
                agg[(route, c)] = row
                result["phase1"].append(row)
                lines.append(f"{route:<9} {c:>5} {report.fmt(row['rps'], '10,.0f')} {report.fmt(row['p50_ms'], '8.2f')} "
                             f"{report.fmt(row['p99_ms'], '8.2f')} {report.fmt(row['max_ms'], '8.1f')} "
                             f"{report.fmt(row['gw_cpu_us_per_req'], '10.1f')}  {row['errors']}")
        # cache hits per request: about 1 for each fact on the governed route (each request ran the
        # check from memory), 0 on the identity route; anything but hits means a request waited
        p1 = [r for r in runs if r["phase"] == 1]
        for route in ("identity", "governed"):
            rs = [r for r in p1 if r["route"] == route]
            n = sum(r.get("requests") or 0 for r in rs)
            per = {}
            for r in rs:
                for op, res in r.get("graph_cache", {}).items():
                    for k, v in res.items():
                        per.setdefault(op, {}).setdefault(k, 0)
                        per[op][k] += v
            text = "; ".join(f"{op} " + ", ".join(f"{k} {v / n:.3f}/request" if k == "hit" and op in CHECKED
                                                   else f"{k} {v}" for k, v in sorted(res.items()))
                             for op, res in sorted(per.items())) if n else ""
            lines.append(f"info  {route} route, Graph cache lookups in phase 1: {text or 'none'}")
            result.setdefault("phase1_cache", {})[route] = {"requests": n, "cache": per}
        lines.append("")
        for c in conns:
            g, i = agg.get(("governed", c)), agg.get(("identity", c))
            ratio = g["rps"] / i["rps"] if g and i and g.get("rps") is not None and i.get("rps") else None
            per_run = []
            for rep in sorted({r["rep"] for r in runs if r["phase"] == 1}):
                rg = next((r for r in runs if r["phase"] == 1 and r["route"] == "governed" and r["conns"] == c
                           and r["rep"] == rep), None)
                ri = next((r for r in runs if r["phase"] == 1 and r["route"] == "identity" and r["conns"] == c
                           and r["rep"] == rep), None)
                if rg and ri and ri.get("rps") and rg.get("rps") is not None:
                    per_run.append(round(rg["rps"] / ri["rps"], 3))
            cpu = (g["gw_cpu_us_per_req"] / i["gw_cpu_us_per_req"]
                   if g and i and g.get("gw_cpu_us_per_req") and i.get("gw_cpu_us_per_req") else None)
            ok = ratio is not None and ratio >= ratio_target and not g["errors"] and not i["errors"]
            verdict(ok, f"governed/identity req/s at {c} connections = {report.fmt(ratio, '.3f')} (target >= "
                        f"{ratio_target:g}); per run: {', '.join(map(str, per_run)) or '-'}; gateway CPU per request "
                        f"x{report.fmt(cpu, '.2f')}",
                    {"phase": 1, "conns": c, "ratio": ratio, "per_run": per_run, "cpu_ratio": cpu})

    if "2" in phases:
        p2 = [r for r in runs if r["phase"] == 2]
        lines += ["", f"Phase 2: governed route, {e['P2_CONNS']} connections, {e['P2_DURATION']}s per run; "
                      f"'latency' = {e['LATENCY_MS']} ms added to every Graph call (/v1.0/**) at devtenant",
                  f"{'window':<9} {'rep':>3} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  "
                  f"Graph requests in the window (gateway's count; devtenant delayed)  errors"]
        for r in sorted(p2, key=lambda x: (x["rep"], x["window"] != "baseline")):
            reqs = ", ".join(f"{k} {v}" for k, v in sorted(r.get("graph_requests", {}).items())) or "none"
            delayed = r.get("devtenant_delayed_requests")
            lines.append(f"{r['window']:<9} {r['rep']:>3} {report.fmt(r.get('rps'), '10,.0f')} "
                         f"{report.fmt(r.get('p50_ms'), '8.2f')} {report.fmt(r.get('p99_ms'), '8.2f')} "
                         f"{report.fmt(r.get('max_ms'), '8.1f')}  {reqs}"
                         f"{'' if delayed is None else f'; devtenant delayed {delayed}'}  {report.error_text(r)}")
            waited = {op: {k: v for k, v in res.items() if k != "hit"} for op, res in r.get("graph_cache", {}).items()}
            waited = {op: res for op, res in waited.items() if res}
            if waited:
                lines.append(f"{'':<14}cache lookups that did not hit: "
                             + "; ".join(f"{op} " + ", ".join(f"{k} {v}" for k, v in sorted(res.items()))
                                         for op, res in sorted(waited.items())))
            result["phase2"].append(r)
        lines.append("")
        base = [r for r in p2 if r["window"] == "baseline"]
        slow = [r for r in p2 if r["window"] == "latency"]
        b99, s99 = median([r.get("p99_ms") for r in base]), median([r.get("p99_ms") for r in slow])
        bound = max(factor * b99, b99 + slack) if b99 is not None else None
        ok = b99 is not None and s99 is not None and s99 <= bound
        verdict(ok, f"p99 with {e['LATENCY_MS']} ms Graph latency {report.fmt(s99, '.2f')} ms <= max({factor:g} x "
                    f"{report.fmt(b99, '.2f')}, {report.fmt(b99, '.2f')} + {slack:g}) = {report.fmt(bound, '.2f')} ms "
                    f"(baseline p99; medians)", {"phase": 2, "check": "p99", "p99_baseline_ms": b99,
                                                 "p99_latency_ms": s99, "bound_ms": bound})
        smax = max((r["max_ms"] for r in slow if r.get("max_ms") is not None), default=None)
        verdict(smax is not None and smax < latency_ms,
                f"slowest request under latency {report.fmt(smax, '.1f')} ms < {latency_ms:g} ms: no request waited "
                f"for Graph", {"phase": 2, "check": "max", "max_latency_ms": smax})
        missing = []
        for r in slow:
            for fact, op in FACTS.items():
                if not r.get("graph_requests", {}).get(op):
                    missing.append(f"run {r['rep']}: {fact} ({op})")
        counts = [sum(r.get("graph_requests", {}).values()) for r in slow]
        delayed = [r.get("devtenant_delayed_requests") for r in slow]
        verdict(bool(slow) and not missing,
                f"every fact refreshed from slow Graph inside the window: Graph requests per window "
                f"{', '.join(map(str, counts)) or '-'} (devtenant delayed {', '.join(map(str, delayed)) or '-'})"
                + (f"; never fetched: {'; '.join(missing)}" if missing else ""),
                {"phase": 2, "check": "refreshed", "graph_requests": counts, "devtenant_delayed": delayed,
                 "missing": missing})
        errs = [f"{r['window']} run {r['rep']}: {report.error_text(r)}" for r in p2 if report.error_text(r)]
        verdict(bool(p2) and not errs, "no socket errors and no non-2xx responses in phase 2"
                + (f": {'; '.join(errs)}" if errs else ""), {"phase": 2, "check": "errors", "errors": errs})

    overall = "PASS" if verdicts and all(v == "PASS" for v in verdicts) else "FAIL"
    lines.append(f"OVERALL {overall}")
    result["overall"] = overall
    text = "\n".join(lines)
    print(text)
    with open(txt_out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    with open(json_out, "w", encoding="utf-8") as f:
        json.dump(result | {"raw_runs": runs}, f, indent=2)
    return 0 if overall == "PASS" else 1


def main(argv):
    if len(argv) == 9 and argv[1] == "parse":
        cmd_parse(*argv[2:])
        return 0
    if len(argv) == 6 and argv[1] == "window":
        cmd_window(*argv[2:])
        return 0
    if len(argv) == 5 and argv[1] == "report":
        return cmd_report(*argv[2:])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
