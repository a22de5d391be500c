# shellcheck disable=SC2034  # variables set here are read by the scripts that source this file
# shellcheck shell=bash
# Shared helpers for bench/run.sh and bench/idle-connections.sh. Sourced, not executed.
#
# Everything started here is recorded by PID in STARTED_PIDS and stopped by PID in cleanup();
# nothing is ever killed by name. Every address is 127.0.0.1.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT_DIR="$BENCH_DIR/out"
TS="$(date +%Y%m%d-%H%M%S)"
RAW_DIR="$OUT_DIR/$TS"   # raw wrk output and the gateway's log of this run

# CPU placement: load generator on one core, every server on the other.
WRK_CPU="${WRK_CPU:-0}"
SERVER_CPU="${SERVER_CPU:-1}"
READY_TIMEOUT="${READY_TIMEOUT:-60}"          # seconds to wait for /readyz before giving up
SALLYPORT_JAR="${SALLYPORT_JAR:-$REPO_ROOT/gateway/target/sallyport.jar}"
SALLYPORT_JAVA_OPTS="${SALLYPORT_JAVA_OPTS:-}"

STARTED_PIDS=()
WORK_TMP=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Setup / teardown

init_workdir() {
  WORK_TMP="$(mktemp -d /tmp/sallyport-bench.XXXXXX)"
  # nginx workers run as "nobody" when the master is root: they must be able to read the docroot.
  chmod 755 "$WORK_TMP"
  mkdir -p "$OUT_DIR" "$RAW_DIR"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

cleanup() {
  local rc=$?
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  # Give everything up to 10 s to exit (nginx masters stop their workers on TERM), then KILL.
  local deadline=$((SECONDS + 10))
  for pid in "${STARTED_PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid did not stop on TERM; sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$WORK_TMP" && -d "$WORK_TMP" && "${KEEP_TMP:-0}" != 1 ]]; then
    rm -rf "$WORK_TMP"
  elif [[ -n "$WORK_TMP" ]]; then
    log "kept temp dir $WORK_TMP"
  fi
  exit "$rc"
}

ensure_tools() {
  local need=()
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v taskset >/dev/null 2>&1 || need+=(util-linux)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  if ((${#need[@]} > 0)); then
    log "installing missing Debian packages: ${need[*]}"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${need[*]} yourself"
    local pkgs=()
    local p
    for p in "${need[@]}"; do
      if [[ "$p" == nginx ]]; then
        # nginx-light is enough (static files + proxy); fall back to nginx if it is not offered.
        if apt-cache show nginx-light >/dev/null 2>&1; then pkgs+=(nginx-light); else pkgs+=(nginx); fi
      else
        pkgs+=("$p")
      fi
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}" >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}" >/dev/null; } ||
      die "could not install ${pkgs[*]}"
  fi
  PATH="$PATH:/usr/sbin"
  NGINX_BIN="$(command -v nginx)"
}

# Apache httpd with mod_auth_openidc (bench/bearer.sh's third target), installed if missing.
ensure_apache() {
  local need=()
  [[ -x /usr/sbin/apache2 ]] || command -v apache2 >/dev/null 2>&1 || need+=(apache2)
  [[ -f /usr/lib/apache2/modules/mod_auth_openidc.so ]] || need+=(libapache2-mod-auth-openidc)
  ((${#need[@]} == 0)) && return 0
  log "installing missing Debian packages: ${need[*]}"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${need[*]} yourself"
  # the package's own apache2 service must not start: this benchmark runs a private instance
  local policy=/usr/sbin/policy-rc.d created=0
  if [[ ! -e "$policy" ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created=1; fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; } ||
    rc=$?
  ((created)) && rm -f "$policy"
  ((rc == 0)) || die "could not install ${need[*]}"
}

# Pinning needs the CPUs to exist; on a 1-CPU box run unpinned and say so.
setup_pinning() {
  local ncpu
  ncpu="$(nproc)"
  if ((WRK_CPU >= ncpu || SERVER_CPU >= ncpu)); then
    log "WARNING: only $ncpu CPU(s); cannot pin wrk to CPU $WRK_CPU and servers to CPU $SERVER_CPU. Running UNPINNED."
    PIN_WRK=()
    PIN_SRV=()
  else
    PIN_WRK=(taskset -c "$WRK_CPU")
    PIN_SRV=(taskset -c "$SERVER_CPU")
  fi
}

# Prints N distinct free TCP ports on 127.0.0.1 (held open together so they differ).
free_ports() {
  python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_http URL TIMEOUT_S PID -> 0 when URL answers 200; 1 on timeout; 2 if PID died.
wait_http() {
  local url="$1" timeout="$2" pid="${3:-}"
  local deadline=$(($(now_ms) + timeout * 1000))
  while (($(now_ms) < deadline)); do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 2; fi
    if [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" 2>/dev/null || true)" == 200 ]]; then
      return 0
    fi
    sleep 0.05
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# Upstream nginx: static 100-byte and 65,536-byte files, keep-alive on.

nginx_common_http() {
  local d="$1"
  cat <<EOF
  access_log off;
  default_type application/octet-stream;
  sendfile on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  # nginx 1.22 closes a client keep-alive connection after 1000 requests by default; that would
  # add reconnects to every run. Raised so that all targets are measured on persistent connections.
  keepalive_requests 1000000;
  client_body_temp_path $d/client_body;
  proxy_temp_path $d/proxy_temp;
  fastcgi_temp_path $d/fastcgi_temp;
  uwsgi_temp_path $d/uwsgi_temp;
  scgi_temp_path $d/scgi_temp;
EOF
}

start_upstream() {
  local port="$1"
  local d="$WORK_TMP/upstream"
  mkdir -p "$d/www"
  chmod 755 "$d" "$d/www"
  head -c 100 /dev/zero | tr '\0' 'a' >"$d/www/100b"
  head -c 65536 /dev/zero | tr '\0' 'b' >"$d/www/64k"
  chmod 644 "$d/www/100b" "$d/www/64k"
  cat >"$d/nginx.conf" <<EOF
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 8192; }
http {
$(nginx_common_http "$d")
  server {
    listen 127.0.0.1:$port reuseport backlog=4096;
    root $d/www;
    location / { try_files \$uri =404; }
  }
}
EOF
  "${PIN_SRV[@]}" "$NGINX_BIN" -e "$d/error.log" -p "$d" -c "$d/nginx.conf" -g 'daemon off;' \
    >"$d/stdout.log" 2>&1 &
  UPSTREAM_PID=$!
  STARTED_PIDS+=("$UPSTREAM_PID")
  wait_http "http://127.0.0.1:$port/100b" 10 "$UPSTREAM_PID" ||
    { cat "$d/error.log" "$d/stdout.log" >&2 || true; die "upstream nginx did not start on 127.0.0.1:$port"; }
  log "upstream nginx pid $UPSTREAM_PID on 127.0.0.1:$port (CPU ${SERVER_CPU})"
}

start_proxy_nginx() {
  local port="$1" upstream_port="$2"
  local d="$WORK_TMP/proxy"
  mkdir -p "$d"
  cat >"$d/nginx.conf" <<EOF
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 8192; }
http {
$(nginx_common_http "$d")
  upstream bench_upstream {
    server 127.0.0.1:$upstream_port;
    keepalive 128;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$port reuseport backlog=4096;
    location / {
      proxy_pass http://bench_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # proxy_buffering left at its default (on).
    }
  }
}
EOF
  "${PIN_SRV[@]}" "$NGINX_BIN" -e "$d/error.log" -p "$d" -c "$d/nginx.conf" -g 'daemon off;' \
    >"$d/stdout.log" 2>&1 &
  PROXY_PID=$!
  STARTED_PIDS+=("$PROXY_PID")
  wait_http "http://127.0.0.1:$port/100b" 10 "$PROXY_PID" ||
    { cat "$d/error.log" "$d/stdout.log" >&2 || true; die "proxy nginx did not start on 127.0.0.1:$port"; }
  log "proxy nginx pid $PROXY_PID on 127.0.0.1:$port (CPU ${SERVER_CPU})"
}

# ---------------------------------------------------------------------------------------------
# Sallyport

# Makes sure the jar exists, building it only if it is missing and the caller allows it.
# Sets SALLYPORT_AVAILABLE=1/0 and SALLYPORT_SKIP_REASON.
resolve_sallyport_jar() {
  SALLYPORT_AVAILABLE=0
  SALLYPORT_SKIP_REASON=""
  if [[ -f "$SALLYPORT_JAR" ]]; then
    SALLYPORT_AVAILABLE=1
    return
  fi
  if [[ "${SALLYPORT_BUILD:-1}" == 1 ]] && command -v mvn >/dev/null 2>&1 && [[ -f "$REPO_ROOT/pom.xml" ]] &&
    [[ "$SALLYPORT_JAR" == "$REPO_ROOT/gateway/target/sallyport.jar" ]]; then
    log "$SALLYPORT_JAR is missing: building it (mvn -B -q -DskipTests package in $REPO_ROOT)"
    if (cd "$REPO_ROOT" && mvn -B -q -DskipTests package) >"$WORK_TMP/mvn.log" 2>&1 && [[ -f "$SALLYPORT_JAR" ]]; then
      SALLYPORT_AVAILABLE=1
      return
    fi
    tail -n 30 "$WORK_TMP/mvn.log" >&2 || true
    SALLYPORT_SKIP_REASON="build failed (mvn -B -q -DskipTests package); see output above"
  else
    SALLYPORT_SKIP_REASON="$SALLYPORT_JAR does not exist (set SALLYPORT_JAR, or build with mvn -B -DskipTests package)"
  fi
}

# Writes the YAML and starts the gateway pinned to SERVER_CPU.
# Sets SALLYPORT_PID, SALLYPORT_READY_MS, SALLYPORT_LOG; returns nonzero if it never got ready.
start_sallyport() {
  local port="$1" mgmt="$2" upstream_port="$3"
  local d="$WORK_TMP/sallyport"
  mkdir -p "$d/data"
  SALLYPORT_CONFIG="$d/sallyport.yaml"
  SALLYPORT_LOG="$d/sallyport.log"
  cat >"$SALLYPORT_CONFIG" <<EOF
listeners:
  public: { host: 127.0.0.1, port: $port }
  management: { host: 127.0.0.1, port: $mgmt }
access-log: off
store: { kind: h2, path: $d/data }
routes:
  - name: bench
    match: { path-prefix: / }
    upstream: http://127.0.0.1:$upstream_port
    public: true
EOF
  local -a java_cmd=(java -Xms256m -Xmx256m -XX:+UseParallelGC -XX:+AlwaysPreTouch
    -Dio.netty.allocator.type=pooled)
  if [[ -n "$SALLYPORT_JAVA_OPTS" ]]; then
    # Word-split on purpose: SALLYPORT_JAVA_OPTS="-Xlog:gc -Dfoo=bar".
    # shellcheck disable=SC2206
    java_cmd+=($SALLYPORT_JAVA_OPTS)
  fi
  # Run a private copy: a rebuild of the jar while the benchmark runs must not pull it from under
  # the JVM. Its checksum goes into the report so results can be tied to a build.
  cp "$SALLYPORT_JAR" "$d/sallyport.jar"
  SALLYPORT_JAR_SHA256="$(sha256sum "$d/sallyport.jar" | cut -c1-64)"
  SALLYPORT_JAR_MTIME="$(date -r "$SALLYPORT_JAR" '+%Y-%m-%d %H:%M:%S')"
  log "jar $SALLYPORT_JAR (modified $SALLYPORT_JAR_MTIME, sha256 ${SALLYPORT_JAR_SHA256:0:12}…) copied to $d/sallyport.jar"
  java_cmd+=(-jar "$d/sallyport.jar" run --config "$SALLYPORT_CONFIG")
  log "starting Sallyport: ${PIN_SRV[*]} ${java_cmd[*]}"
  local t0
  t0="$(now_ms)"
  "${PIN_SRV[@]}" "${java_cmd[@]}" >"$SALLYPORT_LOG" 2>&1 &
  SALLYPORT_PID=$!
  STARTED_PIDS+=("$SALLYPORT_PID")
  local rc=0
  wait_http "http://127.0.0.1:$mgmt/readyz" "$READY_TIMEOUT" "$SALLYPORT_PID" || rc=$?
  SALLYPORT_READY_MS=$(($(now_ms) - t0))
  cp "$SALLYPORT_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
  if ((rc != 0)); then
    if ((rc == 2)); then
      SALLYPORT_START_ERROR="Sallyport process exited during startup (after ${SALLYPORT_READY_MS} ms)"
    else
      SALLYPORT_START_ERROR="Sallyport not ready: http://127.0.0.1:$mgmt/readyz did not answer 200 within ${READY_TIMEOUT} s"
    fi
    log "$SALLYPORT_START_ERROR. Last 40 lines of its output ($RAW_DIR/sallyport.log):"
    tail -n 40 "$SALLYPORT_LOG" | sed 's/^/    | /' >&2 || true
    return 1
  fi
  log "Sallyport pid $SALLYPORT_PID ready in ${SALLYPORT_READY_MS} ms (public 127.0.0.1:$port, management 127.0.0.1:$mgmt, CPU ${SERVER_CPU})"
}

# VmRSS / VmHWM of a pid, in KiB.
proc_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------------------------------------
# devtenant and a gateway on a given configuration (bench/graph.sh). Both run the private jar
# copy JAR that the caller made, pinned to SERVER_CPU, recorded in STARTED_PIDS.

# start_devtenant PORT [SCENARIO_FILE] -- sets DT_PID, DT_DIR, DT_CERT, DT_URL. Without a scenario
# it serves the demo scenario bundled in the jar (it runs from its own directory for that).
start_devtenant() {
  local port="$1" scenario="${2:-}"
  DT_DIR="$WORK_TMP/devtenant"
  mkdir -p "$DT_DIR/data"
  DT_CERT="$DT_DIR/data/devtenant-tls.crt"
  DT_URL="https://localhost:$port"
  local -a args=(devtenant --port "$port" --data-dir "$DT_DIR/data")
  [[ -n "$scenario" ]] && args+=(--scenario "$scenario")
  log "starting devtenant on $DT_URL${scenario:+ (scenario $scenario)}"
  (cd "$DT_DIR" && exec "${PIN_SRV[@]}" java -Xmx256m -jar "$JAR" "${args[@]}") >"$DT_DIR/devtenant.log" 2>&1 &
  DT_PID=$!
  STARTED_PIDS+=("$DT_PID")
  local deadline=$((SECONDS + READY_TIMEOUT))
  until [[ -s "$DT_CERT" ]] &&
    [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' --cacert "$DT_CERT" "$DT_URL/_devtenant/tenant" 2>/dev/null ||
      true)" == 200 ]]; do
    if ! kill -0 "$DT_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -n 40 "$DT_DIR/devtenant.log" | sed 's/^/    | /' >&2 || true
      die "devtenant did not come up on $DT_URL"
    fi
    sleep 0.2
  done
  log "devtenant pid $DT_PID ready (certificate $DT_CERT)"
}

# devtenant_api METHOD PATH [JSON_BODY] -- the /_devtenant/ test-support API; prints the body,
# fails (status 1, body on stderr) on a non-2xx answer.
devtenant_api() {
  local method="$1" path="$2" body="${3:-}"
  local out code
  local -a data=()
  [[ -n "$body" ]] && data=(-H 'Content-Type: application/json' -d "$body")
  out="$(curl -s -m 10 --cacert "$DT_CERT" -X "$method" "${data[@]}" -w '\n%{http_code}' "$DT_URL$path")" || {
    log "devtenant $method $path: no answer"
    return 1
  }
  code="${out##*$'\n'}"
  out="${out%$'\n'*}"
  if [[ "$code" != 2?? ]]; then
    log "devtenant $method $path answered $code: $out"
    return 1
  fi
  printf '%s\n' "$out"
}

# mint_token JSON_REQUEST -- POST /_devtenant/tokens; prints the access token.
mint_token() {
  local resp token
  resp="$(devtenant_api POST /_devtenant/tokens "$1")" || return 1
  token="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$resp")" || return 1
  [[ -n "$token" ]] || return 1
  printf '%s\n' "$token"
}

# start_gateway CONFIG MGMT_PORT -- check-config, then run the gateway (JAR) with run.sh's JVM
# flags plus SALLYPORT_JAVA_OPTS; sets GW_PID, GW_LOG; dies if it is not ready in READY_TIMEOUT.
start_gateway() {
  local config="$1" mgmt="$2"
  local d
  d="$(dirname "$config")"
  GW_LOG="$d/sallyport.log"
  java -jar "$JAR" check-config "$config" >"$d/check-config.log" 2>&1 ||
    { cat "$d/check-config.log" >&2; die "check-config rejected $config"; }
  local -a cmd=(java -Xms256m -Xmx256m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Dio.netty.allocator.type=pooled)
  if [[ -n "$SALLYPORT_JAVA_OPTS" ]]; then
    # shellcheck disable=SC2206
    cmd+=($SALLYPORT_JAVA_OPTS)
  fi
  cmd+=(-jar "$JAR" run --config "$config")
  log "starting gateway: ${PIN_SRV[*]} ${cmd[*]}"
  (cd "$d" && exec "${PIN_SRV[@]}" "${cmd[@]}") >"$GW_LOG" 2>&1 &
  GW_PID=$!
  STARTED_PIDS+=("$GW_PID")
  local rc=0
  wait_http "http://127.0.0.1:$mgmt/readyz" "$READY_TIMEOUT" "$GW_PID" || rc=$?
  cp "$GW_LOG" "$RAW_DIR/sallyport.log" 2>/dev/null || true
  if ((rc != 0)); then
    tail -n 40 "$GW_LOG" | sed 's/^/    | /' >&2 || true
    die "gateway not ready (wait_http status $rc)"
  fi
  log "gateway pid $GW_PID ready (management 127.0.0.1:$mgmt, CPU $SERVER_CPU)"
}
