#!/usr/bin/env bash
# Lighthouse's accessibility and best-practices scores for each kind of
# reader page, on a fresh demo site. Usage: e2e/lighthouse.sh
# Needs node/npm (Lighthouse comes from the npm registry into
# e2e/node_modules on first use) and Chromium ($NEWS_CHROMIUM, default
# /usr/bin/chromium). Reports go to e2e/lighthouse/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
LH_VERSION=12.2.3
export CHROME_PATH=${NEWS_CHROMIUM:-/usr/bin/chromium}

have=$(node -p 'try { require("./node_modules/lighthouse/package.json").version } catch { "" }')
if [ "$have" != "$LH_VERSION" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix . "lighthouse@$LH_VERSION" >/dev/null
fi

work=$(mktemp -d)
out=lighthouse
mkdir -p "$out"
(cd .. && go build -o "$work/news" .)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$work/news" --addr "127.0.0.1:$port" --db "$work/news.db" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs -o /dev/null "$base/" && break; sleep 0.2; done

article=$(curl -fs "$base/" | grep -o 'class="lead-title"><a href="[^"]*"' | sed 's/.*href="//; s/"$//')
comment=$(curl -fs "$base$article" | grep -o 'id="comment-[0-9]*"' | head -n 1 | grep -o '[0-9]*')
pages=(
  "front /"
  "article $article"
  "article-reply $article?reply=$comment"
  "section /category/world-news"
  "tag /tag/climate"
  "author /author/maria-okafor"
  "search /search?q=climate"
  "page /about"
  "corrections /corrections"
  "not-found /world-news/no-such-story"
)
printf '%-14s %13s %15s\n' page accessibility best-practices
for p in "${pages[@]}"; do
  name=${p%% *}
  path=${p#* }
  node node_modules/lighthouse/cli/index.js "$base$path" --quiet \
    --only-categories=accessibility,best-practices --ignore-status-code --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, s = k => c[k] ? Math.round(c[k].score * 100) : "error";
    console.log(process.argv[2].padEnd(14), String(s("accessibility")).padStart(13), String(s("best-practices")).padStart(15));
    for (const k of ["accessibility", "best-practices"]) {
      for (const ref of (c[k] || {auditRefs: []}).auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.id + ": " + a.title);
      }
    }' "$PWD/$out/$name.json" "$name"
done
