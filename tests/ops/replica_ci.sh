#!/usr/bin/env bash
# A primary and a streaming replica (pg_basebackup -R) of their own, on free ports under /tmp, then
# tests/ops/replica_check.py against them; both stopped on exit. Needs root (runs PostgreSQL as postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-$PWD/.venv}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
WORK=$(mktemp -d /tmp/danvan-replica.XXXXXX)
chmod 755 "$WORK"
PRIMARY=$WORK/primary REPLICA=$WORK/replica
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
P1=$(free_port); P2=$(free_port)
pg() { runuser -u postgres -- "$@"; }
stop() {
  pg "$PGBIN/pg_ctl" -D "$REPLICA" -m immediate stop >/dev/null 2>&1 || true
  pg "$PGBIN/pg_ctl" -D "$PRIMARY" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT
chown postgres: "$WORK"

echo "== Streaming replica (primary :$P1, replica :$P2)"
pg "$PGBIN/initdb" -D "$PRIMARY" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
pg "$PGBIN/pg_ctl" -D "$PRIMARY" -l "$WORK/primary.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $P1 -k $WORK -c fsync=off -c wal_level=replica" start >/dev/null
pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$REPLICA" -R -X stream
pg "$PGBIN/pg_ctl" -D "$REPLICA" -l "$WORK/replica.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $P2 -k $WORK -c fsync=off -c hot_standby=on" start >/dev/null
pg "$PGBIN/createdb" -h 127.0.0.1 -p "$P1" danvan

DANVAN_DEBUG=true DANVAN_REPLICA_MAX_LAG_SECONDS=1 \
  DATABASE_URL="postgres://postgres@127.0.0.1:$P1/danvan" DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$P2/danvan" \
  REPLICA_STOP_COMMAND="runuser -u postgres -- $PGBIN/pg_ctl -D $REPLICA -m fast -w stop >/dev/null" \
  "$VENV/bin/python" -m tests.ops.replica_check
