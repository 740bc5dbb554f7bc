#!/usr/bin/env bash
# What PostgreSQL alone needs to write accounting into FreeRADIUS's radacct: no RADIUS server, no driver of ours,
# just pgbench running the simplest SQL that makes the same row changes as a Start/Interim/Stop load, in batches.
# It is the floor under any server's accounting on that schema: Pirog's and FreeRADIUS's load runs (load.sh's
# others_cores, which is PostgreSQL there) can be read against its CPU per record.
#
#   benchmarks/radacct-floor.sh [BATCH ...]     # records per transaction, a third each Start/Interim/Stop
#                                               # (default: 6 18 96 300)
#
# Each transaction inserts BATCH/3 new sessions (every column FreeRADIUS's Start writes), updates BATCH/3 open
# ones as an Interim-Update does and closes BATCH/3 as a Stop does: three statements, prepared, one commit, in
# $CLIENTS connections at once (accounting_writers' default) for $SECONDS_PER_RUN s on a database of its own
# ($FLOOR_DB, made from schema.sql, with $ROWS closed sessions in radacct). CPU per record is the whole
# machine's busy time over the records written, so run it on an otherwise idle machine: it also holds pgbench's
# own (small) share.
set -euo pipefail

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
PGBENCH=${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)}
SCHEMA_SQL=${SCHEMA_SQL:-/etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql}
FLOOR_DB=${FLOOR_DB:-radacct_floor}
CLIENTS=${CLIENTS:-2}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
ROWS=${ROWS:-200000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[[ -x "$PGBENCH" ]] || { echo "radacct-floor.sh: pgbench not found (set PGBENCH)" >&2; exit 1; }
[[ -r "$SCHEMA_SQL" ]] || { echo "radacct-floor.sh: $SCHEMA_SQL not readable (apt-get install freeradius-postgresql, or set SCHEMA_SQL)" >&2; exit 1; }

# The acctuniqueids of the $2 sessions numbered from pgbench's variable $1 on (a transaction's sessions are
# numbered b*n .. b*n+n-1, b from a sequence; those started two transactions earlier are updated, four earlier
# stopped).
session_ids() {
  echo "ARRAY(SELECT md5('floor-' || i) FROM generate_series(:$1::bigint, :$1::bigint + $2 - 1) AS i)"
}

# The pgbench script for n sessions of each kind per transaction.
script() {
  local n=$1
  cat <<SQL
SELECT nextval('floor_batch') AS b \gset
\set started :b * $n
\set updated (:b - 2) * $n
\set stopped (:b - 4) * $n
BEGIN;
INSERT INTO radacct (acctsessionid, acctuniqueid, username, realm, nasipaddress, nasportid, nasporttype,
    acctstarttime, acctupdatetime, acctsessiontime, acctauthentic, connectinfo_start, acctinputoctets,
    acctoutputoctets, calledstationid, callingstationid, servicetype, framedprotocol, framedipaddress)
  SELECT lpad(to_hex(i), 8, '0'), md5('floor-' || i), 'user' || lpad((i % 10000)::text, 5, '0'), '', '10.0.0.1',
      (i % 4096)::text, 'Ethernet', now(), now(), 0, 'RADIUS', '', 0, 0, '00-11-22-33-44-55', '66-77-88-99-AA-BB',
      'Framed-User', 'PPP', '100.64.0.0'::inet + (i % 1048576)::int
  FROM generate_series(:started::bigint, :started::bigint + $n - 1) AS i;
UPDATE radacct SET acctupdatetime = now(), acctinterval = 300, acctsessiontime = 300, acctinputoctets = 1000000,
    acctoutputoctets = 4000000
  WHERE acctuniqueid = ANY ($(session_ids updated "$n")) AND acctstoptime IS NULL;
UPDATE radacct SET acctstoptime = now(), acctupdatetime = now(), acctsessiontime = 600, acctinputoctets = 2000000,
    acctoutputoctets = 8000000, acctterminatecause = 'User-Request'
  WHERE acctuniqueid = ANY ($(session_ids stopped "$n")) AND acctstoptime IS NULL;
COMMIT;
SQL
}

prepare() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $FLOOR_DB WITH (FORCE)" -c "CREATE DATABASE $FLOOR_DB"
  "${PSQL[@]}" -d "$FLOOR_DB" -f "$SCHEMA_SQL"
  "${PSQL[@]}" -d "$FLOOR_DB" -c "CREATE SEQUENCE floor_batch START 100" -c "
    INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime,
        acctstoptime, acctsessiontime, acctterminatecause)
    SELECT i::text, md5('old-' || i), 'user' || lpad((i % 10000)::text, 5, '0'), '10.1.0.1',
        now() - interval '1 day', now() - interval '1 day', now() - interval '23 hours', 3600, 'User-Request'
    FROM generate_series(1, $ROWS) AS i" -c "VACUUM ANALYZE radacct"
}

busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat
}

run() {
  local batch=$1 n=$(($1 / 3))
  (( n >= 1 )) || { echo "radacct-floor.sh: BATCH must be at least 3" >&2; exit 1; }
  script "$n" > "$WORK/floor-$n.sql"
  "${PSQL[@]}" -d "$FLOOR_DB" -c "DELETE FROM radacct WHERE nasipaddress = '10.0.0.1'" -c "VACUUM ANALYZE radacct"
  local before after ticks hz records
  hz=$(getconf CLK_TCK)
  before=$(busy_ticks)
  "$PGBENCH" -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -n -M prepared \
      -f "$WORK/floor-$n.sql" -c "$CLIENTS" -j 1 -T "$SECONDS_PER_RUN" "$FLOOR_DB" > "$WORK/pgbench.out" 2>&1 \
      || { cat "$WORK/pgbench.out" >&2; exit 1; }
  after=$(busy_ticks)
  ticks=$((after - before))
  records=$("${PSQL[@]}" -d "$FLOOR_DB" -Atc "SELECT count(*) + count(acctinterval) + count(acctstoptime)
      FROM radacct WHERE nasipaddress = '10.0.0.1'")
  echo "RESULT batch=$((3 * n)) clients=$CLIENTS records_per_s=$((records / SECONDS_PER_RUN))" \
      "cpu_us_per_record=$((ticks * 1000000 / hz / records)) cores=$(awk -v t="$ticks" -v h="$hz" \
      -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.2f", t / h / s }')"
}

batches=("$@")
(( ${#batches[@]} > 0 )) || batches=(6 18 96 300)
prepare
for batch in "${batches[@]}"; do
  run "$batch"
done
"${PSQL[@]}" -d postgres -c "DROP DATABASE $FLOOR_DB WITH (FORCE)"
