#!/usr/bin/env bash
# Bearer-route benchmark (issue 4): a public route vs a bearer-protected route of the same gateway,
# in front of the same upstream nginx serving a fixed 100-byte body, measured in the same run.
#
#   bench/bearer.sh
#
# Target: the bearer route keeps >= 0.85 x the plain route's req/s (RATIO_TARGET), at every
# connection count. Exit 0 all PASS, 1 any FAIL (or errors / failed pre-check).
#
# Environment (defaults): DURATION=10 (s per run)  CONNS="50 200"  THREADS=1  WARMUP=20 (s per route)
#   REPEAT=1 (repetitions of the grid; medians reported)  RATIO_TARGET=0.85
#   WRK_CPU=0  SERVER_CPU=1  READY_TIMEOUT=60  SALLYPORT_JAR=<repo>/gateway/target/sallyport.jar
#   SALLYPORT_JAVA_OPTS=""  SALLYPORT_BUILD=1  KEEP_TMP=0
# See bench/README.md, "Bearer routes".
set -euo pipefail
case "${1:-}" in
  -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
  "") ;;
  *) echo "unknown argument: $1 (try --help)" >&2; exit 64 ;;
esac

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

DURATION="${DURATION:-10}"
CONNS="${CONNS:-50 200}"
THREADS="${THREADS:-1}"
WARMUP="${WARMUP:-20}"
REPEAT="${REPEAT:-1}"
RATIO_TARGET="${RATIO_TARGET:-0.85}"
for v in DURATION THREADS WARMUP REPEAT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
((DURATION > 0 && THREADS > 0 && REPEAT > 0)) || die "DURATION, THREADS and REPEAT must be > 0"
for c in $CONNS; do
  if ! [[ "$c" =~ ^[0-9]+$ ]] || ((c < THREADS)); then die "bad connection count '$c' (must be >= THREADS)"; fi
done

TENANT_ID=7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11   # the bundled demo scenario's tenant
CLIENT_ID=5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60   # its "Sallyport" app registration
SCOPE=access_as_user

ensure_tools
setup_pinning
init_workdir
LOADAVG_START="$(cut -d' ' -f1-3 /proc/loadavg)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

resolve_sallyport_jar
((SALLYPORT_AVAILABLE)) || die "no gateway jar: $SALLYPORT_SKIP_REASON"
JAR="$WORK_TMP/sallyport.jar"
cp "$SALLYPORT_JAR" "$JAR"   # private copy: a rebuild during the run cannot pull it from under the JVMs
JAR_SHA256="$(sha256sum "$JAR" | cut -c1-64)"
log "jar $SALLYPORT_JAR (sha256 ${JAR_SHA256:0:12}…) copied to $JAR"

read -r UP_PORT DT_PORT GW_PORT GW_MGMT <<<"$(free_ports 4)"

# --- Upstream nginx (lib.sh) -------------------------------------------------------------------
start_upstream "$UP_PORT"

# --- devtenant: the local Entra stand-in that signs the token and serves the keys ---------------
DT_DIR="$WORK_TMP/devtenant"
mkdir -p "$DT_DIR/data"
DT_CERT="$DT_DIR/data/devtenant-tls.crt"
log "starting devtenant on https://localhost:$DT_PORT"
# Run from its own directory so that it serves the demo scenario bundled in the jar.
(cd "$DT_DIR" && exec "${PIN_SRV[@]}" java -Xmx256m -jar "$JAR" devtenant --port "$DT_PORT" \
  --data-dir "$DT_DIR/data") >"$DT_DIR/devtenant.log" 2>&1 &
DT_PID=$!
STARTED_PIDS+=("$DT_PID")
deadline=$((SECONDS + READY_TIMEOUT))
until [[ -s "$DT_CERT" ]] &&
  [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' --cacert "$DT_CERT" \
    "https://localhost:$DT_PORT/_devtenant/tenant" 2>/dev/null || true)" == 200 ]]; do
  if ! kill -0 "$DT_PID" 2>/dev/null || ((SECONDS >= deadline)); then
    tail -n 40 "$DT_DIR/devtenant.log" | sed 's/^/    | /' >&2 || true
    die "devtenant did not come up on https://localhost:$DT_PORT"
  fi
  sleep 0.2
done
log "devtenant pid $DT_PID ready (certificate $DT_CERT)"

# --- Gateway: one public route and one bearer route, same upstream ---------------------------
GW_DIR="$WORK_TMP/gateway"
mkdir -p "$GW_DIR/data"
GW_CONFIG="$GW_DIR/gw.yaml"
GW_LOG="$GW_DIR/sallyport.log"
cat >"$GW_CONFIG" <<EOF
listeners:
  public: { host: 127.0.0.1, port: $GW_PORT }
  management: { host: 127.0.0.1, port: $GW_MGMT }
access-log: off
store: { kind: h2, path: $GW_DIR/data }
tenant:
  id: $TENANT_ID
  authority: "https://localhost:$DT_PORT"
  client-id: $CLIENT_ID
  ca-file: $DT_CERT
routes:
  - name: plain
    match: { path-prefix: /plain/ }
    upstream: "http://127.0.0.1:$UP_PORT"
    public: true
    rewrite-prefix: /
  - name: bearer
    match: { path-prefix: /api/ }
    upstream: "http://127.0.0.1:$UP_PORT"
    rewrite-prefix: /
    require: { scopes: [$SCOPE] }
EOF
java -jar "$JAR" check-config "$GW_CONFIG" >"$GW_DIR/check-config.log" 2>&1 ||
  { cat "$GW_DIR/check-config.log" >&2; die "check-config rejected $GW_CONFIG"; }

# Same JVM flags as run.sh's Sallyport (lib.sh start_sallyport), so the numbers are comparable.
java_cmd=(java -Xms256m -Xmx256m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Dio.netty.allocator.type=pooled)
if [[ -n "$SALLYPORT_JAVA_OPTS" ]]; then
  # shellcheck disable=SC2206
  java_cmd+=($SALLYPORT_JAVA_OPTS)
fi
java_cmd+=(-jar "$JAR" run --config "$GW_CONFIG")
log "starting gateway: ${PIN_SRV[*]} ${java_cmd[*]}"
(cd "$GW_DIR" && exec "${PIN_SRV[@]}" "${java_cmd[@]}") >"$GW_LOG" 2>&1 &
GW_PID=$!
STARTED_PIDS+=("$GW_PID")
rc=0
wait_http "http://127.0.0.1:$GW_MGMT/readyz" "$READY_TIMEOUT" "$GW_PID" || rc=$?
cp "$GW_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
if ((rc != 0)); then
  tail -n 40 "$GW_LOG" | sed 's/^/    | /' >&2 || true
  die "gateway not ready (wait_http status $rc)"
fi
log "gateway pid $GW_PID ready (public 127.0.0.1:$GW_PORT, management 127.0.0.1:$GW_MGMT, CPU $SERVER_CPU)"

# --- Token ----------------------------------------------------------------------------------
TOKEN="$(curl -s -m 10 --cacert "$DT_CERT" -X POST "https://localhost:$DT_PORT/_devtenant/tokens" \
  -H 'Content-Type: application/json' \
  -d '{"user":"alice","client":"Demo CLI","audience":"api://sallyport","lifetime-seconds":7200}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" ||
  die "could not mint a token from devtenant"
[[ -n "$TOKEN" ]] || die "devtenant returned an empty access_token"
log "minted a token for alice (${#TOKEN} characters)"

# --- Pre-check: statuses and body sizes (wrk only counts statuses >= 400) ---------------------
declare -A URL=([plain]="http://127.0.0.1:$GW_PORT/plain/100b" [bearer]="http://127.0.0.1:$GW_PORT/api/100b")
declare -A PRECHECK=()
check() { # name expected curl-args...
  local name="$1" want="$2"
  shift 2
  local got
  got="$(curl -s -o /dev/null -m 5 -w '%{http_code} %{size_download}' "$@" || echo "000 0")"
  if [[ "$got" != "$want"* ]]; then
    PRECHECK[$name]="expected '$want', got '$got'"
    log "PRE-CHECK FAILED: $name: ${PRECHECK[$name]}"
  else
    log "pre-check $name: $got"
  fi
}
check plain "200 100" "${URL[plain]}"
check bearer "200 100" -H "Authorization: Bearer $TOKEN" "${URL[bearer]}"
check bearer-no-token "401 " "${URL[bearer]}"
if ((${#PRECHECK[@]} > 0)); then
  tail -n 20 "$GW_LOG" | sed 's/^/    | /' >&2 || true
  die "pre-check failed; not measuring"
fi

# --- Load -----------------------------------------------------------------------------------
MAX_CONNS="$(tr ' ' '\n' <<<"$CONNS" | sort -n | tail -1)"

# run_wrk SECONDS CONNS ROUTE OUTFILE -- bounded by wrk -d and by timeout(1).
run_wrk() {
  local secs="$1" conns="$2" route="$3" out="$4"
  local url="${URL[$route]}"
  [[ "$url" == http://127.0.0.1:* ]] || die "refusing to load a non-loopback URL: $url"
  local -a hdr=()
  [[ "$route" == bearer ]] && hdr=(-H "Authorization: Bearer $TOKEN")
  local rc=0
  timeout -k 5 $((secs + 30)) "${PIN_WRK[@]}" wrk -t"$THREADS" -c"$conns" -d"${secs}s" --latency \
    "${hdr[@]}" "$url" >"$out" 2>&1 || rc=$?
  if ((rc != 0)); then
    log "wrk exited with status $rc for $route"
    echo "wrk exit status $rc" >>"$out"
  fi
}

# Warm-up: each route WARMUP s at the highest connection count, in two halves interleaved, so the
# JIT has compiled both the plain path and the token-verification path before anything is measured.
if ((WARMUP > 0)); then
  half=$(((WARMUP + 1) / 2))
  log "warm-up: ${half}s x 2 per route at $MAX_CONNS connections"
  for pass in 1 2; do
    for r in plain bearer; do run_wrk "$half" "$MAX_CONNS" "$r" "$RAW_DIR/warmup-$r-$pass.txt"; done
  done
fi

ROWS="$WORK_TMP/rows.jsonl"
: >"$ROWS"
for ((rep = 1; rep <= REPEAT; rep++)); do
  for c in $CONNS; do
    for r in plain bearer; do   # interleaved: drift in machine load hits both routes alike
      out="$RAW_DIR/wrk-bearer-bench-$r-c$c-r$rep.txt"
      log "measure $r c=$c ${DURATION}s (run $rep/$REPEAT)"
      run_wrk "$DURATION" "$c" "$r" "$out"
      row="$(python3 "$BENCH_DIR/report.py" parse "$out" "$r" 100b "$c" "${URL[$r]}")"
      python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["rep"]=int(sys.argv[2]); print(json.dumps(r))' \
        "$row" "$rep" >>"$ROWS"
      sleep 1
    done
  done
done
if ! kill -0 "$GW_PID" 2>/dev/null; then
  log "GATEWAY DIED DURING THE BENCHMARK"
  tail -n 40 "$GW_LOG" | sed 's/^/    | /' >&2 || true
fi
cp "$GW_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true

# --- Report (report.py's wrk parser and REPEAT medians) -------------------------------------
export TS DURATION THREADS WARMUP REPEAT CONNS RATIO_TARGET LOADAVG_START JAR_SHA256 SALLYPORT_JAR \
  WRK_CPU SERVER_CPU BENCH_DIR
OUT_TXT="$OUT_DIR/bearer-$TS.txt"
OUT_JSON="$OUT_DIR/bearer-$TS.json"
echo
rc=0
python3 - "$ROWS" "$OUT_TXT" "$OUT_JSON" <<'EOF' || rc=$?
import json, os, sys
e = os.environ
sys.path.insert(0, e["BENCH_DIR"])
import report  # noqa: E402  (bench/report.py: parse_wrk, aggregate, error_text, fmt)

rows_path, txt_out, json_out = sys.argv[1:4]
runs = [json.loads(l) for l in open(rows_path) if l.strip()]
agg = {(r["target"], r["conns"]): r for r in report.aggregate(runs)}
target = float(e["RATIO_TARGET"])
conns = [int(c) for c in e["CONNS"].split()]
lines = [
    f"Sallyport bearer-route benchmark {e['TS']}  ({os.cpu_count()} CPUs; wrk on CPU {e['WRK_CPU']}, "
    f"nginx + gateway + devtenant on CPU {e['SERVER_CPU']})",
    f"wrk -t{e['THREADS']} -d{e['DURATION']}s, REPEAT={e['REPEAT']} (medians), warm-up {e['WARMUP']}s per route; "
    f"GET 100-byte body; load average at start {e['LOADAVG_START']}, at end "
    f"{' '.join(open('/proc/loadavg').read().split()[:3])}",
    f"jar {e['SALLYPORT_JAR']} sha256 {e['JAR_SHA256'][:12]}",
    "",
    f"{'route':<7} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'x plain':>8} {'p99 x':>6}  {'verdict':<7} errors",
]
verdicts, result = [], {"target_ratio": target, "rows": [], "verdicts": []}
for c in conns:
    p, b = agg.get(("plain", c)), agg.get(("bearer", c))
    for name, r in (("plain", p), ("bearer", b)):
        if r is None:
            continue
        err = report.error_text(r)
        ratio = p99r = None
        verdict = ""
        if name == "bearer":
            if p and p.get("rps") and r.get("rps") is not None:
                ratio = r["rps"] / p["rps"]
            if p and p.get("p99_ms") and r.get("p99_ms") is not None:
                p99r = r["p99_ms"] / p["p99_ms"]
            ok = ratio is not None and ratio >= target and not err and not report.error_text(p)
            verdict = "PASS" if ok else "FAIL"
            per_run = []
            for rep in sorted({x["rep"] for x in runs}):
                pr = next((x for x in runs if x["target"] == "plain" and x["conns"] == c and x["rep"] == rep), None)
                br = next((x for x in runs if x["target"] == "bearer" and x["conns"] == c and x["rep"] == rep), None)
                if pr and br and pr.get("rps") and br.get("rps") is not None:
                    per_run.append(round(br["rps"] / pr["rps"], 3))
            verdicts.append((c, verdict, ratio, per_run))
        lines.append(f"{name:<7} {c:>5} {report.fmt(r.get('rps'), '10,.0f')} {report.fmt(r.get('p50_ms'), '8.2f')} "
                     f"{report.fmt(r.get('p99_ms'), '8.2f')} {report.fmt(ratio, '8.2f')} {report.fmt(p99r, '6.2f')}  "
                     f"{verdict:<7} {err}")
        result["rows"].append({k: v for k, v in r.items() if k != "runs"} | {"route": name, "ratio": ratio,
                              "p99_ratio": p99r, "verdict": verdict or None})
lines.append("")
for c, v, ratio, per_run in verdicts:
    rt = "-" if ratio is None else f"{ratio:.3f}"
    lines.append(f"{v}  bearer/plain req/s at {c} connections = {rt} (target >= {target:.2f}); per run: "
                 f"{', '.join(map(str, per_run)) or '-'}")
    result["verdicts"].append({"conns": c, "verdict": v, "ratio": ratio, "per_run": per_run})
overall = "PASS" if verdicts and all(v == "PASS" for _, v, _, _ in verdicts) and len(verdicts) == len(conns) else "FAIL"
lines.append(f"OVERALL {overall}")
result["overall"] = overall
text = "\n".join(lines)
print(text)
open(txt_out, "w").write(text + "\n")
json.dump(result | {"raw_runs": runs}, open(json_out, "w"), indent=2)
sys.exit(0 if overall == "PASS" else 1)
EOF
echo
log "wrote bench/out/bearer-$TS.txt and .json (raw wrk output and gateway log: bench/out/$TS/)"
exit "$rc"
