#!/usr/bin/env bash
# Idle-connection footprint of Sallyport (also: bench/run.sh idle).
#
# Starts the upstream nginx and Sallyport (same JVM flags and YAML as run.sh, pinned to SERVER_CPU),
# measures start-to-ready, opens IDLE_CONNS keep-alive connections to the public port (one GET each,
# then idle), holds them IDLE_HOLD seconds while sampling the gateway's VmRSS, checks that they are
# still open (and usable), and prints PASS/FAIL against: ready <= 3 s, RSS < 400 MiB, all held.
#
# Environment (defaults): IDLE_CONNS=1000  IDLE_HOLD=10 (s)  READY_TARGET_MS=3000  RSS_TARGET_MIB=400
#   SERVER_CPU=1  READY_TIMEOUT=60  SALLYPORT_JAR  SALLYPORT_JAVA_OPTS  SALLYPORT_BUILD=1  KEEP_TMP=0
# Option: --against-nginx  runs the same client procedure against the upstream nginx worker instead
#                          (a self-test of the harness; no Sallyport needed).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

AGAINST=sallyport
for arg in "$@"; do
  case "$arg" in
    --against-nginx) AGAINST=nginx ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 64 ;;
  esac
done

IDLE_CONNS="${IDLE_CONNS:-1000}"
IDLE_HOLD="${IDLE_HOLD:-10}"
READY_TARGET_MS="${READY_TARGET_MS:-3000}"
RSS_TARGET_MIB="${RSS_TARGET_MIB:-400}"
[[ "$IDLE_HOLD" =~ ^[0-9]+$ && "$IDLE_HOLD" -le 600 ]] || die "IDLE_HOLD must be 0..600 seconds"
[[ "$IDLE_CONNS" =~ ^[0-9]+$ && "$IDLE_CONNS" -le 20000 ]] || die "IDLE_CONNS must be 0..20000"

ensure_tools
setup_pinning
init_workdir
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

read -r UP_PORT SP_PORT SP_MGMT <<<"$(free_ports 3)"
start_upstream "$UP_PORT"

READY_MS=""
if [[ "$AGAINST" == sallyport ]]; then
  resolve_sallyport_jar
  if ((!SALLYPORT_AVAILABLE)); then
    log "=================================================================================="
    log "IDLE TEST SKIPPED: $SALLYPORT_SKIP_REASON"
    log "=================================================================================="
    exit 2
  fi
  if ! start_sallyport "$SP_PORT" "$SP_MGMT" "$UP_PORT"; then
    echo "IDLE TEST: FAIL - $SALLYPORT_START_ERROR (log: bench/out/$TS/sallyport.log)"
    exit 1
  fi
  READY_MS="$SALLYPORT_READY_MS"
  TARGET_PORT="$SP_PORT"
  RSS_PID="$SALLYPORT_PID"
else
  log "self-test: measuring the upstream nginx worker, not Sallyport"
  TARGET_PORT="$UP_PORT"
  RSS_PID="$(pgrep -P "$UPSTREAM_PID" | head -1)"  # children of the PID we started
fi

# Settle for a moment so the "before" RSS is not mid-startup.
sleep 1
log "opening $IDLE_CONNS keep-alive connections to 127.0.0.1:$TARGET_PORT, holding ${IDLE_HOLD}s, watching pid $RSS_PID"
RESULT="$WORK_TMP/idle.json"
timeout -k 5 $((IDLE_HOLD + 180)) python3 "$BENCH_DIR/idle_clients.py" "$TARGET_PORT" /100b "$IDLE_CONNS" \
  "$IDLE_HOLD" "$RSS_PID" >"$RESULT"
if [[ "$AGAINST" == sallyport ]]; then cp "$SALLYPORT_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true; fi

export READY_MS READY_TARGET_MS RSS_TARGET_MIB IDLE_CONNS IDLE_HOLD AGAINST TS
rc=0
python3 - "$RESULT" "$OUT_DIR/idle-$TS.txt" "$OUT_DIR/idle-$TS.json" <<'EOF' || rc=$?
import json, os, sys
e = os.environ
r = json.load(open(sys.argv[1]))
n = int(e["IDLE_CONNS"]); hold = int(e["IDLE_HOLD"])
rss_target = int(e["RSS_TARGET_MIB"]); ready_target = int(e["READY_TARGET_MS"])
mib = lambda k: None if k is None else round(k / 1024, 1)
who = "Sallyport" if e["AGAINST"] == "sallyport" else "nginx worker (harness self-test)"
out, fails = [], []
out.append(f"Idle-connection test {e['TS']} against {who}: {n} connections, held {hold} s")
if e.get("READY_MS"):
    ready = int(e["READY_MS"])
    ok = ready <= ready_target
    out.append(f"{'PASS' if ok else 'FAIL'}  start-to-ready: {ready} ms (target <= {ready_target} ms)")
    if not ok: fails.append("ready")
out.append(f"      opened {r['opened']}/{n}, first GET 2xx {r['first_request_ok']}/{n} in {r['open_seconds']} s"
           + (f", failures {r['first_request_failures']}" if r["first_request_failures"] else "")
           + (f", {r['server_said_close']} responses said 'Connection: close'" if r["server_said_close"] else ""))
if r["first_request_ok"] < n:
    fails.append("open"); out.append(f"FAIL  not every connection got a 2xx on its first GET")
out.append(f"      RSS before connections: {mib(r['rss_kib_before'])} MiB")
out.append("      samples (s: open, RSS MiB): " + ", ".join(
    f"{s['t_s']:.0f}: {s['open']}, {mib(s['rss_kib'])}" for s in r["samples"]))
rss_max = mib(r["rss_kib_max"])
ok = rss_max is not None and rss_max < rss_target
out.append(f"{'PASS' if ok else 'FAIL'}  RSS while held: max {rss_max} MiB, last {mib(r['rss_kib_last'])} MiB "
           f"(target < {rss_target} MiB; VmHWM {mib(r['hwm_kib'])} MiB)")
if not ok: fails.append("rss")
if r["rss_kib_before"] and r["rss_kib_max"] and r["held"]:
    per = (r["rss_kib_max"] - r["rss_kib_before"]) / r["held"]
    out.append(f"      RSS growth over the idle baseline: {mib(r['rss_kib_max'] - r['rss_kib_before'])} MiB, "
               f"~{per:.1f} KiB per connection")
held = r["still_open_at_end"]
ok = held == n and r["second_request_ok"] == n
if r["closed_during_hold"]:
    out.append(f"NOTE  the server CLOSED {r['closed_during_hold']} of {r['held']} idle connections "
               f"during the {hold} s hold (first close after {r['first_close_after_s']} s idle): "
               f"its client idle timeout is shorter than the hold, so the RSS above was not all measured "
               f"with {n} connections open (see the open counts per sample).")
out.append(f"{'PASS' if ok else 'FAIL'}  still open after {hold} s: {held}/{n}; usable (second GET 2xx): "
           f"{r['second_request_ok']}/{n}")
if not ok: fails.append("held")
overall = "IDLE TEST: PASS" if not fails else "IDLE TEST: FAIL (" + ", ".join(fails) + ")"
out.append(overall)
text = "\n".join(out) + "\n"
sys.stdout.write(text)
open(sys.argv[2], "w").write(text)
json.dump({"against": e["AGAINST"], "connections": n, "hold_s": hold, "ready_ms": int(e["READY_MS"]) if e.get("READY_MS") else None,
           "targets": {"ready_ms": ready_target, "rss_mib": rss_target}, "result": r, "overall": overall},
          open(sys.argv[3], "w"), indent=2)
sys.exit(1 if fails else 0)
EOF
log "wrote bench/out/idle-$TS.txt and bench/out/idle-$TS.json"
exit "$rc"
