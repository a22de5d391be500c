#!/usr/bin/env bash
# Graph-backed checks benchmark (issue 6): a bearer route with identity checks only vs the same
# route also requiring an active PIM role, accepted terms of use and a delivered access package,
# all answered by devtenant's Microsoft Graph, in front of the same upstream nginx (100-byte body).
#
#   bench/graph.sh
#
# Phase 1, with warm caches, interleaved: governed req/s >= RATIO_TARGET x identity's at every
# connection count. Phase 2: governed p99 with Graph answering at once (baseline), then with
# LATENCY_MS added to every Graph call at devtenant for P2_DURATION s, short cache bounds making
# several background refreshes fall inside that window. PASS when p99(latency) <= max(P99_FACTOR x
# baseline p99, baseline p99 + P99_SLACK_MS), no request took LATENCY_MS or more (none waited on
# Graph), each Graph fact was fetched inside the window, and no errors or non-2xx anywhere.
# Exit 0 all PASS, 1 any FAIL (or a failed pre-check).
#
# Environment (defaults): DURATION=10 (s per phase-1 run)  CONNS="50 200"  THREADS=1  WARMUP=20 (s per
#   route)  REPEAT=1 (repetitions of both phases; medians reported)  RATIO_TARGET=0.90  LATENCY_MS=2000
#   P2_DURATION=60 (s per phase-2 run)  P2_CONNS=50  P99_FACTOR=1.25  P99_SLACK_MS=5
#   GRAPH_YAML="call-timeout: 5s, check-timeout: 3s, groups-ttl: 20s, refresh-ahead: 10s,
#   pim-refresh: 30s, stale-if-error: 0s"  PHASES="1 2"  WRK_CPU=0  SERVER_CPU=1  READY_TIMEOUT=60
#   SALLYPORT_JAR=<repo>/gateway/target/sallyport.jar  SALLYPORT_JAVA_OPTS=""  SALLYPORT_BUILD=1  KEEP_TMP=0
# See bench/README.md, "Graph-backed checks".
set -euo pipefail
case "${1:-}" in
  -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
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
RATIO_TARGET="${RATIO_TARGET:-0.90}"
LATENCY_MS="${LATENCY_MS:-2000}"
P2_DURATION="${P2_DURATION:-60}"
P2_CONNS="${P2_CONNS:-50}"
P99_FACTOR="${P99_FACTOR:-1.25}"
P99_SLACK_MS="${P99_SLACK_MS:-5}"
PHASES="${PHASES:-1 2}"
# Short bounds, so that several background refreshes of every fact fall inside phase 2's window
# (the defaults are 5m / 1m / 60s). call-timeout above LATENCY_MS: Graph is slow, not failing;
# stale-if-error 0: a pass cannot come from serving stale answers past their bound.
GRAPH_YAML="${GRAPH_YAML:-call-timeout: 5s, check-timeout: 3s, groups-ttl: 20s, refresh-ahead: 10s, pim-refresh: 30s, stale-if-error: 0s}"
for v in DURATION THREADS WARMUP REPEAT LATENCY_MS P2_DURATION P2_CONNS P99_SLACK_MS; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
((DURATION > 0 && THREADS > 0 && REPEAT > 0 && P2_DURATION > 0 && LATENCY_MS > 0)) ||
  die "DURATION, THREADS, REPEAT, P2_DURATION and LATENCY_MS must be > 0"
for c in $CONNS $P2_CONNS; do
  if ! [[ "$c" =~ ^[0-9]+$ ]] || ((c < THREADS)); then die "bad connection count '$c' (must be >= THREADS)"; fi
done
for v in RATIO_TARGET P99_FACTOR; do
  [[ "${!v}" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "$v must be a number, got '${!v}'"
done
for p in $PHASES; do [[ "$p" == 1 || "$p" == 2 ]] || die "PHASES takes 1 and/or 2, got '$p'"; done
WRK_TIMEOUT_S=$((LATENCY_MS / 1000 + 10))

SCENARIO="$BENCH_DIR/graph-scenario.yaml"
# from the scenario: tenant, Sallyport's app registration and secret, the bench client
TENANT_ID=7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11
CLIENT_ID=5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60
CLIENT_SECRET=bench-gateway-secret-loopback-only   # devtenant's, valid on loopback only
BENCH_CLIENT="Bench CLI"
SCOPE=access_as_user
BENCH_GROUP=0b5e6f2a-4c3d-4e1f-8a9b-7c6d5e4f3a21
BENCH_ROLE=Bench.Reader
BENCH_ACR=c1
PIM_ROLE=5d6b6bb7-de71-4623-b4af-96380a352509   # Security Reader
AGREEMENT=3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84
PACKAGE=4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6

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

start_upstream "$UP_PORT"
start_devtenant "$DT_PORT" "$SCENARIO"
# any fault left behind by anything else would skew the baseline
devtenant_api DELETE /_devtenant/faults >/dev/null || die "could not clear devtenant's faults"

# The bench user's role is eligible only: activate it as PIM would, so the gateway sees an
# "Activated" instance with an end time (8 h, the role's maximum) rather than a standing assignment.
devtenant_api POST /_devtenant/pim/roles/activate \
  '{"user":"bench","role":"'"$PIM_ROLE"'","duration":"PT8H"}' >"$WORK_TMP/activation.json" ||
  die "could not activate bench's PIM role at devtenant"
log "activated bench's PIM role $PIM_ROLE (until $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["endDateTime"])' "$WORK_TMP/activation.json"))"

# --- Gateway: identity-only and governed routes, same upstream --------------------------------
GW_DIR="$WORK_TMP/gateway"
mkdir -p "$GW_DIR/data"
GW_CONFIG="$GW_DIR/gw.yaml"
IDENTITY_YAML="scopes: [$SCOPE]
      app-roles: [$BENCH_ROLE]
      groups: [$BENCH_GROUP]
      mfa: true
      auth-context: $BENCH_ACR
      max-auth-age: 12h"
cat >"$GW_CONFIG" <<EOF
listeners:
  public: { host: 127.0.0.1, port: $GW_PORT }
  management: { host: 127.0.0.1, port: $GW_MGMT }
access-log: off
store: { kind: h2, path: $GW_DIR/data }
tenant:
  id: $TENANT_ID
  authority: "$DT_URL"
  client-id: $CLIENT_ID
  client-secret: $CLIENT_SECRET
  ca-file: $DT_CERT
  graph-url: "$DT_URL"
graph: { $GRAPH_YAML }
routes:
  - name: identity
    match: { path-prefix: /id/ }
    upstream: "http://127.0.0.1:$UP_PORT"
    rewrite-prefix: /
    require:
      $IDENTITY_YAML
  - name: governed
    match: { path-prefix: /gov/ }
    upstream: "http://127.0.0.1:$UP_PORT"
    rewrite-prefix: /
    require:
      $IDENTITY_YAML
      pim: { role: $PIM_ROLE }
      terms-of-use: { agreement: $AGREEMENT, via: step-up, auth-context: c2 }
      access-package: $PACKAGE
${GW_EXTRA_YAML:-}
EOF
start_gateway "$GW_CONFIG" "$GW_MGMT"

# --- Tokens: bench meets everything; each other user lacks one Graph fact ---------------------
token_for() { # upn
  mint_token '{"user":"'"$1"'","client":"'"$BENCH_CLIENT"'","audience":"api://sallyport","lifetime-seconds":7200,
    "claims":{"scp":"'"$SCOPE"'","roles":["'"$BENCH_ROLE"'"],"groups":["'"$BENCH_GROUP"'"],
              "amr":["pwd","mfa"],"acrs":["'"$BENCH_ACR"'"]}}'
}
TOKEN="$(token_for bench)" || die "could not mint a token for bench"
NOPIM_TOKEN="$(token_for bench-nopim)" || die "could not mint a token for bench-nopim"
NOTERMS_TOKEN="$(token_for bench-noterms)" || die "could not mint a token for bench-noterms"
NOPKG_TOKEN="$(token_for bench-nopkg)" || die "could not mint a token for bench-nopkg"
log "minted tokens for bench and three users each lacking one fact (${#TOKEN} characters each)"

# --- Pre-check: statuses, body sizes, and the reason of each refusal ------------------------
declare -A URL=([identity]="http://127.0.0.1:$GW_PORT/id/100b" [governed]="http://127.0.0.1:$GW_PORT/gov/100b")
declare -A PRECHECK=()
check() { # name expected-status-and-size expected-body-substring curl-args...
  local name="$1" want="$2" body_want="$3"
  shift 3
  local got body
  got="$(curl -s -o "$WORK_TMP/precheck-body" -m 10 -w '%{http_code} %{size_download}' "$@" || echo "000 0")"
  body="$(head -c 2000 "$WORK_TMP/precheck-body" 2>/dev/null || true)"
  if [[ "$got" != "$want"* ]] || [[ -n "$body_want" && "$body" != *"$body_want"* ]]; then
    PRECHECK[$name]="expected '$want'${body_want:+ with '$body_want' in the body}, got '$got': ${body:0:300}"
    log "PRE-CHECK FAILED: $name: ${PRECHECK[$name]}"
  else
    log "pre-check $name: $got${body_want:+ ($body_want)}"
  fi
}
check identity "200 100" "" -H "Authorization: Bearer $TOKEN" "${URL[identity]}"
check governed-cold "200 100" "" -H "Authorization: Bearer $TOKEN" "${URL[governed]}"
check governed "200 100" "" -H "Authorization: Bearer $TOKEN" "${URL[governed]}"
check governed-no-token "401 " "" "${URL[governed]}"
# each refusal names the Graph fact that is missing: the three checks are live, not configured away
check governed-pim-eligible-only "403 " "pim.not_active:$PIM_ROLE" -H "Authorization: Bearer $NOPIM_TOKEN" "${URL[governed]}"
check governed-terms-not-accepted "403 " "tou.not_accepted:$AGREEMENT" -H "Authorization: Bearer $NOTERMS_TOKEN" "${URL[governed]}"
check governed-no-access-package "403 " "access_package.not_assigned:$PACKAGE" -H "Authorization: Bearer $NOPKG_TOKEN" "${URL[governed]}"
# ...and the same users pass the identity route: only the Graph-backed checks refuse them
check identity-pim-eligible-only "200 100" "" -H "Authorization: Bearer $NOPIM_TOKEN" "${URL[identity]}"
if ((${#PRECHECK[@]} > 0)); then
  tail -n 20 "$GW_LOG" | sed 's/^/    | /' >&2 || true
  die "pre-check failed; not measuring"
fi

# --- Load -----------------------------------------------------------------------------------
MAX_CONNS="$(tr ' ' '\n' <<<"$CONNS" | sort -n | tail -1)"
gw_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$GW_PID/stat" 2>/dev/null || echo 0; }
metrics_to() { curl -s -m 5 "http://127.0.0.1:$GW_MGMT/metrics" >"$1" || : >"$1"; }

# run_wrk SECONDS CONNS ROUTE OUTFILE -- bounded by wrk -d and by timeout(1); always bench's token.
run_wrk() {
  local secs="$1" conns="$2" route="$3" out="$4"
  local url="${URL[$route]}"
  [[ "$url" == http://127.0.0.1:* ]] || die "refusing to load a non-loopback URL: $url"
  local rc=0
  # wrk leaves a request slower than --timeout (default 2 s) out of every latency figure and counts
  # it only as a socket timeout: well above LATENCY_MS, so one that waited on Graph shows in max/p99
  timeout -k 5 $((secs + 30 + WRK_TIMEOUT_S)) "${PIN_WRK[@]}" wrk -t"$THREADS" -c"$conns" -d"${secs}s" \
    --timeout "${WRK_TIMEOUT_S}s" --latency -H "Authorization: Bearer $TOKEN" "$url" >"$out" 2>&1 || rc=$?
  if ((rc != 0)); then
    log "wrk exited with status $rc for $route"
    echo "wrk exit status $rc" >>"$out"
  fi
}

# parse_row OUTFILE ROUTE CONNS PHASE REP [extra JSON] -> one JSON line on stdout
parse_row() {
  local extra="${6:-}"
  [[ -n "$extra" ]] || extra='{}'
  python3 "$BENCH_DIR/graph_report.py" parse "$1" "$2" "$3" "${URL[$2]}" "$4" "$5" "$extra"
}

# One governed request before each measured governed run. The runs are interleaved, so the
# governed route idles while the identity route is measured (DURATION + 1 s): longer than what is
# left of groups-ttl after the last refresh, so without it a run could start on expired facts and
# its first requests wait for Graph. An active user keeps their facts warm the same way.
warm_governed() {
  local got
  got="$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${URL[governed]}" ||
    echo 000)"
  [[ "$got" == 200 ]] || log "WARNING: the governed route answered $got to the warming request"
}

ROWS="$WORK_TMP/rows.jsonl"
: >"$ROWS"

# Warm-up: both routes, in two halves interleaved, so the JIT has compiled both paths and the
# governed route's caches (PIM standing, acceptances, agreement, package assignments) are filled.
if ((WARMUP > 0)); then
  half=$(((WARMUP + 1) / 2))
  log "warm-up: ${half}s x 2 per route at $MAX_CONNS connections"
  for pass in 1 2; do
    for r in identity governed; do run_wrk "$half" "$MAX_CONNS" "$r" "$RAW_DIR/warmup-$r-$pass.txt"; done
  done
fi

for ((rep = 1; rep <= REPEAT; rep++)); do
  if [[ " $PHASES " == *" 1 "* ]]; then
    for c in $CONNS; do
      for r in identity governed; do   # interleaved: drift in machine load hits both routes alike
        out="$RAW_DIR/wrk-graph-p1-$r-c$c-r$rep.txt"
        log "phase 1: $r c=$c ${DURATION}s (run $rep/$REPEAT)"
        [[ "$r" == governed ]] && warm_governed
        metrics_to "$WORK_TMP/m0"
        t0="$(gw_cpu_ticks)"
        run_wrk "$DURATION" "$c" "$r" "$out"
        t1="$(gw_cpu_ticks)"
        metrics_to "$WORK_TMP/m1"
        # the run's Graph activity (cache hits show that every governed request ran the three checks)
        w="$(python3 "$BENCH_DIR/graph_report.py" window "phase1" "$WORK_TMP/m0" "$WORK_TMP/m1" '')"
        parse_row "$out" "$r" "$c" 1 "$rep" \
          "${w%\}}, \"gw_cpu_ticks\": $((t1 - t0)), \"clk_tck\": $(getconf CLK_TCK)}" >>"$ROWS"
        sleep 1
      done
    done
  fi
  if [[ " $PHASES " == *" 2 "* ]]; then
    # baseline: Graph at full speed, the same window length, so as many refreshes happen in it
    out="$RAW_DIR/wrk-graph-p2-baseline-c$P2_CONNS-r$rep.txt"
    log "phase 2: governed baseline c=$P2_CONNS ${P2_DURATION}s (run $rep/$REPEAT)"
    warm_governed
    metrics_to "$WORK_TMP/m0"
    run_wrk "$P2_DURATION" "$P2_CONNS" governed "$out"
    metrics_to "$WORK_TMP/m1"
    parse_row "$out" governed "$P2_CONNS" 2 "$rep" "$(python3 "$BENCH_DIR/graph_report.py" window \
      baseline "$WORK_TMP/m0" "$WORK_TMP/m1" '')" >>"$ROWS"
    sleep 1
    warm_governed
    # the same with LATENCY_MS on every Graph path at devtenant (token endpoints untouched)
    fault="$(devtenant_api POST /_devtenant/faults '{"path":"/v1.0/**","latency-ms":'"$LATENCY_MS"'}')" ||
      die "could not add the latency fault at devtenant"
    fault_id="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$fault")"
    out="$RAW_DIR/wrk-graph-p2-latency-c$P2_CONNS-r$rep.txt"
    log "phase 2: governed with ${LATENCY_MS} ms Graph latency c=$P2_CONNS ${P2_DURATION}s (fault $fault_id)"
    metrics_to "$WORK_TMP/m2"
    run_wrk "$P2_DURATION" "$P2_CONNS" governed "$out"
    metrics_to "$WORK_TMP/m3"
    removed="$(devtenant_api DELETE "/_devtenant/faults/$fault_id")" || die "could not remove fault $fault_id"
    parse_row "$out" governed "$P2_CONNS" 2 "$rep" "$(python3 "$BENCH_DIR/graph_report.py" window \
      latency "$WORK_TMP/m2" "$WORK_TMP/m3" "$removed")" >>"$ROWS"
    # Graph calls already delayed finish within LATENCY_MS; then the caches are as before
    sleep $(((LATENCY_MS + 999) / 1000 + 1))
  fi
done
if ! kill -0 "$GW_PID" 2>/dev/null; then
  log "GATEWAY DIED DURING THE BENCHMARK"
  tail -n 40 "$GW_LOG" | sed 's/^/    | /' >&2 || true
fi
cp "$GW_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
cp "$DT_DIR/devtenant.log" "$RAW_DIR/devtenant.log" 2>/dev/null || true
sed "s/^  client-secret: .*/  client-secret: (devtenant's, see bench\/graph-scenario.yaml)/" "$GW_CONFIG" \
  >"$RAW_DIR/gateway.yaml" 2>/dev/null || true

# --- Report -----------------------------------------------------------------------------------
export TS DURATION THREADS WARMUP REPEAT CONNS RATIO_TARGET LATENCY_MS P2_DURATION P2_CONNS P99_FACTOR \
  P99_SLACK_MS PHASES GRAPH_YAML LOADAVG_START JAR_SHA256 SALLYPORT_JAR WRK_CPU SERVER_CPU BENCH_DIR
OUT_TXT="$OUT_DIR/graph-$TS.txt"
OUT_JSON="$OUT_DIR/graph-$TS.json"
echo
rc=0
python3 "$BENCH_DIR/graph_report.py" report "$ROWS" "$OUT_TXT" "$OUT_JSON" || rc=$?
echo
log "wrote bench/out/graph-$TS.txt and .json (raw wrk output, gateway and devtenant logs: bench/out/$TS/)"
exit "$rc"
