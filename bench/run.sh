#!/usr/bin/env bash
# Sallyport benchmark: direct-to-upstream vs nginx reverse proxy vs Sallyport, on loopback.
#
#   bench/run.sh                 full benchmark (Sallyport rows skipped, loudly, if no jar)
#   bench/run.sh --nginx-only    baselines only (direct + nginx)
#   bench/run.sh idle            1,000 idle keep-alive connections against Sallyport (idle-connections.sh)
#
# Environment (defaults): DURATION=10 (s per run)  CONNS="50 200"  THREADS=1  WARMUP=20 (s, Sallyport)
#   NGINX_WARMUP=3 (s)  REPEAT=1 (repetitions of the grid; medians reported)  BODIES="100b 64k"
#   WRK_CPU=0  SERVER_CPU=1  READY_TIMEOUT=60 (s)
#   SALLYPORT_JAR=<repo>/gateway/target/sallyport.jar  SALLYPORT_JAVA_OPTS=""  SALLYPORT_BUILD=1
#   KEEP_TMP=0 (1 keeps the temp dir with configs and logs)
# See bench/README.md.
set -euo pipefail

MODE=bench
NGINX_ONLY=0
for arg in "$@"; do
  case "$arg" in
    idle) MODE=idle ;;
    bench) MODE=bench ;;
    --nginx-only) NGINX_ONLY=1 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 64 ;;
  esac
done
if [[ "$MODE" == idle ]]; then
  exec "$(dirname "$0")/idle-connections.sh"
fi

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

DURATION="${DURATION:-10}"
CONNS="${CONNS:-50 200}"
THREADS="${THREADS:-1}"
WARMUP="${WARMUP:-20}"
NGINX_WARMUP="${NGINX_WARMUP:-3}"
REPEAT="${REPEAT:-1}"
BODIES="${BODIES:-100b 64k}"
for v in DURATION THREADS WARMUP NGINX_WARMUP REPEAT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number of seconds/threads, got '${!v}'"
done
((DURATION > 0 && THREADS > 0 && REPEAT > 0)) || die "DURATION, THREADS and REPEAT must be > 0"
for b in $BODIES; do [[ "$b" == 100b || "$b" == 64k ]] || die "BODIES may only contain 100b and 64k"; done
for c in $CONNS; do
  if ! [[ "$c" =~ ^[0-9]+$ ]] || ((c < THREADS)); then die "bad connection count '$c' (must be >= THREADS)"; fi
done

ensure_tools
setup_pinning
init_workdir
LOADAVG_START="$(cut -d' ' -f1-3 /proc/loadavg)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

declare -A BODY_SIZE=([100b]=100 [64k]=65536)
ROWS="$WORK_TMP/rows.jsonl"
: >"$ROWS"

# --- Sallyport: present, built, skipped or failed? ----------------------------------------------
SALLYPORT_STATUS=skipped
SALLYPORT_NOTE=""
SALLYPORT_START_ERROR=""
SALLYPORT_READY_MS=""
SALLYPORT_LOG_TAIL=""
SALLYPORT_JAR_SHA256=""
SALLYPORT_JAR_MTIME=""
if ((NGINX_ONLY)); then
  SALLYPORT_NOTE="SALLYPORT SKIPPED: --nginx-only was given; only direct and nginx rows are measured."
else
  resolve_sallyport_jar
  if ((SALLYPORT_AVAILABLE)); then
    SALLYPORT_STATUS=run
  else
    SALLYPORT_NOTE="SALLYPORT SKIPPED: $SALLYPORT_SKIP_REASON. Only direct and nginx rows are measured."
  fi
fi
if [[ -n "$SALLYPORT_NOTE" ]]; then
  log "=================================================================================="
  log "$SALLYPORT_NOTE"
  log "=================================================================================="
fi

# --- Servers ------------------------------------------------------------------------------------
read -r UP_PORT PROXY_PORT SP_PORT SP_MGMT <<<"$(free_ports 4)"
start_upstream "$UP_PORT"
start_proxy_nginx "$PROXY_PORT" "$UP_PORT"

declare -A BASE_URL=([direct]="http://127.0.0.1:$UP_PORT" [nginx]="http://127.0.0.1:$PROXY_PORT")
TARGETS=(direct nginx)
if [[ "$SALLYPORT_STATUS" == run ]]; then
  if start_sallyport "$SP_PORT" "$SP_MGMT" "$UP_PORT"; then
    BASE_URL[sallyport]="http://127.0.0.1:$SP_PORT"
    TARGETS+=(sallyport)
  else
    SALLYPORT_STATUS=failed
    SALLYPORT_NOTE="SALLYPORT FAILED TO START: $SALLYPORT_START_ERROR (log: bench/out/$TS/sallyport.log)"
    SALLYPORT_LOG_TAIL="$(tail -n 40 "$SALLYPORT_LOG" 2>/dev/null || true)"
    SALLYPORT_READY_MS=""
  fi
fi

# --- Pre-check: every target must answer 200 with the exact body size (wrk does not check 2xx). ---
declare -A PRECHECK=()
for t in "${TARGETS[@]}"; do
  for b in $BODIES; do
    got="$(curl -s -o /dev/null -m 5 -w '%{http_code} %{size_download}' "${BASE_URL[$t]}/$b" || echo "000 0")"
    if [[ "$got" != "200 ${BODY_SIZE[$b]}" ]]; then
      PRECHECK[$t/$b]="expected '200 ${BODY_SIZE[$b]}' (status, bytes), got '$got'"
      log "PRE-CHECK FAILED: $t ${BASE_URL[$t]}/$b: ${PRECHECK[$t/$b]}"
    fi
  done
done

# --- Load ---------------------------------------------------------------------------------------
MAX_CONNS="$(tr ' ' '\n' <<<"$CONNS" | sort -n | tail -1)"

# run_wrk SECONDS CONNS URL OUTFILE -- bounded by wrk -d and by timeout(1).
run_wrk() {
  local secs="$1" conns="$2" url="$3" out="$4"
  [[ "$url" == http://127.0.0.1:* ]] || die "refusing to load a non-loopback URL: $url"
  local rc=0
  timeout -k 5 $((secs + 30)) "${PIN_WRK[@]}" wrk -t"$THREADS" -c"$conns" -d"${secs}s" --latency "$url" \
    >"$out" 2>&1 || rc=$?
  if ((rc != 0)); then
    log "wrk exited with status $rc for $url"
    echo "wrk exit status $rc" >>"$out"
  fi
  return 0
}

warm() {
  local t="$1" secs="$2"
  ((secs > 0)) || return 0
  local -a bodies
  read -ra bodies <<<"$BODIES"
  local per=$(((secs + ${#bodies[@]} - 1) / ${#bodies[@]}))
  log "warm-up $t: ${per}s per body (${bodies[*]}) at $MAX_CONNS connections"
  for b in "${bodies[@]}"; do
    run_wrk "$per" "$MAX_CONNS" "${BASE_URL[$t]}/$b" "$WORK_TMP/warmup-$t-$b.txt"
  done
}

warm direct "$NGINX_WARMUP"
warm nginx "$NGINX_WARMUP"
[[ " ${TARGETS[*]} " == *" sallyport "* ]] && warm sallyport "$WARMUP"

# Interleave targets inside each (body, conns) cell so that drift in machine load hits all three
# alike: the ratios are what we judge, not the absolute numbers. With REPEAT > 1 the whole grid is
# measured again and the report uses the median of each cell.
for ((rep = 1; rep <= REPEAT; rep++)); do
  for b in $BODIES; do
    for c in $CONNS; do
      for t in direct nginx sallyport; do
        if [[ -z "${BASE_URL[$t]:-}" ]]; then
          if [[ "$t" == sallyport && $rep == 1 ]]; then
            if [[ "$SALLYPORT_STATUS" == failed ]]; then
              printf '{"target":"sallyport","body":"%s","conns":%s,"start_error":%s}\n' "$b" "$c" \
                "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$SALLYPORT_START_ERROR")" >>"$ROWS"
            else
              printf '{"target":"sallyport","body":"%s","conns":%s,"skipped":%s}\n' "$b" "$c" \
                "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${SALLYPORT_SKIP_REASON:---nginx-only}")" >>"$ROWS"
            fi
          fi
          continue
        fi
        url="${BASE_URL[$t]}/$b"
        out="$RAW_DIR/wrk-$t-$b-c$c-r$rep.txt"
        log "measure $t $b c=$c ${DURATION}s (run $rep/$REPEAT): $url"
        run_wrk "$DURATION" "$c" "$url" "$out"
        row="$(python3 "$BENCH_DIR/report.py" parse "$out" "$t" "$b" "$c" "$url")"
        row="$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["rep"]=int(sys.argv[2]); r["precheck_error"]=sys.argv[3] or None; print(json.dumps(r))' \
          "$row" "$rep" "${PRECHECK[$t/$b]:-}")"
        echo "$row" >>"$ROWS"
        sleep 1
      done
    done
  done
done

SALLYPORT_RSS_MIB=""
SALLYPORT_HWM_MIB=""
if [[ " ${TARGETS[*]} " == *" sallyport "* ]]; then
  if kill -0 "$SALLYPORT_PID" 2>/dev/null; then
    SALLYPORT_RSS_MIB=$(($(proc_kib "$SALLYPORT_PID" VmRSS) / 1024))
    SALLYPORT_HWM_MIB=$(($(proc_kib "$SALLYPORT_PID" VmHWM) / 1024))
  else
    SALLYPORT_NOTE="SALLYPORT DIED DURING THE BENCHMARK (see bench/out/$TS/sallyport.log)"
    SALLYPORT_LOG_TAIL="$(tail -n 40 "$SALLYPORT_LOG" 2>/dev/null || true)"
    log "$SALLYPORT_NOTE"
  fi
  cp "$SALLYPORT_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
fi

# --- Report -------------------------------------------------------------------------------------
export TS DURATION THREADS WARMUP NGINX_WARMUP REPEAT WRK_CPU SERVER_CPU SALLYPORT_STATUS SALLYPORT_NOTE \
  SALLYPORT_READY_MS SALLYPORT_RSS_MIB SALLYPORT_HWM_MIB SALLYPORT_JAR SALLYPORT_JAVA_OPTS CONNS BODIES \
  SALLYPORT_LOG_TAIL LOADAVG_START SALLYPORT_JAR_SHA256 SALLYPORT_JAR_MTIME
python3 - "$WORK_TMP/meta.json" <<'EOF'
import json, os, platform, subprocess, sys
e = os.environ
def num(v):
    return int(v) if v not in (None, "") else None
meta = {
    "timestamp": e["TS"], "host": platform.node(), "cpus": os.cpu_count(),
    "wrk_cpu": num(e["WRK_CPU"]), "server_cpu": num(e["SERVER_CPU"]),
    "duration_s": num(e["DURATION"]), "threads": num(e["THREADS"]), "repeat": num(e["REPEAT"]),
    "warmup_s": num(e["WARMUP"]), "nginx_warmup_s": num(e["NGINX_WARMUP"]),
    "conns": [int(c) for c in e["CONNS"].split()], "bodies": e["BODIES"].split(),
    "sallyport_status": e["SALLYPORT_STATUS"], "sallyport_note": e["SALLYPORT_NOTE"] or None,
    "sallyport_jar": e["SALLYPORT_JAR"], "sallyport_jar_sha256": e["SALLYPORT_JAR_SHA256"] or None,
    "sallyport_jar_mtime": e["SALLYPORT_JAR_MTIME"] or None, "sallyport_java_opts": e["SALLYPORT_JAVA_OPTS"],
    "sallyport_ready_ms": num(e["SALLYPORT_READY_MS"]),
    "sallyport_rss_mib": num(e["SALLYPORT_RSS_MIB"]), "sallyport_hwm_mib": num(e["SALLYPORT_HWM_MIB"]),
    "sallyport_log_tail": e["SALLYPORT_LOG_TAIL"] or None,
    "nginx_version": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip(),
    "wrk_version": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0].strip(),
    "loadavg_at_start": e["LOADAVG_START"].split(),
    "loadavg_at_end": open("/proc/loadavg").read().split()[:3],
}
json.dump(meta, open(sys.argv[1], "w"), indent=2)
EOF

echo
rc=0
python3 "$BENCH_DIR/report.py" report "$ROWS" "$WORK_TMP/meta.json" \
  "$OUT_DIR/results-$TS.txt" "$OUT_DIR/results-$TS.json" || rc=$?
echo
log "wrote bench/out/results-$TS.txt and bench/out/results-$TS.json (raw wrk output and gateway log: bench/out/$TS/)"
exit "$rc"
