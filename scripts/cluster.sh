#!/usr/bin/env bash
# One command for a local cluster: PostgreSQL, redis-server, two chat-server nodes and HAProxy in front,
# all in a temporary folder on free loopback ports. Prints the URL clients use; Ctrl+C stops everything
# it started and removes the folder.
#
#   scripts/cluster.sh                      installs what is missing, builds (release), runs the cluster
#   CHAT_PRESET=dev scripts/cluster.sh      uses build/dev instead
#   CHAT_SKIP_BUILD=1                       skips install-deps.sh and build.sh (the binary must exist)
#   CHAT_CLUSTER_KEEP=1                     keeps the folder (data and logs) after Ctrl+C
#
# Nothing here is fit for production: the database lives in /tmp and everything listens on 127.0.0.1.
# docs/deploy.md describes a real deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
preset="${CHAT_PRESET:-release}"
server_bin="$repo/build/$preset/server/chat-server"

pids=()          # background processes we started, in start order: redis, node-1, node-2, haproxy
names=()         # their names, for messages
pg_started=""    # set once pg_ctl start succeeded, so that cleanup knows to stop it
ports_taken=" "  # ports handed out so far: two probes in a row may be given the same free port

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

# A free TCP port on 127.0.0.1: the kernel picks one for a socket bound to port 0. The socket closes
# before the program binds it, a small race that is acceptable for a local demo.
free_port() {
  local port
  while :; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    case "$ports_taken" in *" $port "*) continue ;; esac
    ports_taken+="$port "
    echo "$port"
    return
  done
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no extra tool).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Polls "$@" every 0.1 s for at most $1 seconds; fails with the last output if it never succeeds.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local tries=$((seconds * 10))
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || die "$what did not become ready within ${seconds}s"
    sleep 0.1
  done
}

# initdb refuses to run as root, so when we are root PostgreSQL runs as the unprivileged OS user
# `postgres` (the postgresql package creates it) and gets its own folder. Otherwise it runs as us.
pg_user=""
[ "$(id -u)" -eq 0 ] && pg_user="${CHAT_PG_OS_USER:-postgres}"
as_pg() {
  if [ -n "$pg_user" ]; then (cd "$pg_dir" && runuser -u "$pg_user" -- "$@"); else "$@"; fi
}

# Stops what we started, newest first, so that no component sees the one below it vanish: HAProxy
# (no new clients), the nodes (SIGTERM commits queued writes and says "going away"), Redis, PostgreSQL.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  log "stopping"
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if kill -0 "${pids[i]}" 2>/dev/null; then
      kill -TERM "${pids[i]}" 2>/dev/null
      # chat-server may take a moment to commit; do not wait forever for any process.
      local tries=300
      while kill -0 "${pids[i]}" 2>/dev/null && [ $tries -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
      kill -0 "${pids[i]}" 2>/dev/null && { log "${names[i]} ignored SIGTERM, killing it"; kill -KILL "${pids[i]}"; }
    fi
    wait "${pids[i]}" 2>/dev/null
    log "stopped ${names[i]}"
  done
  if [ -n "$pg_started" ]; then
    as_pg "$pg_bin/pg_ctl" stop -w -t 60 -m fast -D "$pg_dir/data" >/dev/null && log "stopped postgres"
  fi
  if [ -n "${work:-}" ] && [ -d "$work" ]; then
    if [ -n "${CHAT_CLUSTER_KEEP:-}" ]; then log "kept $work"; else rm -rf "$work"; fi
  fi
  exit "$status"
}

# Starts "$@" in the background with its output in $work/logs/NAME.log. setsid gives it its own
# session, so a Ctrl+C in the terminal reaches only this script, and cleanup stops things in order.
start_background() {
  local name=$1; shift
  setsid "$@" >"$work/logs/$name.log" 2>&1 </dev/null &
  pids+=($!)
  names+=("$name")
}

build() {
  if [ -n "${CHAT_SKIP_BUILD:-}" ]; then
    [ -x "$server_bin" ] || die "$server_bin does not exist (unset CHAT_SKIP_BUILD to build it)"
    return
  fi
  scripts/install-deps.sh
  scripts/build.sh "$preset"
}

start_postgres() {
  # Debian keeps the server tools out of PATH, one folder per major version; the newest wins.
  pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ -x "${pg_bin:-}/initdb" ] || die "PostgreSQL's initdb not found under /usr/lib/postgresql (apt install postgresql)"
  pg_dir="$work/postgres"
  pg_port=$(free_port)
  pg_role=chat
  mkdir -p "$pg_dir/socket"
  # A random password for the role; chat-server reads it from this file ([database] password_file).
  python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$pg_dir/password"
  chmod 600 "$pg_dir/password"
  [ -n "$pg_user" ] && chown -R "$pg_user:" "$pg_dir"

  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_role" -E UTF8 --locale=C --no-sync --no-instructions \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pg_dir/password" >"$work/logs/initdb.log" 2>&1 \
    || die "initdb failed, see $work/logs/initdb.log"
  # The log file must be writable by the PostgreSQL user, so it sits in that user's folder.
  as_pg "$pg_bin/pg_ctl" start -w -t 60 -D "$pg_dir/data" -l "$pg_dir/postgres.log" \
    -o "-p $pg_port -k $pg_dir/socket -c listen_addresses=127.0.0.1" >/dev/null \
    || die "PostgreSQL did not start, see $pg_dir/postgres.log"
  pg_started=1
  as_pg "$pg_bin/createdb" -h "$pg_dir/socket" -p "$pg_port" -U "$pg_role" chat
  log "postgres on 127.0.0.1:$pg_port (database chat, role $pg_role)"
}

start_redis() {
  redis_port=$(free_port)
  mkdir -p "$work/redis"
  # In memory only: the nodes keep nothing in Redis that the store does not also hold.
  start_background redis redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$work/redis" --loglevel warning
  wait_for 10 redis bash -c "[ \"\$(redis-cli -h 127.0.0.1 -p $redis_port ping)\" = PONG ]"
  log "redis on 127.0.0.1:$redis_port"
}

# start_node N: writes node-N/server.ini and starts chat-server with it.
start_node() {
  local n=$1 dir="$work/node-$1" ws_port http_port
  ws_port=$(free_port)
  http_port=$(free_port)
  mkdir -p "$dir"
  cat >"$dir/server.ini" <<EOF
[server]
host=127.0.0.1
port=$ws_port

[database]
driver=postgres
host=127.0.0.1
port=$pg_port
name=chat
user=$pg_role
password_file=$pg_dir/password
sslmode=disable

[cluster]
redis=redis://127.0.0.1:$redis_port
node=node-$n

[http]
enabled=true
host=127.0.0.1
port=$http_port
EOF
  start_background "node-$n" "$server_bin" --config "$dir/server.ini"
  local pid=${pids[-1]}
  # Ready when it prints "chat-server listening on ..."; a node that exits (bad config, no database)
  # stops the wait at once instead of after the timeout.
  wait_for 60 "node-$n" bash -c "grep -q 'listening on' '$work/logs/node-$n.log' || { kill -0 $pid || exit 0; exit 1; }"
  kill -0 "$pid" 2>/dev/null || die "node-$n exited: $(tail -n 5 "$work/logs/node-$n.log")"
  node_ws_ports+=("$ws_port")
  node_http_ports+=("$http_port")
  log "node-$n on 127.0.0.1:$ws_port (http $http_port)"
}

start_haproxy() {
  haproxy_port=$(free_port)
  local cfg="$work/haproxy.cfg" i
  # packaging/haproxy.cfg with local ports, logs to standard error instead of syslog, and checks every
  # 500 ms so that a node stopped for a demo leaves the rotation quickly.
  {
    cat <<EOF
global
    log stderr format raw local0 info

defaults
    mode http
    log global
    option httplog
    option dontlognull
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout tunnel 1h
    timeout client-fin 30s
    timeout server-fin 30s

frontend chat
    bind 127.0.0.1:$haproxy_port
    default_backend chat_nodes

backend chat_nodes
    balance leastconn
    option httpchk GET /healthz
    http-check expect status 200
    default-server inter 500ms fall 2 rise 1
EOF
    for i in "${!node_ws_ports[@]}"; do
      echo "    server node-$((i + 1)) 127.0.0.1:${node_ws_ports[i]} check port ${node_http_ports[i]}"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" || die "haproxy rejected $cfg"
  start_background haproxy haproxy -db -f "$cfg"
  wait_for 10 haproxy port_open "$haproxy_port"
  log "haproxy on 127.0.0.1:$haproxy_port"
}

print_summary() {
  local i
  cat <<EOF

Cluster ready. Clients connect to:

    ws://127.0.0.1:$haproxy_port        (through HAProxy)

EOF
  for i in "${!node_ws_ports[@]}"; do
    echo "    node-$((i + 1)): ws://127.0.0.1:${node_ws_ports[i]}   http://127.0.0.1:${node_http_ports[i]}/healthz   http://127.0.0.1:${node_http_ports[i]}/metrics"
  done
  cat <<EOF

Logs: $work/logs (PostgreSQL: $pg_dir/postgres.log)
Admin: $server_bin --config $work/node-1/server.ini user add NAME
Ctrl+C stops everything and removes $work.
EOF
}

main() {
  build
  work=$(mktemp -d -t chat-cluster.XXXXXX)
  chmod 755 "$work" # the PostgreSQL user must be able to reach its folder inside
  mkdir -p "$work/logs"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  node_ws_ports=()
  node_http_ports=()

  start_postgres
  start_redis
  start_node 1
  start_node 2
  start_haproxy
  print_summary

  # Wait until Ctrl+C. A node that dies (killed to watch failover, say) does not end the cluster; the
  # loop ends only if every background process is gone. `wait` returns as soon as a trapped signal comes.
  while [ -n "$(jobs -pr)" ]; do wait -n || true; done
  log "every process exited"
}

main "$@"
