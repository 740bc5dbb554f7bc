#!/usr/bin/env bash
# Writes a private FreeRADIUS 3 configuration for the load benchmark and starts it pinned to one core, or stops
# the one it started.
#
#   benchmarks/freeradius-bench.sh start     # config in $DIR, auth on 127.0.0.1:$PORT, accounting on PORT+1
#   benchmarks/freeradius-bench.sh stop
#
# The configuration is a copy of /etc/freeradius/3.0 with: one virtual server on loopback (authorize: chap,
# mschap, files, pap; authenticate PAP, CHAP, MS-CHAP; accounting: acct_unique, detail, attr_filter), one client
# 127.0.0.1 with $SECRET, the `files` users file holding the generator's $USERS users (user00000 / pass00000 ...),
# a tuned thread pool, logging off, and no stock sites (the stock inner-tunnel would take 127.0.0.1:18120).
set -euo pipefail

DIR=${DIR:-/tmp/pirog-bench-freeradius}
PORT=${PORT:-18212}
SECRET=${SECRET:-testing123}
USERS=${USERS:-10000}
CORE=${CORE:-1}
PRIORITY=()
[[ "${REALTIME:-0}" == 1 ]] && PRIORITY=(chrt -r 1)  # SCHED_RR, see load.sh
START_SERVERS=${START_SERVERS:-16}
MAX_SERVERS=${MAX_SERVERS:-32}
CLEANUP_DELAY=${CLEANUP_DELAY:-2}

# shellcheck source=bench-lib.sh
source "$(cd "$(dirname "$0")" && pwd)/bench-lib.sh"

stop() {
  stop_pid "$DIR/freeradius.pid"
}

write_config() {
  rm -rf "$DIR"
  cp -r /etc/freeradius/3.0 "$DIR"
  mkdir -p "$DIR/log" "$DIR/run"
  rm -f "$DIR"/sites-enabled/* "$DIR/mods-enabled/eap"
  # Paths into $DIR, stay root (no user/group switch), no reject delay, and the performance settings:
  # requests are remembered $CLEANUP_DELAY s for duplicate detection, so max_requests must exceed rate x delay.
  sed -i \
    -e "s|^raddbdir = .*|raddbdir = $DIR|" \
    -e "s|^logdir = .*|logdir = $DIR/log|" \
    -e "s|^run_dir = .*|run_dir = $DIR/run|" \
    -e "s|^\(\s*\)user = |\1#user = |" \
    -e "s|^\(\s*\)group = |\1#group = |" \
    -e "s|^\(\s*\)reject_delay = .*|\1reject_delay = 0|" \
    -e "s|^cleanup_delay = .*|cleanup_delay = $CLEANUP_DELAY|" \
    -e "s|^max_requests = .*|max_requests = 1048576|" \
    -e "s|^\(\s*\)destination = files|\1destination = null|" \
    -e "s|^\(\s*\)start_servers = .*|\1start_servers = $START_SERVERS|" \
    -e "s|^\(\s*\)max_servers = .*|\1max_servers = $MAX_SERVERS|" \
    -e "s|^\(\s*\)min_spare_servers = .*|\1min_spare_servers = $START_SERVERS|" \
    -e "s|^\(\s*\)max_spare_servers = .*|\1max_spare_servers = $MAX_SERVERS|" \
    -e "s|^\(\s*\)max_requests_per_server = .*|\1max_requests_per_server = 0|" \
    "$DIR/radiusd.conf"
  cat > "$DIR/clients.conf" <<CLIENTS
client bench {
	ipaddr = 127.0.0.1
	secret = "$SECRET"
}
CLIENTS
  cat > "$DIR/sites-enabled/bench" <<SITE
server bench {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = $PORT
	}
	listen {
		type = acct
		ipaddr = 127.0.0.1
		port = $((PORT + 1))
	}
	authorize {
		chap
		mschap
		files
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
		Auth-Type CHAP {
			chap
		}
		Auth-Type MS-CHAP {
			mschap
		}
	}
	preacct {
		acct_unique
	}
	accounting {
		detail
		attr_filter.accounting_response
	}
	post-auth {
	}
}
SITE
  # The generator's users (UserPattern.java).
  rm -f "$DIR/mods-config/files/authorize"
  users_entries "$USERS" > "$DIR/mods-config/files/authorize"
}

start() {
  stop
  write_config
  freeradius -C -d "$DIR" -l stdout >/dev/null || { freeradius -C -d "$DIR" -l stdout; exit 1; }
  setsid "${PRIORITY[@]}" taskset -c "$CORE" freeradius -f -d "$DIR" </dev/null >"$DIR/log/stdout" 2>&1 &
  echo $! > "$DIR/freeradius.pid"
  if wait_listening "$PORT" 100; then
    echo "FreeRADIUS $(freeradius -v | head -1 | sed 's/.*Version \([0-9.]*\).*/\1/') on 127.0.0.1:$PORT/$((PORT + 1)), core $CORE, pid $(cat "$DIR/freeradius.pid"), $USERS users, config $DIR"
    return
  fi
  echo "FreeRADIUS did not start; see $DIR/log" >&2
  stop
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop   (env: DIR PORT SECRET USERS CORE REALTIME START_SERVERS MAX_SERVERS CLEANUP_DELAY)" >&2; exit 2 ;;
esac
