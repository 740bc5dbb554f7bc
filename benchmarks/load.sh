#!/usr/bin/env bash
# Runs the load generator pinned to one core, $RUNS times, and prints every run's RESULT line and the medians.
#
#   benchmarks/load.sh --type pap --server 127.0.0.1:18212
#   benchmarks/load.sh --type acct --server 127.0.0.1:18213
#
# Any generator option can be given (see --help); the defaults here are the README's: window 64, 10,000 users,
# 5 s warm-up, 15 s measured, secret testing123. Build first: mvn -B -o -pl radius-core,benchmarks -am package
#
# Each run also reports how much CPU other processes took meanwhile ("others"), from /proc: on a shared machine
# a run with others well above 0.05 cores measured the neighbours too. SERVER_PID names the server's process
# (default: the one benchmarks/freeradius-bench.sh started) so that its CPU is not counted as others'.
# MAX_OTHERS=0.05 discards runs whose others exceed it and tries again, MAX_ATTEMPTS times in all at most.
# REALTIME=1 runs the generator under SCHED_RR (chrt -r 1, as root) for a machine shared with busy neighbours:
# nice -20 is not enough there, as the kernel's EEVDF scheduler lets a running neighbour finish its slice before
# a woken task runs, which adds milliseconds per request; a realtime task preempts at once.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-$HERE/target/benchmarks.jar}
RUNS=${RUNS:-3}
CORE=${CORE:-0}
PRIORITY=()
[[ "${REALTIME:-0}" == 1 ]] && PRIORITY=(chrt -r 1)
SERVER_PID=${SERVER_PID:-$(cat /tmp/pirog-bench-freeradius/freeradius.pid 2>/dev/null || echo 0)}
MAX_OTHERS=${MAX_OTHERS:-}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-$((RUNS * 5))}
HZ=$(getconf CLK_TCK)

busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
process_jiffies() { [[ "$1" != 0 && -r /proc/$1/stat ]] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }

results=$(mktemp)
output=$(mktemp)
trap 'rm -f "$results" "$output"' EXIT
accepted=0
for attempt in $(seq "$MAX_ATTEMPTS"); do
  [[ $accepted -lt $RUNS ]] || break
  echo "== run $((accepted + 1)) of $RUNS (attempt $attempt)"
  busy0=$(busy_jiffies); server0=$(process_jiffies "$SERVER_PID"); wall0=$(date +%s.%N)
  "${PRIORITY[@]}" taskset -c "$CORE" "$JAVA" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -XX:+AlwaysPreTouch \
    -Dio.netty.leakDetection.level=disabled \
    -cp "$JAR" org.pirog.radius.benchmarks.load.LoadGenerator \
    --window 64 --users 10000 --warmup 5 --duration 15 --secret testing123 "$@" >"$output" &
  generator=$!
  last=0
  while kill -0 "$generator" 2>/dev/null; do last=$(process_jiffies "$generator"); sleep 0.2; done
  status=0; wait "$generator" || status=$?
  busy1=$(busy_jiffies); server1=$(process_jiffies "$SERVER_PID"); wall1=$(date +%s.%N)
  cat "$output"
  [[ $status -le 1 ]] || exit "$status"
  others=$(awk -v b="$((busy1 - busy0))" -v g="$last" -v s="$((server1 - server0))" -v w0="$wall0" -v w1="$wall1" \
    -v hz="$HZ" 'BEGIN { o = (b - g - s) / hz / (w1 - w0); printf "%.2f", o < 0 ? 0 : o }')
  server=$(awk -v s="$((server1 - server0))" -v w0="$wall0" -v w1="$wall1" -v hz="$HZ" \
    'BEGIN { printf "%.2f", s / hz / (w1 - w0) }')
  echo "server     $server cores of CPU on average during the run (pid $SERVER_PID, warm-up included)"
  echo "others     $others cores of CPU on average during the run"
  if [[ -n "$MAX_OTHERS" ]] && awk -v o="$others" -v m="$MAX_OTHERS" 'BEGIN { exit !(o > m) }'; then
    echo "discarded: other processes took more than $MAX_OTHERS cores"
    sleep 5
    continue
  fi
  sed "s/^RESULT .*/& server_cores=$server others_cores=$others/" "$output" | grep '^RESULT' >> "$results"
  accepted=$((accepted + 1))
done
[[ $accepted -gt 0 ]] || { echo "no run accepted in $MAX_ATTEMPTS attempts" >&2; exit 1; }

# Median of each figure over the runs (each figure on its own, so p99 need not come from the median-rate run).
median() { grep '^RESULT' "$results" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2 | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "MEDIAN of $accepted: rate=$(median rate) p50_ms=$(median p50_ms) p99_ms=$(median p99_ms) p999_ms=$(median p999_ms) lost=$(median lost) wrong=$(median wrong) server_cores=$(median server_cores) others_cores=$(median others_cores)"
