#!/usr/bin/env bash
# Every figure of benchmarks/README.md's "Load with PostgreSQL" table, in one go, at normal priority: FreeRADIUS 3.2
# with rlm_sql, then Pirog, on an empty radacct and again after 5,000,000 rows were added to both.
#
#   mvn -B -o -DskipTests package && benchmarks/sql-bench-suite.sh 2>&1 | tee /tmp/sql-bench-suite.log
#
# Each figure is load.sh's median of $RUNS runs (cold: one run of $COLD_SECONDS right after each of $RUNS fresh
# starts); the lines starting with MEDIAN are the table's. SERVERS="pirog" and STATES="5m empty" with SETUP=0
# measure again only what changed, on the databases as they are ("empty" truncates radacct and radpostauth;
# "5m" fills radacct with $ROWS closed sessions unless it holds that many already).
#
# PostgreSQL runs with autovacuum on, as every operator's does (both servers' radacct is updated all day): where
# the server's own configuration turns it off (this CI machine's conf.d does), the suite turns it on with ALTER
# SYSTEM for its duration and resets it afterwards.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
export RUNS=${RUNS:-3}
DURATION=${DURATION:-15}
COLD_SECONDS=${COLD_SECONDS:-10}
ROWS=${ROWS:-5000000}
SETUP=${SETUP:-1}
SERVERS=${SERVERS:-freeradius pirog}
STATES=${STATES:-empty 5m}

medians() { grep -E '^MEDIAN' || true; }

load() { # label, load.sh arguments...
  local label=$1; shift
  echo "== $label"
  "$HERE/load.sh" "$@" | medians
}

freeradius() {
  "$HERE/sql-bench.sh" start-freeradius
  export SERVER_PID=$(cat /tmp/pirog-bench-freeradius/freeradius.pid)
  load "FreeRADIUS PAP" --type pap --server 127.0.0.1:18212 --warmup 5 --duration "$DURATION"
  load "FreeRADIUS accounting" --type acct --server 127.0.0.1:18213 --warmup 5 --duration "$DURATION"
  "$HERE/sql-bench.sh" stop-freeradius
}

pirog() {
  for i in $(seq "$RUNS"); do
    "$HERE/sql-bench.sh" start-pirog
    export SERVER_PID=$(cat /tmp/pirog-bench-pirog/radiusd.pid)
    RUNS=1 load "Pirog PAP cold ($i)" --type pap --server 127.0.0.1:18312 --warmup 0 --duration "$COLD_SECONDS"
    "$HERE/sql-bench.sh" stop-pirog
  done
  "$HERE/sql-bench.sh" start-pirog
  export SERVER_PID=$(cat /tmp/pirog-bench-pirog/radiusd.pid)
  load "Pirog PAP warm" --type pap --server 127.0.0.1:18312 --warmup 5 --duration "$DURATION"
  load "Pirog accounting" --type acct --server 127.0.0.1:18313 --warmup 10 --duration "$DURATION"
  for window in 8 16; do
    load "Pirog PAP warm, window $window" --type pap --server 127.0.0.1:18312 --warmup 3 --duration 10 \
      --window "$window"
    load "Pirog accounting, window $window" --type acct --server 127.0.0.1:18313 --warmup 3 --duration 10 \
      --window "$window"
  done
  "$HERE/sql-bench.sh" stop-pirog
  # Cold cache at its worst: nothing cached, every request reads its rows from PostgreSQL as FreeRADIUS does
  # (batched with the others that miss meanwhile). The warm-up is for the JIT only.
  PIROG_BACKEND_SETTINGS="cache_users = 0" "$HERE/sql-bench.sh" start-pirog
  export SERVER_PID=$(cat /tmp/pirog-bench-pirog/radiusd.pid)
  load "Pirog PAP, no cache" --type pap --server 127.0.0.1:18312 --warmup 20 --duration "$DURATION"
  "$HERE/sql-bench.sh" stop-pirog
}

state() { # empty | 5m
  if [[ $1 == empty ]]; then
    "$HERE/sql-bench.sh" empty
  else
    local have
    have=$(psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${PIROG_DB:-pirog_bench}" -Atc \
      "SELECT count(*) FROM radacct")
    [[ $have -ge $ROWS ]] || "$HERE/sql-bench.sh" fill "$ROWS"
  fi
}

admin() { psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -Atc "$1"; }
if [[ $(admin "SHOW autovacuum") != on ]]; then
  admin "ALTER SYSTEM SET autovacuum = on" && admin "SELECT pg_reload_conf()" >/dev/null
  trap 'admin "ALTER SYSTEM RESET autovacuum" && admin "SELECT pg_reload_conf()" >/dev/null' EXIT
  echo "autovacuum turned on for the suite"
fi

"$HERE/sql-bench.sh" stop-pirog >/dev/null 2>&1 || true
"$HERE/sql-bench.sh" stop-freeradius >/dev/null 2>&1 || true
[[ $SETUP == 1 ]] && "$HERE/sql-bench.sh" setup
for radacct in $STATES; do
  state "$radacct"
  echo "##### radacct: $radacct"
  for server in $SERVERS; do
    "$server"
  done
done
