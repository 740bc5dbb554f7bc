# Shared by freeradius-bench.sh, pirog-bench.sh and sql-bench.sh (sourced, not run).

# Stops the process whose PID is in file $1 (SIGTERM, up to 10 s) and removes the file.
stop_pid() {
  local file=$1
  if [[ -f "$file" ]]; then
    local pid
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$file"
  fi
}

# Succeeds once a UDP socket listens on port $1, fails after $2 tries 0.2 s apart.
wait_listening() {
  local port=$1 tries=$2
  for _ in $(seq "$tries"); do
    ss -H -lun "sport = :$port" | grep -q . && return 0
    sleep 0.2
  done
  return 1
}

# Writes the load generator's $1 users (user00000 / pass00000 ..., at least 5 digits, as UserPattern.java) as
# users-file entries to standard output.
users_entries() {
  local count=$1
  local last=$((count - 1))
  local width=$(( ${#last} > 5 ? ${#last} : 5 ))
  awk -v n="$count" -v w="$width" 'BEGIN { for (i = 0; i < n; i++) printf "user%0*d\tCleartext-Password := \"pass%0*d\"\n", w, i, w, i }'
}
