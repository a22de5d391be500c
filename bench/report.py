#!/usr/bin/env python3
"""Parse wrk --latency output and build the benchmark table (standard library only).

  report.py parse WRK_OUTPUT_FILE target body conns url   -> one JSON object on stdout
  report.py report ROWS_JSONL META_JSON TXT_OUT JSON_OUT   -> table on stdout, files written;
                                                             exit 0 all PASS, 1 any FAIL,
                                                             2 Sallyport rows skipped
"""
import json
import re
import statistics
import sys

# wrk prints times with these units (see wrk's units.c: us, ms, s, m, h).
TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}

# Targets: Sallyport req/s as a fraction of nginx's, per body size; p99 at most this multiple.
REQS_TARGET = {"100b": 0.60, "64k": 0.50}
P99_MAX_RATIO = 2.0


def to_ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text.strip())
    if not m:
        raise ValueError(f"unrecognised wrk time {text!r}")
    return float(m.group(1)) * TIME_UNITS_MS[m.group(2)]


def parse_wrk(text):
    r = {"requests": None, "duration_s": None, "rps": None, "p50_ms": None, "p75_ms": None,
         "p90_ms": None, "p99_ms": None, "socket_errors": {"connect": 0, "read": 0, "write": 0,
                                                            "timeout": 0},
         "non_2xx_3xx": 0, "parse_error": None}
    for line in text.splitlines():
        s = line.strip()
        m = re.match(r"^(50|75|90|99)%\s+(\S+)$", s)
        if m:
            r[f"p{m.group(1)}_ms"] = to_ms(m.group(2))
            continue
        m = re.match(r"^(\d+) requests in ([0-9.]+\w+),", s)
        if m:
            r["requests"] = int(m.group(1))
            r["duration_s"] = to_ms(m.group(2)) / 1000.0
            continue
        m = re.match(r"^Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", s)
        if m:
            r["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"),
                                          map(int, m.groups())))
            continue
        m = re.match(r"^Non-2xx or 3xx responses: (\d+)", s)
        if m:
            r["non_2xx_3xx"] = int(m.group(1))
            continue
        m = re.match(r"^Requests/sec:\s+([0-9.]+)", s)
        if m:
            r["rps"] = float(m.group(1))
    missing = [k for k in ("rps", "p50_ms", "p99_ms", "requests") if r[k] is None]
    if missing:
        r["parse_error"] = "wrk output lacks " + ", ".join(missing)
    r["errors_total"] = sum(r["socket_errors"].values()) + r["non_2xx_3xx"]
    return r


def cmd_parse(path, target, body, conns, url):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    row = {"target": target, "body": body, "conns": int(conns), "url": url}
    row.update(parse_wrk(text))
    print(json.dumps(row))


def fmt(v, spec):
    if v is None:
        width = re.match(r"\d*", spec).group(0)
        return format("-", ">" + width)
    return format(v, spec)


def error_text(row):
    parts = []
    if row.get("parse_error"):
        parts.append(row["parse_error"])
    if row.get("precheck_error"):
        parts.append("precheck: " + row["precheck_error"])
    if row.get("non_2xx_3xx"):
        parts.append(f"non-2xx/3xx={row['non_2xx_3xx']}")
    for k, v in (row.get("socket_errors") or {}).items():
        if v:
            parts.append(f"{k}={v}")
    return ", ".join(parts)


def aggregate(runs):
    """One row per (target, body, conns): the median of each metric over repetitions (REPEAT > 1);
    errors are summed, never averaged away. Individual runs are kept under "runs"."""
    groups = {}
    for r in runs:
        groups.setdefault((r["target"], r["body"], r["conns"]), []).append(r)
    out = []
    for (target, body, conns), rs in groups.items():
        if len(rs) == 1:
            out.append(rs[0])
            continue
        row = {"target": target, "body": body, "conns": conns, "url": rs[0].get("url"),
               "reps": len(rs), "runs": rs}
        for k in ("rps", "p50_ms", "p75_ms", "p90_ms", "p99_ms"):
            vals = [x[k] for x in rs if x.get(k) is not None]
            row[k] = statistics.median(vals) if vals else None
        row["requests"] = sum(x.get("requests") or 0 for x in rs)
        row["socket_errors"] = {k: sum((x.get("socket_errors") or {}).get(k, 0) for x in rs)
                                for k in ("connect", "read", "write", "timeout")}
        row["non_2xx_3xx"] = sum(x.get("non_2xx_3xx") or 0 for x in rs)
        row["errors_total"] = sum(x.get("errors_total") or 0 for x in rs)
        pe = [f"run {x.get('rep')}: {x['parse_error']}" for x in rs if x.get("parse_error")]
        row["parse_error"] = "; ".join(pe) or None
        row["precheck_error"] = next((x["precheck_error"] for x in rs if x.get("precheck_error")), None)
        out.append(row)
    return out


def cmd_report(rows_path, meta_path, txt_out, json_out):
    with open(meta_path, encoding="utf-8") as f:
        meta = json.load(f)
    rows = []
    with open(rows_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))

    rows = aggregate(rows)
    by_key = {(r["target"], r["body"], r["conns"]): r for r in rows}
    verdicts = []
    any_fail = False
    sallyport_skipped = meta.get("sallyport_status") == "skipped"

    for r in rows:
        direct = by_key.get(("direct", r["body"], r["conns"]))
        nginx = by_key.get(("nginx", r["body"], r["conns"]))
        ok_rps = r.get("rps") is not None and not r.get("skipped")
        r["errors"] = error_text(r)
        r["x_direct"] = (r["rps"] / direct["rps"]) if ok_rps and direct and direct.get("rps") else None
        r["x_nginx"] = (r["rps"] / nginx["rps"]) if ok_rps and nginx and nginx.get("rps") else None
        r["p99_x_nginx"] = (r["p99_ms"] / nginx["p99_ms"]
                            if ok_rps and nginx and nginx.get("p99_ms") and r.get("p99_ms") is not None
                            else None)
        if r["target"] != "sallyport":
            r["verdict"] = "ERRORS" if r["errors"] else "baseline"
            if r["errors"]:
                any_fail = True
                verdicts.append(f"ERRORS {r['target']:9} {r['body']:4} c{r['conns']:<4}: "
                                f"baseline run had errors ({r['errors']}); ratios against it are not trustworthy")
            continue
        label = f"{r['target']:9} {r['body']:4} c{r['conns']:<4}"
        if r.get("skipped"):
            r["verdict"] = "SKIPPED"
            verdicts.append(f"SKIPPED {label}: {r['skipped']}")
            continue
        if r.get("start_error"):
            r["verdict"] = "FAIL"
            any_fail = True
            verdicts.append(f"FAIL   {label}: {r['start_error']}")
            continue
        reasons = []
        need = REQS_TARGET[r["body"]]
        if r["x_nginx"] is None:
            reasons.append("no nginx baseline to compare with")
        elif r["x_nginx"] < need:
            reasons.append(f"req/s {r['x_nginx']:.2f}x nginx < {need:.2f}x")
        if r["p99_x_nginx"] is None:
            reasons.append("no p99 to compare")
        elif r["p99_x_nginx"] > P99_MAX_RATIO:
            reasons.append(f"p99 {r['p99_x_nginx']:.2f}x nginx > {P99_MAX_RATIO:.1f}x")
        if r["errors"]:
            reasons.append(f"errors: {r['errors']}")
        if nginx and nginx.get("errors"):
            reasons.append("nginx baseline had errors")
        spread = ""
        if r.get("runs") and nginx and nginx.get("runs"):
            ngx_by_rep = {x.get("rep"): x for x in nginx["runs"]}
            per = [x["rps"] / ngx_by_rep[x.get("rep")]["rps"] for x in r["runs"]
                   if x.get("rps") and ngx_by_rep.get(x.get("rep"), {}).get("rps")]
            r["x_nginx_per_run"] = per
            spread = " [per run: " + ", ".join(f"{v:.2f}" for v in per) + "]"
        if reasons:
            reasons[0] += spread
            r["verdict"] = "FAIL"
            any_fail = True
            verdicts.append(f"FAIL   {label}: " + "; ".join(reasons))
        else:
            r["verdict"] = "PASS"
            verdicts.append(f"PASS   {label}: req/s {r['x_nginx']:.2f}x nginx (>= {need:.2f}x){spread}, "
                            f"p99 {r['p99_x_nginx']:.2f}x nginx (<= {P99_MAX_RATIO:.1f}x), no errors")

    header = (f"{'target':9} {'body':4} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'x direct':>8} {'x nginx':>8} {'p99 x ngx':>9}  {'verdict':8} errors")
    lines = [header, "-" * len(header)]
    order = {"direct": 0, "nginx": 1, "sallyport": 2}
    for r in sorted(rows, key=lambda r: (r["body"] != "100b", r["conns"], order.get(r["target"], 9))):
        lines.append(f"{r['target']:9} {r['body']:4} {r['conns']:>5} {fmt(r.get('rps'), '10.0f')} "
                     f"{fmt(r.get('p50_ms'), '8.2f')} {fmt(r.get('p99_ms'), '8.2f')} "
                     f"{fmt(r.get('x_direct'), '8.2f')} {fmt(r.get('x_nginx'), '8.2f')} "
                     f"{fmt(r.get('p99_x_nginx'), '9.2f')}  {r.get('verdict', ''):8} {r['errors'] or ''}".rstrip())

    head = [f"Sallyport benchmark {meta.get('timestamp')}  host={meta.get('host')}  "
            f"cpus={meta.get('cpus')}  wrk on CPU {meta.get('wrk_cpu')}, servers on CPU {meta.get('server_cpu')}",
            f"duration={meta.get('duration_s')}s per run, wrk -t{meta.get('threads')}, "
            + (f"{meta['repeat']} repetitions (medians shown), " if (meta.get("repeat") or 1) > 1 else "")
            + 
            f"warm-up: Sallyport {meta.get('warmup_s')}s, nginx {meta.get('nginx_warmup_s')}s; "
            f"load average at start {' '.join(meta.get('loadavg_at_start') or [])}, "
            f"at end {' '.join(meta.get('loadavg_at_end') or [])}"]
    if meta.get("sallyport_ready_ms") is not None:
        rss = ""
        if meta.get("sallyport_rss_mib") is not None:
            rss = (f"; RSS after runs: {meta['sallyport_rss_mib']} MiB "
                   f"(peak VmHWM {meta.get('sallyport_hwm_mib')} MiB)")
        head.append(f"Sallyport start-to-ready: {meta['sallyport_ready_ms']} ms{rss}")
    if meta.get("sallyport_jar_sha256"):
        head.append(f"Sallyport jar: {meta.get('sallyport_jar')} (modified {meta.get('sallyport_jar_mtime')}, "
                    f"sha256 {meta['sallyport_jar_sha256'][:16]})")
    if meta.get("sallyport_note"):
        head.append(meta["sallyport_note"])
    if meta.get("sallyport_log_tail"):
        head.append("Last lines of Sallyport's output:")
        head.extend("    | " + line for line in meta["sallyport_log_tail"].splitlines())
    head.append("Targets: Sallyport >= 0.60x nginx req/s (100b), >= 0.50x (64k), p99 <= 2x nginx, no errors.")
    if any_fail:
        overall = "OVERALL: FAIL"
    elif sallyport_skipped:
        overall = "OVERALL: INCOMPLETE (Sallyport rows skipped; baselines only)"
    else:
        overall = "OVERALL: PASS"
    text = "\n".join(head + [""] + lines + [""] + verdicts + ["", overall]) + "\n"
    sys.stdout.write(text)
    with open(txt_out, "w", encoding="utf-8") as f:
        f.write(text)
    with open(json_out, "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "targets": {"reqs_ratio_vs_nginx": REQS_TARGET,
                                              "p99_max_ratio_vs_nginx": P99_MAX_RATIO},
                   "rows": rows, "verdicts": verdicts, "overall": overall}, f, indent=2)
        f.write("\n")
    if any_fail:
        return 1
    return 2 if sallyport_skipped else 0


def main(argv):
    if len(argv) == 7 and argv[1] == "parse":
        cmd_parse(*argv[2:])
        return 0
    if len(argv) == 6 and argv[1] == "report":
        return cmd_report(*argv[2:])
    sys.stderr.write(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
