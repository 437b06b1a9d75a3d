# Shared by bench/run.sh and bench/writes.sh (sourced, not run): the
# processes a run starts, waiting for a server, and nginx serving a folder
# of static files as the baseline.

PIDS=()
# cleanup stops the processes the run started (their pids are in PIDS).
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

# wait_up URL: waits up to 20 s for URL to answer 2xx.
wait_up() {
	for _ in $(seq 1 400); do
		curl -fso /dev/null "$1" && return 0
		sleep 0.05
	done
	echo "nothing answers at $1" >&2
	return 1
}

# need_tools: installs wrk and nginx when missing (Debian packages).
need_tools() {
	local missing=()
	command -v wrk >/dev/null || missing+=(wrk)
	command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
	if ((${#missing[@]})); then
		echo "installing ${missing[*]}"
		local sudo=""
		[[ $(id -u) -ne 0 ]] && sudo=sudo
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# start_nginx NAME PORT ROOT TYPES FILE [SERVER_LINES]: starts nginx (2
# workers, no access log, sendfile) serving ROOT on 127.0.0.1:PORT with the
# types block TYPES (such as "text/html html;") and any extra server
# lines, its files under $OUT/nginx, and waits until it serves FILE.
start_nginx() {
	local name=$1 port=$2 root=$3 types=$4 file=$5 extra=${6:-}
	local user_line=""
	[[ $(id -u) -eq 0 ]] && user_line="user $(id -un);"
	mkdir -p "$OUT/nginx"
	cat >"$OUT/$name.conf" <<CONF
$user_line
worker_processes 2;
pid $OUT/nginx/$name.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	client_body_temp_path $OUT/nginx/body;
	proxy_temp_path $OUT/nginx/proxy;
	fastcgi_temp_path $OUT/nginx/fastcgi;
	uwsgi_temp_path $OUT/nginx/uwsgi;
	scgi_temp_path $OUT/nginx/scgi;
	types { $types }
	server {
		listen 127.0.0.1:$port;
		root $root;
		$extra
	}
}
CONF
	local nginx
	nginx=$(command -v nginx || echo /usr/sbin/nginx)
	"$nginx" -p "$OUT/nginx" -c "$OUT/$name.conf" -g 'daemon off;' &
	PIDS+=("$!")
	wait_up "http://127.0.0.1:$port/$file"
}
