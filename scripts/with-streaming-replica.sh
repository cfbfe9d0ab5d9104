#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL 15 primary and a streaming replica of it, on free ports
# in a temporary directory, without touching the machine's own server. The command gets:
#   PRIMARY_URL        postgres://postgres@127.0.0.1:PORT1/postgres
#   REPLICA_URL        postgres://postgres@127.0.0.1:PORT2/postgres (read-only, streaming from the primary)
#   TEST_DATABASE_URL  = PRIMARY_URL (the API test helpers create their databases there)
#   REPLICA_STOP_CMD   a shell command that stops the replica (to test reads while it is down)
#   REPLICA_START_CMD  a shell command that starts it again
# Both servers are stopped and the directory removed afterwards, whatever happens.
# Usage: bash scripts/with-streaming-replica.sh COMMAND [ARGS…]
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$bin/initdb" ]; then
  echo "FAIL: no PostgreSQL binaries in $bin (apt-get install -y postgresql, or set PG_BIN)" >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS…]" >&2
  exit 2
fi

# The servers refuse to run as root: as root, run them as the postgres OS user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/cpm-replica.XXXXXX")
[ ${#as_owner[@]} -eq 0 ] || chown postgres: "$dir"

stop_all() {
  local code=$?
  for node in replica primary; do
    if [ -f "$dir/$node/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/$node" -m fast -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$dir"
  exit "$code"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "FAIL: $1" >&2
  for log in "$dir"/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }; done
  exit 1
}

primary_port=$(free_port)
replica_port=$(free_port)
while [ "$replica_port" = "$primary_port" ]; do replica_port=$(free_port); done

start_server() { # name port
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/$1" -l "$dir/$1.log" -w -t 60 \
    -o "-p $2 -k $dir -c listen_addresses=127.0.0.1" start >/dev/null || fail "the $1 did not start"
}

"${as_owner[@]}" "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust >"$dir/initdb.log" 2>&1 ||
  fail "initdb failed"
echo "host replication all 127.0.0.1/32 trust" >>"$dir/primary/pg_hba.conf"
start_server primary "$primary_port"
"${as_owner[@]}" "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream \
  >"$dir/basebackup.log" 2>&1 || fail "pg_basebackup failed"
start_server replica "$replica_port"

export PRIMARY_URL="postgres://postgres@127.0.0.1:$primary_port/postgres"
export REPLICA_URL="postgres://postgres@127.0.0.1:$replica_port/postgres"
export TEST_DATABASE_URL=$PRIMARY_URL
printf -v REPLICA_STOP_CMD '%q ' "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/replica" -m fast -w stop
printf -v REPLICA_START_CMD '%q ' "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t 60 \
  -o "-p $replica_port -k $dir -c listen_addresses=127.0.0.1" start
export REPLICA_STOP_CMD REPLICA_START_CMD
echo "primary at 127.0.0.1:$primary_port, streaming replica at 127.0.0.1:$replica_port (in $dir)"
"$@"
