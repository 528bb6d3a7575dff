#!/usr/bin/env bash
# Builds pgvector from Debian's own source package and installs it into the local PostgreSQL 15.
# Idempotent: exits at once when the extension is already installed. Needs root and apt.
set -euo pipefail
pg_config=/usr/lib/postgresql/15/bin/pg_config
if [ -f "$($pg_config --sharedir)/extension/vector.control" ]; then
  echo "pgvector: already installed"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
# A private source list for trixie's source packages, derived from the machine's own Debian entry.
awk 'BEGIN{RS="";ORS="\n\n"} NR==1' /etc/apt/sources.list.d/debian.sources \
  | sed -e 's/^Types: .*/Types: deb-src/' -e 's/^Suites: .*/Suites: trixie/' > "$work/src.sources"
apt_src=(-o Dir::Etc::sourcelist="$work/src.sources" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists")
apt-get -qq "${apt_src[@]}" update
(cd "$work" && apt-get -qq "${apt_src[@]}" source --download-only pgvector)
apt-get update -qq && apt-get install -y -qq postgresql-server-dev-15 >/dev/null
tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
make -s -C "$work"/pgvector-*/ PG_CONFIG=$pg_config -j2
make -s -C "$work"/pgvector-*/ PG_CONFIG=$pg_config install
echo "pgvector: installed"
