#!/usr/bin/env bash
# Live coverage under load, on this machine, in one go:
#
#   bench/live.sh
#
# Runs on a fresh demo site each, alternating ROUNDS times: without open
# streams, then with CONNS Server-Sent Events streams open to the demo's
# live article (alternating, because the machine is shared and its load
# drifts).
# In each run an editor posts an entry every second for DURATION while wrk
# reads other reader pages (front page, two sections, the seed article).
# Reports the time from posting an entry to its reaching every stream
# (p50, p99, max), the server's peak memory (VmHWM), and the reads a second
# with the streams against without them.
#
# Environment: CONNS (2000), DURATION (60, seconds), READ_CONNS (16), ROUNDS (2).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=$PWD/bench/out/live
CONNS=${CONNS:-2000}
DURATION=${DURATION:-60}
READ_CONNS=${READ_CONNS:-16}
ROUNDS=${ROUNDS:-2}
PORT=18090
URL=http://127.0.0.1:$PORT
EMAIL=bench-editor@example.com
PASSWORD=bench-editor-password-2026

# Both ends hold thousands of sockets: as many open files as allowed.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 2 * CONNS + 200)); then
	echo "open-file limit $(ulimit -n) is too low for $CONNS streams at both ends" >&2
	exit 1
fi
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
echo "building"
go build -o "$OUT/news" .
go build -o "$OUT/livebench" ./bench/live

cat >"$OUT/pages.lua" <<'LUA'
local paths = {"/", "/category/world-news", "/category/sports",
  "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

SITE_PID=""
cleanup() { [[ -n $SITE_PID ]] && kill "$SITE_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

# one_run CONNS: a fresh site, the streams, the posting and the reads.
one_run() {
	local conns=$1 db=$OUT/live-$1.db
	rm -f "$db" "$db-wal" "$db-shm"
	"$OUT/news" --addr "127.0.0.1:$PORT" --db "$db" --cache-size 64 >"$OUT/site-$conns.log" 2>&1 &
	SITE_PID=$!
	for _ in $(seq 1 200); do curl -fso /dev/null "$URL/" && break; sleep 0.05; done
	echo "$PASSWORD" | "$OUT/news" user add --db "$db" --email "$EMAIL" --name "Bench Editor" --role editor >/dev/null
	"$OUT/livebench" -url "$URL" -email "$EMAIL" -password "$PASSWORD" -conns "$conns" \
		-duration "${DURATION}s" >"$OUT/bench-$conns.txt" 2>&1 &
	local bench=$!
	until grep -q "streams open" "$OUT/bench-$conns.txt" 2>/dev/null; do
		kill -0 "$bench" 2>/dev/null || { cat "$OUT/bench-$conns.txt"; exit 1; }
		sleep 0.2
	done
	sleep 2 # the posting has begun
	wrk -t1 -c"$READ_CONNS" -d"$((DURATION - 6))s" -s "$OUT/pages.lua" "$URL" >"$OUT/wrk-$conns.txt"
	wait "$bench"
	local hwm
	hwm=$(awk '/VmHWM/ {print $2}' "/proc/$SITE_PID/status")
	kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""
	local rps
	rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$conns.txt")
	SUM[$conns]=$(awk -v a="${SUM[$conns]:-0}" -v b="$rps" 'BEGIN { print a + b }')
	echo "--- $conns streams"
	cat "$OUT/bench-$conns.txt"
	echo "other reader pages: $rps reads/s; server peak memory $((hwm / 1024)) MB"
}

declare -A SUM
for _ in $(seq 1 "$ROUNDS"); do
	one_run 0
	one_run "$CONNS"
done
awk -v a="${SUM[$CONNS]}" -v b="${SUM[0]}" -v n="$CONNS" -v r="$ROUNDS" \
	'BEGIN { printf "reads with %d streams / without, over %d rounds: %.2f\n", n, r, a / b }'
