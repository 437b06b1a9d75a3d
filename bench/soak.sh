#!/bin/sh
# Soak test: builds the news binary, starts it on a loopback port with a
# new database (demo content, comments published at once), runs readers
# and 100 concurrent commenters against it for 60 seconds, kills it with
# SIGKILL in the middle of a burst of comments, starts it again and checks
# that every comment acknowledged with a 303 is in the database and that
# the database passes PRAGMA integrity_check.
#
# Usage: bench/soak.sh [flags for bench/soak, e.g. -duration 30s -readers 10]
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/news-soak.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "building the binary..."
go build -o "$work/news" .
go build -o "$work/soak" ./bench/soak
"$work/soak" -bin "$work/news" -dir "$work" "$@"
