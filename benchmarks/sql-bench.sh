#!/usr/bin/env bash
# The PostgreSQL load benchmark: Pirog's radiusd with `backend postgres` beside FreeRADIUS 3.2 with rlm_sql, on the
# same PostgreSQL, each server in a database of its own made from FreeRADIUS's schema.sql with the same $USERS
# users (user00000 / pass00000 ..., Cleartext-Password in radcheck). Servers pinned to $CORE like
# freeradius-bench.sh and pirog-bench.sh; run the generator with load.sh (core 0).
#
#   benchmarks/sql-bench.sh setup                 # (re)create $FR_DB and $PIROG_DB: schema.sql + users
#   benchmarks/sql-bench.sh empty                 # truncate radacct and radpostauth in both
#   benchmarks/sql-bench.sh fill [ROWS]           # add ROWS (5,000,000) closed sessions to both radacct
#   benchmarks/sql-bench.sh start-freeradius      # auth 127.0.0.1:$FR_PORT, acct FR_PORT+1
#   benchmarks/sql-bench.sh stop-freeradius
#   benchmarks/sql-bench.sh start-pirog           # auth 127.0.0.1:$PIROG_PORT, acct PIROG_PORT+1
#   benchmarks/sql-bench.sh stop-pirog
#
# FreeRADIUS: freeradius-bench.sh's configuration (tuned thread pool, logging off, reject_delay 0) with the stock
# `sql` module on PostgreSQL (driver rlm_sql_postgresql, dialect postgresql, stock queries.conf, connection pool
# as the thread pool) in place of `files`: authorize `sql` + `pap`; preacct `acct_unique`; accounting `sql` +
# `attr_filter.accounting_response`; post-auth `sql` (the stock radpostauth insert, which stores the password
# typed). This is the stock `default` site's SQL path without its other modules.
# Pirog: pirog-bench.sh's configuration with `backend postgres` (defaults: 16 connections, group commit of
# accounting, Caffeine cache of the authorize data, radpostauth insert without the password); Flyway adopts the
# database made from schema.sql.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
SCHEMA_SQL=${SCHEMA_SQL:-/etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql}
FR_DB=${FR_DB:-fr_bench}
PIROG_DB=${PIROG_DB:-pirog_bench}
FR_PORT=${FR_PORT:-18212}
PIROG_PORT=${PIROG_PORT:-18312}
FR_DIR=${FR_DIR:-/tmp/pirog-bench-freeradius}
PIROG_DIR=${PIROG_DIR:-/tmp/pirog-bench-pirog}
USERS=${USERS:-10000}
CORE=${CORE:-1}
PRIORITY=()
[[ "${REALTIME:-0}" == 1 ]] && PRIORITY=(chrt -r 1)  # SCHED_RR, see load.sh

users_sql() {
  local last=$((USERS - 1))
  local width=$(( ${#last} > 5 ? ${#last} : 5 ))
  echo "INSERT INTO radcheck (username, attribute, op, value)
        SELECT 'user' || lpad(i::text, $width, '0'), 'Cleartext-Password', ':=', 'pass' || lpad(i::text, $width, '0')
        FROM generate_series(0, $((USERS - 1))) AS i;"
}

setup() {
  for db in "$FR_DB" "$PIROG_DB"; do
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    "${PSQL[@]}" -d "$db" -f "$SCHEMA_SQL"
    "${PSQL[@]}" -d "$db" -c "$(users_sql)" -c "ANALYZE"
    echo "$db: schema.sql and $USERS users in radcheck"
  done
}

empty() {
  for db in "$FR_DB" "$PIROG_DB"; do
    "${PSQL[@]}" -d "$db" -c "TRUNCATE radacct, radpostauth" -c "VACUUM ANALYZE radacct" -c "VACUUM ANALYZE radpostauth"
  done
}

# Closed sessions of the generator's users on 100 NASes over the past ~60 days, as FreeRADIUS's Stop would leave
# them (distinct acctuniqueid, so the generator's sessions never hit them). Inserted in chunks of CHUNK rows, each
# its own INSERT ... SELECT generate_series(...) and commit; a chunk already there is skipped and a failed one is
# retried (the shared PostgreSQL may be restarted by other tests meanwhile).
fill() {
  local rows=${1:-5000000} chunk=${CHUNK:-1000000}
  for db in "$FR_DB" "$PIROG_DB"; do
    local t0=$SECONDS
    for ((from = 1; from <= rows; from += chunk)); do
      local to=$((from + chunk - 1 < rows ? from + chunk - 1 : rows))
      for attempt in 1 2 3 4 5; do
        if [[ $("${PSQL[@]}" -d "$db" -Atc "SELECT count(*) FROM radacct WHERE acctuniqueid = md5('old-$to')" 2>/dev/null) == 1 ]]; then
          break
        fi
        "${PSQL[@]}" -d "$db" -c "
          INSERT INTO radacct (acctsessionid, acctuniqueid, username, realm, nasipaddress, nasportid, nasporttype,
              acctstarttime, acctupdatetime, acctstoptime, acctinterval, acctsessiontime, acctauthentic,
              connectinfo_start, connectinfo_stop, acctinputoctets, acctoutputoctets, calledstationid,
              callingstationid, acctterminatecause, servicetype, framedprotocol, framedipaddress)
          SELECT lpad(to_hex(i), 8, '0'), md5('old-' || i), 'user' || lpad((i % $USERS)::text, 5, '0'), '',
              ('10.1.' || (i % 100) || '.1')::inet, (i % 4096)::text, 'Ethernet',
              now() - interval '60 days' + i * interval '1 second',
              now() - interval '60 days' + i * interval '1 second' + interval '1 hour',
              now() - interval '60 days' + i * interval '1 second' + interval '1 hour', 600, 3600, 'RADIUS', '', '',
              i * 1000, i * 4000, '', '', 'User-Request', 'Framed-User', 'PPP',
              ('100.64.0.0'::inet + (i % 1048576)::int)
          FROM generate_series($from::bigint, $to) AS i" && break
        sleep 5
      done
    done
    until "${PSQL[@]}" -d "$db" -c "VACUUM ANALYZE radacct"; do sleep 5; done
    echo "$db: $rows closed sessions in radacct after $((SECONDS - t0)) s ($("${PSQL[@]}" -d "$db" -Atc "SELECT count(*) FROM radacct") rows in all)"
  done
}

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"

start_freeradius() {
  stop_pid "$FR_DIR/freeradius.pid"
  DIR=$FR_DIR PORT=$FR_PORT USERS=$USERS CORE=$CORE "$HERE/freeradius-bench.sh" stop
  # freeradius-bench.sh writes the base configuration; then the site is switched from `files` to `sql`.
  DIR=$FR_DIR PORT=$FR_PORT USERS=$USERS CORE=$CORE REALTIME=0 "$HERE/freeradius-bench.sh" start >/dev/null
  DIR=$FR_DIR "$HERE/freeradius-bench.sh" stop
  : > "$FR_DIR/mods-config/files/authorize"
  ln -sf ../mods-available/sql "$FR_DIR/mods-enabled/sql"
  sed -i \
    -e 's|^\(\s*\)dialect = .*|\1dialect = "postgresql"|' \
    -e 's|^\(\s*\)driver = "rlm_sql_null"|\1driver = "rlm_sql_${dialect}"|' \
    -e "s|^\(\s*\)radius_db = \"radius\"|\1radius_db = \"dbname=$FR_DB host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432} user=${PGUSER:-postgres}\"|" \
    "$FR_DIR/mods-available/sql"
  cat > "$FR_DIR/sites-enabled/bench" <<SITE
server bench {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = $FR_PORT
	}
	listen {
		type = acct
		ipaddr = 127.0.0.1
		port = $((FR_PORT + 1))
	}
	authorize {
		sql
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
	}
	preacct {
		acct_unique
	}
	accounting {
		sql
		attr_filter.accounting_response
	}
	post-auth {
		sql
		Post-Auth-Type REJECT {
			sql
			attr_filter.access_reject
		}
	}
}
SITE
  freeradius -C -d "$FR_DIR" -l stdout >/dev/null || { freeradius -C -d "$FR_DIR" -l stdout; exit 1; }
  setsid "${PRIORITY[@]}" taskset -c "$CORE" freeradius -f -d "$FR_DIR" </dev/null >"$FR_DIR/log/stdout" 2>&1 &
  echo $! > "$FR_DIR/freeradius.pid"
  if wait_listening "$FR_PORT" 100; then
    echo "FreeRADIUS $(freeradius -v | head -1 | sed 's/.*Version \([0-9.]*\).*/\1/') rlm_sql on database $FR_DB, 127.0.0.1:$FR_PORT/$((FR_PORT + 1)), core $CORE, pid $(cat "$FR_DIR/freeradius.pid"), config $FR_DIR"
    return
  fi
  echo "FreeRADIUS did not start; see $FR_DIR/log" >&2
  stop_pid "$FR_DIR/freeradius.pid"
  exit 1
}

start_pirog() {
  local dist=${DIST:-$(ls -d "$HERE"/../dist/target/pirog-*/pirog-* | head -1)}
  stop_pid "$PIROG_DIR/radiusd.pid"
  rm -rf "$PIROG_DIR"
  mkdir -p "$PIROG_DIR/log"
  cat > "$PIROG_DIR/clients.conf" <<CLIENTS
client bench {
	ipaddr = 127.0.0.1
	secret = "${SECRET:-testing123}"
}
CLIENTS
  cat > "$PIROG_DIR/pirog.conf" <<CONF
listen {
	ipaddr = 127.0.0.1
	auth_port = $PIROG_PORT
	acct_port = $((PIROG_PORT + 1))
}
threads = 1
cleanup_delay = 2
max_requests = 1048576
security {
	reject_delay = 0
}
log {
	auth = no
}
${PIROG_SETTINGS:-}
backend postgres {
	url = jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$PIROG_DB
	user = ${PGUSER:-postgres}
	${PIROG_BACKEND_SETTINGS:-}
}
CONF
  export JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled -Dio.netty.buffer.checkAccessible=false"}
  "$dist/bin/radiusd" -C -d "$PIROG_DIR" >/dev/null || { "$dist/bin/radiusd" -C -d "$PIROG_DIR"; exit 1; }
  setsid "${PRIORITY[@]}" taskset -c "$CORE" "$dist/bin/radiusd" -f -d "$PIROG_DIR" -l "$PIROG_DIR/log/radius.log" \
    </dev/null >"$PIROG_DIR/log/stdout" 2>&1 &
  echo $! > "$PIROG_DIR/radiusd.pid"
  if wait_listening "$PIROG_PORT" 150; then
    echo "Pirog backend postgres on database $PIROG_DB, 127.0.0.1:$PIROG_PORT/$((PIROG_PORT + 1)), core $CORE, pid $(cat "$PIROG_DIR/radiusd.pid"), config $PIROG_DIR"
    return
  fi
  echo "Pirog did not start; see $PIROG_DIR/log" >&2
  stop_pid "$PIROG_DIR/radiusd.pid"
  exit 1
}

case "${1:-}" in
  setup) setup ;;
  empty) empty ;;
  fill) fill "${2:-5000000}" ;;
  start-freeradius) start_freeradius ;;
  stop-freeradius) stop_pid "$FR_DIR/freeradius.pid" ;;
  start-pirog) start_pirog ;;
  stop-pirog) stop_pid "$PIROG_DIR/radiusd.pid" ;;
  *) echo "usage: $0 setup|empty|fill [ROWS]|start-freeradius|stop-freeradius|start-pirog|stop-pirog" \
       "  (env: FR_DB PIROG_DB FR_PORT PIROG_PORT USERS CORE REALTIME PGHOST PGPORT PGUSER DIST JAVA_OPTS PIROG_SETTINGS PIROG_BACKEND_SETTINGS)" >&2; exit 2 ;;
esac
