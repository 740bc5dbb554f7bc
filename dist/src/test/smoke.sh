#!/bin/sh
# Smoke test of the assembled distribution, run by `mvn verify` (dist's integration-test phase):
# radiusd -C on the shipped configuration, then radiusd -X on a loopback port answering FreeRADIUS's own radtest
# and radclient, then SIGTERM: the server must stop by itself with status 0. Needs freeradius-utils
# (.ci/run installs it).
set -eu

DIST=$1
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PID=""

fail() {
    echo "smoke: FAILED: $*" >&2
    [ -f "$WORK/out" ] && sed 's/^/smoke: radiusd: /' "$WORK/out" >&2
    exit 1
}

command -v radtest >/dev/null || fail "radtest not found: install freeradius-utils"

cp -r "$DIST/conf" "$WORK/conf"
PORT=$(python3 -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
while True:
    s2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s2.bind(("127.0.0.1", 0)); p = s2.getsockname()[1]; s2.close()
    if p < 65000:
        try:
            t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); t.bind(("127.0.0.1", p + 1)); t.close(); print(p); break
        except OSError:
            pass')

"$DIST/bin/radiusd" -C -d "$WORK/conf" >"$WORK/check" 2>&1 || { cat "$WORK/check" >&2; fail "radiusd -C rejected the shipped configuration"; }
grep -q "Configuration appears to be OK" "$WORK/check" || fail "radiusd -C did not say OK"

"$DIST/bin/radiusd" -X -d "$WORK/conf" -i 127.0.0.1 -p "$PORT" >"$WORK/out" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
    grep -q "Ready to process requests" "$WORK/out" 2>/dev/null && break
    kill -0 "$PID" 2>/dev/null || fail "radiusd exited at start"
    sleep 0.1
done
grep -q "Ready to process requests" "$WORK/out" || fail "radiusd did not get ready in 10 s"
case "$(ps -o comm= -p "$PID")" in
    java) ;;
    *) fail "PID $PID is $(ps -o comm= -p "$PID"), not the server itself" ;;
esac

radtest bob hello "127.0.0.1:$PORT" 0 testing123 >"$WORK/radtest" 2>&1 || true
grep -q "Received Access-Accept" "$WORK/radtest" || { cat "$WORK/radtest" >&2; fail "radtest bob: no Access-Accept"; }
grep -q "Framed-IP-Address = 10.10.0.2" "$WORK/radtest" || { cat "$WORK/radtest" >&2; fail "no Framed-IP-Address"; }
radtest -t chap bob hello "127.0.0.1:$PORT" 0 testing123 >"$WORK/chap" 2>&1 || true
grep -q "Received Access-Accept" "$WORK/chap" || { cat "$WORK/chap" >&2; fail "radtest -t chap bob: no Access-Accept"; }
radtest nobody nothing "127.0.0.1:$PORT" 0 testing123 >"$WORK/reject" 2>&1 || true
grep -q "Received Access-Reject" "$WORK/reject" || { cat "$WORK/reject" >&2; fail "radtest nobody: no Access-Reject"; }
printf 'User-Name = bob\nAcct-Status-Type = Start\nAcct-Session-Id = smoke1\nNAS-Port = 1\n' |
    radclient -x "127.0.0.1:$((PORT + 1))" acct testing123 >"$WORK/acct" 2>&1 || true
grep -q "Received Accounting-Response" "$WORK/acct" || { cat "$WORK/acct" >&2; fail "no Accounting-Response"; }

grep -q "Auth: (.*) Login OK: \[bob\] (from client localhost port 0)" "$WORK/out" || fail "no Login OK line"
grep -q "Login incorrect.*: \[nobody\]" "$WORK/out" || fail "no Login incorrect line"
grep -q "Received Access-Request Id" "$WORK/out" || fail "-X did not print the packets"
if grep -q "hello" "$WORK/out"; then fail "the password appears in the -X output"; fi

kill -TERM "$PID"
status=0
wait "$PID" || status=$?
PID=""
[ "$status" -eq 0 ] || fail "radiusd exited with status $status after SIGTERM"
grep -q "Exiting normally" "$WORK/out" || fail "no clean stop after SIGTERM"
echo "smoke: OK (radiusd -C, PAP, CHAP, reject, accounting, -X output, SIGTERM)"
