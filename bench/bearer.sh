#!/usr/bin/env bash
# Bearer-route benchmark (issue 4): a public route vs a bearer-protected route of the same gateway,
# and Apache httpd + mod_auth_openidc validating the same token, all in front of the same upstream
# nginx serving a fixed 100-byte body, measured in the same run.
#
#   bench/bearer.sh
#
# Targets, at every connection count: the bearer route keeps >= 0.85 x the plain route's req/s
# (RATIO_TARGET) and reaches >= 4 x Apache's (APACHE_RATIO_TARGET). Exit 0 all PASS, 1 any FAIL
# (or errors / failed pre-check).
#
# Environment (defaults): DURATION=10 (s per run)  CONNS="50 200"  THREADS=1  WARMUP=20 (s per route)
#   REPEAT=1 (repetitions of the grid; medians reported)  RATIO_TARGET=0.85  APACHE_RATIO_TARGET=4
#   APACHE_THREADS=256 (mpm_event threads)  WRK_CPU=0  SERVER_CPU=1  READY_TIMEOUT=60
#   SALLYPORT_JAR=<repo>/gateway/target/sallyport.jar  SALLYPORT_JAVA_OPTS=""  SALLYPORT_BUILD=1  KEEP_TMP=0
# See bench/README.md, "Bearer routes".
set -euo pipefail
case "${1:-}" in
  -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
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
APACHE_RATIO_TARGET="${APACHE_RATIO_TARGET:-4}"
APACHE_THREADS="${APACHE_THREADS:-256}"
for v in DURATION THREADS WARMUP REPEAT APACHE_THREADS; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
((DURATION > 0 && THREADS > 0 && REPEAT > 0)) || die "DURATION, THREADS and REPEAT must be > 0"
for c in $CONNS; do
  if ! [[ "$c" =~ ^[0-9]+$ ]] || ((c < THREADS)); then die "bad connection count '$c' (must be >= THREADS)"; fi
done

TENANT_ID=7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11   # the bundled demo scenario's tenant
CLIENT_ID=5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60   # its "Sallyport" app registration
SCOPE=access_as_user
# "Every identity check on": the bearer route requires all of these, and the token carries them
BENCH_GROUP=0b5e6f2a-4c3d-4e1f-8a9b-7c6d5e4f3a21
BENCH_ROLE=Bench.Reader
BENCH_ACR=c1

ensure_tools
ensure_apache
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

read -r UP_PORT DT_PORT GW_PORT GW_MGMT AP_PORT <<<"$(free_ports 5)"

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
    require:
      scopes: [$SCOPE]
      app-roles: [$BENCH_ROLE]
      groups: [$BENCH_GROUP]
      mfa: true
      auth-context: $BENCH_ACR
      max-auth-age: 12h
${GW_EXTRA_YAML:-}
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
  -d '{"user":"alice","client":"Demo CLI","audience":"api://sallyport","lifetime-seconds":7200,
       "claims":{"scp":"'"$SCOPE"'","roles":["'"$BENCH_ROLE"'"],"groups":["'"$BENCH_GROUP"'"],
                 "amr":["pwd","mfa"],"acrs":["'"$BENCH_ACR"'"]}}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" ||
  die "could not mint a token from devtenant"
[[ -n "$TOKEN" ]] || die "devtenant returned an empty access_token"
log "minted a token for alice (${#TOKEN} characters)"
# the same token without mfa in amr: both must refuse it (proves the requirements are checked)
NO_MFA_TOKEN="$(curl -s -m 10 --cacert "$DT_CERT" -X POST "https://localhost:$DT_PORT/_devtenant/tokens" \
  -H 'Content-Type: application/json' \
  -d '{"user":"alice","client":"Demo CLI","audience":"api://sallyport","lifetime-seconds":7200,
       "claims":{"scp":"'"$SCOPE"'","roles":["'"$BENCH_ROLE"'"],"groups":["'"$BENCH_GROUP"'"],
                 "amr":["pwd"],"acrs":["'"$BENCH_ACR"'"]}}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" ||
  die "could not mint the second token from devtenant"

# --- Apache httpd + mod_auth_openidc: the same token, validated on every request ---------------
# A private instance: own ServerRoot and config in the temp dir, 127.0.0.1 only, started in the
# foreground (-DFOREGROUND, so $! is the parent) and stopped by PID like everything else.
#
# MPM: mpm_event, ONE process (ServerLimit 1) with APACHE_THREADS (256) worker threads, spares
# pinned so no process or thread is started or reaped mid-run. Why one process: it shares one core
# with nginx, the gateway and devtenant, so more processes add no parallelism, only per-process
# JWKS/proxy state. Why 256 threads: the JWT check is CPU-bound and mod_proxy_http waits on the
# upstream synchronously, so a request holds its worker throughout; with 64 workers (and
# AsyncRequestWorkerFactor 4) Apache dropped connections at 200 (thousands of wrk read errors),
# with a worker for every connection it serves all 200 without errors. Idle threads cost memory,
# not CPU. Keep-alive unlimited, as for nginx and the gateway.
AP_DIR="$WORK_TMP/apache"
mkdir -p "$AP_DIR/run" "$AP_DIR/cache"
chmod 755 "$AP_DIR" "$AP_DIR/run"
# the JWKS is fetched by a worker (user nobody when started as root): it must read the CA file
install -m 644 "$DT_CERT" "$AP_DIR/devtenant-ca.pem"
ISSUER="https://localhost:$DT_PORT/$TENANT_ID/v2.0"
JWKS_URI="https://localhost:$DT_PORT/$TENANT_ID/discovery/v2.0/keys"
APACHE_BIN="$(command -v apache2 || echo /usr/sbin/apache2)"
MODS=/usr/lib/apache2/modules
AP_USER=""
if ((EUID == 0)); then AP_USER="User nobody
Group nogroup"; fi
cat >"$AP_DIR/httpd.conf" <<EOF
ServerRoot $AP_DIR
ServerName 127.0.0.1
PidFile $AP_DIR/run/httpd.pid
DefaultRuntimeDir $AP_DIR/run
Mutex file:$AP_DIR/run default
ErrorLog $AP_DIR/error.log
LogLevel warn
$AP_USER
Listen 127.0.0.1:$AP_PORT
LoadModule mpm_event_module $MODS/mod_mpm_event.so
LoadModule authn_core_module $MODS/mod_authn_core.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule authz_user_module $MODS/mod_authz_user.so
LoadModule proxy_module $MODS/mod_proxy.so
LoadModule proxy_http_module $MODS/mod_proxy_http.so
LoadModule auth_openidc_module $MODS/mod_auth_openidc.so

StartServers 1
ServerLimit 1
ThreadLimit $APACHE_THREADS
ThreadsPerChild $APACHE_THREADS
MaxRequestWorkers $APACHE_THREADS
MinSpareThreads 1
MaxSpareThreads $APACHE_THREADS
MaxConnectionsPerChild 0
AsyncRequestWorkerFactor 4
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 65
# no access log: the gateway runs with access-log: off too

# Resource-server mode: local JWT validation, keys from devtenant's JWKS URL, fetched over TLS
# trusting devtenant's certificate through a CA bundle (server validation stays On).
OIDCCABundlePath $AP_DIR/devtenant-ca.pem
OIDCOAuthSSLValidateServer On
OIDCOAuthVerifyJwksUri $JWKS_URI
OIDCOAuthAcceptTokenAs header
OIDCOAuthRemoteUserClaim oid
OIDCPassClaimsAs none
OIDCCryptoPassphrase $(head -c 24 /dev/urandom | base64 | tr -d '/+=')

<Location "/api/">
  AuthType oauth20
  # every check the gateway's bearer route makes: signature (JWKS), exp (the module), then issuer,
  # audience (client id or identifier URI), tenant, and the route's requirements
  <RequireAll>
    Require valid-user
    Require claim iss:$ISSUER
    <RequireAny>
      Require claim aud:$CLIENT_ID
      Require claim aud:api://sallyport
    </RequireAny>
    Require claim tid:$TENANT_ID
    Require claim scp~(^|[[:space:]])$SCOPE([[:space:]]|\$)
    Require claim roles:$BENCH_ROLE
    Require claim groups:$BENCH_GROUP
    Require claim amr:mfa
    Require claim acrs:$BENCH_ACR
  </RequireAll>
</Location>
# mod_proxy_http reuses its pooled connections to the upstream (keep-alive) by default
ProxyPass "/api/" "http://127.0.0.1:$UP_PORT/"
EOF
"$APACHE_BIN" -t -d "$AP_DIR" -f "$AP_DIR/httpd.conf" >"$AP_DIR/configtest.log" 2>&1 ||
  { cat "$AP_DIR/configtest.log" >&2; die "apache2 -t rejected $AP_DIR/httpd.conf"; }
log "starting apache2 (mpm_event, 1 process x $APACHE_THREADS threads) on 127.0.0.1:$AP_PORT"
"${PIN_SRV[@]}" "$APACHE_BIN" -d "$AP_DIR" -f "$AP_DIR/httpd.conf" -DFOREGROUND >"$AP_DIR/stdout.log" 2>&1 &
AP_PID=$!
STARTED_PIDS+=("$AP_PID")
# any answer (401 without a token) means it listens
deadline=$((SECONDS + 15))
until [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$AP_PORT/api/100b" || true)" == 401 ]]; do
  if ! kill -0 "$AP_PID" 2>/dev/null || ((SECONDS >= deadline)); then
    cat "$AP_DIR/error.log" "$AP_DIR/stdout.log" 2>/dev/null | tail -n 30 | sed 's/^/    | /' >&2 || true
    die "apache2 did not come up on 127.0.0.1:$AP_PORT"
  fi
  sleep 0.1
done
log "apache2 pid $AP_PID ready (CPU $SERVER_CPU)"

# --- Pre-check: statuses and body sizes (wrk only counts statuses >= 400) ---------------------
declare -A URL=([plain]="http://127.0.0.1:$GW_PORT/plain/100b" [bearer]="http://127.0.0.1:$GW_PORT/api/100b"
  [apache]="http://127.0.0.1:$AP_PORT/api/100b")
ROUTES="${ROUTES:-plain bearer apache}"   # a subset, e.g. ROUTES=bearer for profiling
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
check bearer-no-mfa "403 " -H "Authorization: Bearer $NO_MFA_TOKEN" "${URL[bearer]}"
check apache-no-mfa "40" -H "Authorization: Bearer $NO_MFA_TOKEN" "${URL[apache]}"
check apache "200 100" -H "Authorization: Bearer $TOKEN" "${URL[apache]}"
check apache-no-token "401 " "${URL[apache]}"
# a token that is well formed but whose signature does not verify: proves Apache checks it
check apache-bad-signature "401 " -H "Authorization: Bearer ${TOKEN%.*}.$(printf 'x%.0s' {1..342})" "${URL[apache]}"
check apache-garbage "401 " -H "Authorization: Bearer garbage.garbage.garbage" "${URL[apache]}"
if ((${#PRECHECK[@]} > 0)); then
  tail -n 20 "$GW_LOG" | sed 's/^/    | /' >&2 || true
  die "pre-check failed; not measuring"
fi

# --- Load -----------------------------------------------------------------------------------
MAX_CONNS="$(tr ' ' '\n' <<<"$CONNS" | sort -n | tail -1)"

# The gateway JVM's CPU ticks so far (utime + stime, fields 14 and 15 of /proc/PID/stat).
gw_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$GW_PID/stat" 2>/dev/null || echo 0; }

# run_wrk SECONDS CONNS ROUTE OUTFILE -- bounded by wrk -d and by timeout(1).
run_wrk() {
  local secs="$1" conns="$2" route="$3" out="$4"
  local url="${URL[$route]}"
  [[ "$url" == http://127.0.0.1:* ]] || die "refusing to load a non-loopback URL: $url"
  local -a hdr=()
  [[ "$route" == bearer || "$route" == apache ]] && hdr=(-H "Authorization: Bearer $TOKEN")
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
    for r in $ROUTES; do run_wrk "$half" "$MAX_CONNS" "$r" "$RAW_DIR/warmup-$r-$pass.txt"; done
  done
fi

ROWS="$WORK_TMP/rows.jsonl"
: >"$ROWS"
for ((rep = 1; rep <= REPEAT; rep++)); do
  for c in $CONNS; do
    for r in $ROUTES; do   # interleaved: drift in machine load hits both routes alike
      out="$RAW_DIR/wrk-bearer-bench-$r-c$c-r$rep.txt"
      log "measure $r c=$c ${DURATION}s (run $rep/$REPEAT)"
      t0="$(gw_cpu_ticks)"
      run_wrk "$DURATION" "$c" "$r" "$out"
      t1="$(gw_cpu_ticks)"
      row="$(python3 "$BENCH_DIR/report.py" parse "$out" "$r" 100b "$c" "${URL[$r]}")"
      # the gateway's own CPU time per request (utime + stime over the run): far less sensitive to
      # what else the machine does than req/s; the apache row's is the idle gateway's, left out
      python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["rep"]=int(sys.argv[2]); ticks=int(sys.argv[3]); hz=int(sys.argv[4]); n=(r.get("rps") or 0)*float(sys.argv[5]); r["gw_cpu_us_per_req"]=None if sys.argv[6]=="apache" or n<=0 else round(ticks*1e6/hz/n,2); print(json.dumps(r))' \
        "$row" "$rep" "$((t1 - t0))" "$(getconf CLK_TCK)" "$DURATION" "$r" >>"$ROWS"
      sleep 1
    done
  done
done
if ! kill -0 "$GW_PID" 2>/dev/null; then
  log "GATEWAY DIED DURING THE BENCHMARK"
  tail -n 40 "$GW_LOG" | sed 's/^/    | /' >&2 || true
fi
cp "$GW_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
cp "$AP_DIR/error.log" "$RAW_DIR/apache-error.log" 2>/dev/null || true
cp "$AP_DIR/httpd.conf" "$RAW_DIR/apache-httpd.conf" 2>/dev/null && sed -i 's/^OIDCCryptoPassphrase .*/OIDCCryptoPassphrase (random)/' "$RAW_DIR/apache-httpd.conf" || true

# --- Report (report.py's wrk parser and REPEAT medians) -------------------------------------
export TS DURATION THREADS WARMUP REPEAT CONNS RATIO_TARGET APACHE_RATIO_TARGET APACHE_THREADS LOADAVG_START \
  JAR_SHA256 SALLYPORT_JAR WRK_CPU SERVER_CPU BENCH_DIR
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
# the two targets: (numerator, denominator, minimum ratio)
targets = [("bearer", "plain", float(e["RATIO_TARGET"])), ("bearer", "apache", float(e["APACHE_RATIO_TARGET"]))]
conns = [int(c) for c in e["CONNS"].split()]
lines = [
    f"Sallyport bearer-route benchmark {e['TS']}  ({os.cpu_count()} CPUs; wrk on CPU {e['WRK_CPU']}, "
    f"nginx + gateway + devtenant + apache2 on CPU {e['SERVER_CPU']})",
    f"wrk -t{e['THREADS']} -d{e['DURATION']}s, REPEAT={e['REPEAT']} (medians), warm-up {e['WARMUP']}s per target; "
    f"GET 100-byte body; apache2 mpm_event 1 x {e['APACHE_THREADS']} threads; load average at start "
    f"{e['LOADAVG_START']}, at end {' '.join(open('/proc/loadavg').read().split()[:3])}",
    f"jar {e['SALLYPORT_JAR']} sha256 {e['JAR_SHA256'][:12]}",
    "",
    f"{'target':<7} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}  errors",
]
result = {"targets": [{"ratio": f"{a}/{b}", "min": t} for a, b, t in targets], "rows": [], "verdicts": []}
for c in conns:
    for name in ("plain", "bearer", "apache"):
        r = agg.get((name, c))
        if r is None:
            continue
        lines.append(f"{name:<7} {c:>5} {report.fmt(r.get('rps'), '10,.0f')} {report.fmt(r.get('p50_ms'), '8.2f')} "
                     f"{report.fmt(r.get('p99_ms'), '8.2f')}  {report.error_text(r)}")
        result["rows"].append({k: v for k, v in r.items() if k != "runs"} | {"route": name})
lines.append("")
verdicts = []
for c in conns:
    for num, den, t in targets:
        a, b = agg.get((num, c)), agg.get((den, c))
        ratio = a["rps"] / b["rps"] if a and b and a.get("rps") is not None and b.get("rps") else None
        p99r = a["p99_ms"] / b["p99_ms"] if a and b and a.get("p99_ms") is not None and b.get("p99_ms") else None
        ok = ratio is not None and ratio >= t and not report.error_text(a) and not report.error_text(b)
        per_run = []
        for rep in sorted({x["rep"] for x in runs}):
            ra = next((x for x in runs if x["target"] == num and x["conns"] == c and x["rep"] == rep), None)
            rb = next((x for x in runs if x["target"] == den and x["conns"] == c and x["rep"] == rep), None)
            if ra and rb and rb.get("rps") and ra.get("rps") is not None:
                per_run.append(round(ra["rps"] / rb["rps"], 3))
        v = "PASS" if ok else "FAIL"
        verdicts.append(v)
        rt = "-" if ratio is None else f"{ratio:.3f}"
        pt = "-" if p99r is None else f"{p99r:.2f}"
        lines.append(f"{v}  {num}/{den} req/s at {c} connections = {rt} (target >= {t:g}); p99 ratio {pt}; "
                     f"per run: {', '.join(map(str, per_run)) or '-'}")
        result["verdicts"].append({"conns": c, "ratio_name": f"{num}/{den}", "target": t, "verdict": v,
                                   "ratio": ratio, "p99_ratio": p99r, "per_run": per_run})
overall = "PASS" if verdicts and all(v == "PASS" for v in verdicts) and len(verdicts) == 2 * len(conns) else "FAIL"
for c in conns:
    cpu = {}
    for name in ("plain", "bearer"):
        vals = sorted(x["gw_cpu_us_per_req"] for x in runs if x["target"] == name and x["conns"] == c
                      and x.get("gw_cpu_us_per_req") is not None)
        cpu[name] = vals[len(vals) // 2] if vals else None
    if cpu["plain"] and cpu["bearer"]:
        lines.append(f"info  gateway CPU per request at {c} connections: plain {cpu['plain']:.1f} us, bearer "
                     f"{cpu['bearer']:.1f} us (x{cpu['bearer'] / cpu['plain']:.2f}; medians)")
        result.setdefault("gw_cpu_us_per_req", []).append({"conns": c} | cpu)
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
