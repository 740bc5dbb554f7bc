#!/usr/bin/env bash
# Writes a configuration directory for the load benchmark and starts Pirog's radiusd (the assembled
# distribution) pinned to one core, or stops the one it started. The counterpart of freeradius-bench.sh:
# the same client, the same $USERS users in a users file, the same loopback ports scheme, logging off,
# reject_delay 0, and accounting written to a FreeRADIUS detail file (DETAIL=0 keeps it in memory only).
#
#   mvn -B -DskipTests package        # builds dist/target/pirog-*/pirog-*
#   benchmarks/pirog-bench.sh start   # auth on 127.0.0.1:$PORT, accounting on PORT+1
#   benchmarks/pirog-bench.sh stop
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIST=${DIST:-$(ls -d "$HERE"/../dist/target/pirog-*/pirog-* | head -1)}
DIR=${DIR:-/tmp/pirog-bench-pirog}
PORT=${PORT:-18312}
SECRET=${SECRET:-testing123}
USERS=${USERS:-10000}
CORE=${CORE:-1}
DETAIL=${DETAIL:-1}
PRIORITY=()
[[ "${REALTIME:-0}" == 1 ]] && PRIORITY=(chrt -r 1)  # SCHED_RR, see load.sh
# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"
export JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled -Dio.netty.buffer.checkAccessible=false"}

stop() {
  stop_pid "$DIR/radiusd.pid"
}

write_config() {
  rm -rf "$DIR"
  mkdir -p "$DIR/log"
  cat > "$DIR/clients.conf" <<CLIENTS
client bench {
	ipaddr = 127.0.0.1
	secret = "$SECRET"
}
CLIENTS
  local detail=""
  [[ "$DETAIL" == 1 ]] && detail="detail = \${confdir}/log/detail"
  cat > "$DIR/pirog.conf" <<CONF
listen {
	ipaddr = 127.0.0.1
	auth_port = $PORT
	acct_port = $((PORT + 1))
}
# One core: one event loop, one socket per listener.
threads = 1
cleanup_delay = 2
max_requests = 1048576
security {
	reject_delay = 0
}
log {
	auth = no
}
backend memory {
	users = \${confdir}/users
	$detail
}
CONF
  users_entries "$USERS" > "$DIR/users"
}

start() {
  stop
  write_config
  "$DIST/bin/radiusd" -C -d "$DIR" >/dev/null || { "$DIST/bin/radiusd" -C -d "$DIR"; exit 1; }
  setsid "${PRIORITY[@]}" taskset -c "$CORE" "$DIST/bin/radiusd" -f -d "$DIR" -l "$DIR/log/radius.log" \
    </dev/null >"$DIR/log/stdout" 2>&1 &
  echo $! > "$DIR/radiusd.pid"
  if wait_listening "$PORT" 100; then
    echo "Pirog on 127.0.0.1:$PORT/$((PORT + 1)), core $CORE, pid $(cat "$DIR/radiusd.pid"), $USERS users, config $DIR"
    return
  fi
  echo "Pirog did not start; see $DIR/log" >&2
  stop
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop   (env: DIST DIR PORT SECRET USERS CORE REALTIME DETAIL JAVA_OPTS)" >&2; exit 2 ;;
esac
