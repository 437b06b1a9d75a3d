#!/usr/bin/env bash
# Load benchmark: the site's pages against nginx serving a static copy of
# an article page, on this machine, in one run. Usage:
#
#   bench/run.sh [--pprof]
#
# Installs wrk and nginx if missing (Debian packages), builds the binary,
# generates the 100k-article / 1M-comment database under bench/out (or
# reuses it), then runs wrk (2 threads, 64 connections, 15 s after a 3 s
# warm-up) against each target and prints requests a second, p50 and p99
# latency, the ratio to the static file, and the servers' peak memory.
# With --pprof, a CPU profile of the uncached server is saved in bench/out.
#
# Environment: ARTICLES, COMMENTS (corpus size), DURATION (default 15s),
# CONNS (64), THREADS (2), PORT_BASE (18080: the site, the uncached site,
# nginx and pprof listen on PORT_BASE to PORT_BASE+3).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
ARTICLES=${ARTICLES:-100000}
COMMENTS=${COMMENTS:-1000000}
DURATION=${DURATION:-15s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PPROF=0
[[ "${1:-}" == "--pprof" ]] && PPROF=1

PORT_BASE=${PORT_BASE:-18080}
SITE_PORT=$PORT_BASE
NOCACHE_PORT=$((PORT_BASE + 1))
NGINX_PORT=$((PORT_BASE + 2))
PPROF_ADDR=127.0.0.1:$((PORT_BASE + 3))

mkdir -p "$OUT"

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need_tools

echo "building"
go build -o "$OUT/news" .

DB=$OUT/news-${ARTICLES}-${COMMENTS}.db
if [[ ! -s $DB ]]; then
	echo "generating $DB"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$OUT/news" demo --db "$DB" --articles "$ARTICLES" --comments "$COMMENTS"
else
	echo "reusing $DB"
fi

t0=$(date +%s%N)
"$OUT/news" --addr "127.0.0.1:$SITE_PORT" --db "$DB" --no-demo --cache-size 64 >"$OUT/site.log" 2>&1 &
SITE_PID=$!
PIDS+=("$SITE_PID")
wait_up "http://127.0.0.1:$SITE_PORT/"
t1=$(date +%s%N)
STARTUP_MS=$(((t1 - t0) / 1000000))

extra=()
((PPROF)) && extra=(--pprof-addr "$PPROF_ADDR")
"$OUT/news" --addr "127.0.0.1:$NOCACHE_PORT" --db "$DB" --no-demo --cache-size 0 "${extra[@]}" >"$OUT/site-nocache.log" 2>&1 &
NOCACHE_PID=$!
PIDS+=("$NOCACHE_PID")
wait_up "http://127.0.0.1:$NOCACHE_PORT/"

# The article: the newest story in the Latest posts list of the front page.
curl -fs "http://127.0.0.1:$SITE_PORT/" -o "$OUT/front.html"
links() { grep -oE 'href="/[a-z0-9-]+/[a-z0-9-]+"' | grep -vE '"/(category|tag|author|static)/' | awk -F'"' 'NR == 1 {print $2}'; }
ARTICLE=$(sed -n '/class="latest"/,/<\/ol>/p' "$OUT/front.html" | links)
[[ -n $ARTICLE ]] || ARTICLE=$(links <"$OUT/front.html")
SECTION=/category/$(echo "$ARTICLE" | cut -d/ -f2)
mkdir -p "$OUT/static" "$OUT/nginx"
curl -fs "http://127.0.0.1:$SITE_PORT$ARTICLE" -o "$OUT/static/article.html"

start_nginx nginx "$NGINX_PORT" "$OUT/static" "text/html html;" article.html

declare -A RPS P50 P99
ORDER=()
# run NAME URL: warm up, then measure with wrk.
run() {
	local name=$1 url=$2
	wrk -t"$THREADS" -c"$CONNS" -d3s "$url" >/dev/null
	local res
	res=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$url")
	RPS[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
	P50[$name]=$(awk '$1=="50%" {print $2}' <<<"$res")
	P99[$name]=$(awk '$1=="99%" {print $2}' <<<"$res")
	if grep -q "Non-2xx" <<<"$res"; then
		echo "warning: $name had non-2xx answers: $(grep Non-2xx <<<"$res")"
	fi
	ORDER+=("$name")
	printf '%-18s %10s req/s   p50 %9s   p99 %9s\n' "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}"
}

echo
echo "article $ARTICLE ($(wc -c <"$OUT/static/article.html") bytes), section $SECTION"
echo "wrk -t$THREADS -c$CONNS -d$DURATION on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo
run "static (nginx)" "http://127.0.0.1:$NGINX_PORT/article.html"
run "article cached" "http://127.0.0.1:$SITE_PORT$ARTICLE"
if ((PPROF)); then
	curl -fs "http://$PPROF_ADDR/debug/pprof/profile?seconds=12" -o "$OUT/uncached-article.prof" &
	PROF_PID=$!
fi
run "article uncached" "http://127.0.0.1:$NOCACHE_PORT$ARTICLE"
if ((PPROF)); then
	wait "$PROF_PID" || true
fi
run "front page" "http://127.0.0.1:$SITE_PORT/"
run "section page" "http://127.0.0.1:$SITE_PORT$SECTION"
if [[ $(curl -so /dev/null -w '%{http_code}' "http://127.0.0.1:$SITE_PORT/search?q=market") == 200 ]]; then
	run "search" "http://127.0.0.1:$SITE_PORT/search?q=market"
fi

echo
echo "ratio to the static file (requests a second):"
base=${RPS["static (nginx)"]}
for name in "${ORDER[@]}"; do
	printf '  %-18s %6.3f\n' "$name" "$(awk -v a="${RPS[$name]}" -v b="$base" 'BEGIN {print a / b}')"
done
echo
hwm() { awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$1/status"; }
echo "peak resident memory: cached server $(hwm "$SITE_PID"), uncached server $(hwm "$NOCACHE_PID")"
echo "start-up to first page served: ${STARTUP_MS} ms"
if ((PPROF)); then
	echo
	echo "CPU profile of the uncached article run: $OUT/uncached-article.prof"
	go tool pprof -top -nodecount=25 "$OUT/news" "$OUT/uncached-article.prof" 2>/dev/null | tail -26 || true
fi
