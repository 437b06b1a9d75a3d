#!/usr/bin/env bash
# Reads during writes: how fast reader pages stay while the site is
# written to, on the 100 000-article / 1 000 000-comment database of
# bench/run.sh. Usage:
#
#   bench/writes.sh
#
# wrk (-t2 -c64, as bench/run.sh) reads over at least 1 000 distinct reader
# URLs (articles, sections, tags, authors, the front page) while
# bench/writes posts comments from many client addresses (the site trusts
# X-Forwarded-For from 127.0.0.1) to the 20 newest articles: held for
# moderation at 1 and 10 a second, published at once at 10 a second; then
# an editor publishing an article every 30 s (one at the start of each
# such phase). Each write phase runs between
# no-write phases, twice over; the script prints requests a second and p99
# of every phase, and for each kind of write the median ratio of its
# throughput to the mean of its neighbouring no-write phases. Then Varnish
# (the shipped VCL) serving a cached article against nginx serving the same
# bytes as a static file.
#
# Environment: DURATION (seconds a phase, default 30), CONNS (64), THREADS (2),
# PORT_BASE (18090: the site, then Varnish and nginx on the next two).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
DUR=${DURATION:-30}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PORT_BASE=${PORT_BASE:-18090}
SITE_PORT=$PORT_BASE
VARNISH_PORT=$((PORT_BASE + 1))
NGINX_PORT=$((PORT_BASE + 2))
SITE=http://127.0.0.1:$SITE_PORT
DB=$OUT/news-100000-1000000.db
mkdir -p "$OUT"

echo "building"
go build -o "$OUT/news" .
go build -o "$OUT/writes" ./bench/writes
if [[ ! -s $DB ]]; then
	echo "generating $DB (takes several minutes)"
	"$OUT/news" demo --db "$DB" --articles 100000 --comments 1000000
fi
# Writes change the database: measure on a copy.
cp "$DB" "$OUT/writes.db"
rm -f "$OUT/writes.db-wal" "$OUT/writes.db-shm"

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need_tools

"$OUT/news" --addr "127.0.0.1:$SITE_PORT" --db "$OUT/writes.db" --no-demo --cache-size 512 \
	--trusted-proxy 127.0.0.1 --purge-style varnish >"$OUT/writes-site.log" 2>&1 &
PIDS+=("$!")
wait_up "$SITE/"

# The reader URLs: articles spread over the archive (from the sitemap),
# every section, and the tags and authors their pages link to.
curl -fs "$SITE/sitemaps/articles/1.xml" | grep -oE '<loc>[^<]+</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' |
	awk 'NR % 50 == 1 && n++ < 900' >"$OUT/urls.txt"
curl -fs "$SITE/sitemaps/sections.xml" | grep -oE '<loc>[^<]+</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' >>"$OUT/urls.txt"
for p in $(head -60 "$OUT/urls.txt"); do
	curl -fs "$SITE$p" | grep -oE 'href="/(tag|author)/[a-z0-9-]+"' | cut -d'"' -f2
done | sort -u >>"$OUT/urls.txt"
echo / >>"$OUT/urls.txt"
sort -u "$OUT/urls.txt" -o "$OUT/urls.txt"
NURLS=$(wc -l <"$OUT/urls.txt")
cat >"$OUT/urls.lua" <<EOF
local paths = {}
for line in io.lines("$OUT/urls.txt") do paths[#paths + 1] = line end
math.randomseed(7)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
EOF
"$OUT/writes" -site "$SITE" -db "$OUT/writes.db" -mode setup
echo "$NURLS reader URLs; wrk -t$THREADS -c$CONNS, ${DUR}s a phase, on $(nproc) cores"
# Warm the cache over every URL once.
wrk -t"$THREADS" -c"$CONNS" -d"${DUR}s" -s "$OUT/urls.lua" "$SITE" >/dev/null

declare -A RPS P99
ORDER=()
phase() { # NAME SECONDS [WRITER ARGS...]
	local name=$1 secs=$2
	shift 2
	local wpid=""
	if (($#)); then
		"$OUT/writes" -site "$SITE" -db "$OUT/writes.db" -for "${secs}s" "$@" >>"$OUT/writes-writer.log" 2>&1 &
		wpid=$!
	fi
	local res
	res=$(wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --latency -s "$OUT/urls.lua" "$SITE")
	[[ -n $wpid ]] && wait "$wpid"
	RPS[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
	P99[$name]=$(awk '$1=="99%" {print $2}' <<<"$res")
	ORDER+=("$name")
	printf '%-16s %10s req/s   p99 %9s\n' "$name" "${RPS[$name]}" "${P99[$name]}"
}

for round in 1 2; do
	phase "base$round.0" "$DUR"
	phase "held1.$round" "$DUR" -mode held -rate 1
	phase "base$round.1" "$DUR"
	phase "held10.$round" "$DUR" -mode held -rate 10
	phase "base$round.2" "$DUR"
	phase "pub10.$round" "$DUR" -mode published -rate 10
	phase "base$round.3" "$DUR"
	phase "editor.$round" "$DUR" -mode publish -every 30s
	phase "base$round.4" "$DUR"
done
tail -n 8 "$OUT/writes-writer.log"

echo
echo "median ratio of each write phase to its neighbouring no-write phases:"
ratio() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN {printf "%.3f", a / ((b + c) / 2)}'; }
for kind in held1:0:1 held10:1:2 pub10:2:3 editor:3:4; do
	IFS=: read -r name before after <<<"$kind"
	r1=$(ratio "${RPS[$name.1]}" "${RPS[base1.$before]}" "${RPS[base1.$after]}")
	r2=$(ratio "${RPS[$name.2]}" "${RPS[base2.$before]}" "${RPS[base2.$after]}")
	printf '  %-8s %s (rounds: %s, %s)\n' "$name" "$(awk -v a="$r1" -v b="$r2" 'BEGIN {printf "%.3f", (a + b) / 2}')" "$r1" "$r2"
done

# Varnish against nginx on the same bytes: one cached article, gzipped.
ARTICLE=$(grep -m1 -vE '^/(category|tag|author)/|^/$' "$OUT/urls.txt")
VDIR=$(mktemp -d /tmp/news-varnish-XXXX)
chmod 755 "$VDIR"
"$OUT/news" vcl --backend "127.0.0.1:$SITE_PORT" >"$VDIR/news.vcl"
chmod 644 "$VDIR/news.vcl"
varnishd -F -a "127.0.0.1:$VARNISH_PORT" -f "$VDIR/news.vcl" -n "$VDIR/n" -s malloc,64m >"$OUT/varnish.log" 2>&1 &
PIDS+=("$!")
wait_up "http://127.0.0.1:$VARNISH_PORT/"
mkdir -p "$OUT/static"
curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$VARNISH_PORT$ARTICLE" -o "$OUT/static/article.gz"
start_nginx nginx-gz "$NGINX_PORT" "$OUT/static" "text/html gz;" article.gz "add_header Content-Encoding gzip;"
edge() { # NAME URL
	wrk -t"$THREADS" -c"$CONNS" -d3s -H 'Accept-Encoding: gzip' "$2" >/dev/null
	local res
	res=$(wrk -t"$THREADS" -c"$CONNS" -d"${DUR}s" --latency -H 'Accept-Encoding: gzip' "$2")
	RPS[$1]=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
	printf '%-16s %10s req/s   p99 %9s\n' "$1" "${RPS[$1]}" "$(awk '$1=="99%" {print $2}' <<<"$res")"
}
echo
echo "one cached article ($ARTICLE, $(wc -c <"$OUT/static/article.gz") bytes gzipped):"
edge "nginx static" "http://127.0.0.1:$NGINX_PORT/article.gz"
edge "varnish" "http://127.0.0.1:$VARNISH_PORT$ARTICLE"
echo "  varnish / nginx: $(awk -v a="${RPS[varnish]}" -v b="${RPS["nginx static"]}" 'BEGIN {printf "%.3f", a / b}')"
