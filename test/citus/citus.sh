#!/usr/bin/env bash
# The Citus suite: a real distributed cluster (a coordinator and two
# workers, Citus 13.2 built from ../shared/vendor by its build-citus),
# started as the unprivileged user in a private directory on private
# sockets, stopped when done.  test/citus/aggregates.py then runs every
# aggregate signature of the extension, as the catalog lists it, on
# distributed tables and compares with the same query on local copies.
#
# Two databases on the same nodes: in retention_citus the extension is
# created on the coordinator only and Citus propagates it to the workers;
# in retention_citus_each it is created on every node before the nodes are
# joined.  tools/test runs this with prove; it prints TAP.
set -u -o pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
PURPOSE=citus
. "$TOP/tools/lib.sh"
. "$TOP/test/sh/tap.bash"

VENDOR=$TOP/../shared/vendor
DATA=${RETENTION_SHARED_DATA:-$TOP/../shared/data}/cdnow_sample.txt
NODES="0 1 2"
base_port=$((RET_PORT + 11))
DIR=$(mktemp -d "${TMPDIR:-/tmp}/retention-citus.XXXXXX")
chmod 700 "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"

stop_nodes() {
	local n
	for n in $NODES; do
		[ -f "$DIR/n$n/postmaster.pid" ] &&
			as_owner "$PG_BIN/pg_ctl" -D "$DIR/n$n" -m fast -w stop >/dev/null 2>&1
	done
	rm -rf "$DIR"
}
trap stop_nodes EXIT

# The rows every aggregate is fed from: the CDNOW sample.
if [ ! -r "$DATA" ]; then
	echo "1..1"
	ok 1 "the CDNOW sample is readable at $DATA"
	exit 1
fi

# Citus from the vendored source, once per PostgreSQL installation.
if [ ! -x "$VENDOR/build-citus" ]; then
	echo "1..1"
	ok 1 "Citus source and build-citus found in ../shared/vendor"
	exit 1
fi
if ! out=$(PG_CONFIG="$PG_BIN/pg_config" "$VENDOR/build-citus" 2>&1); then
	echo "1..1"
	ok 1 "Citus 13.2 builds and installs"
	printf '%s\n' "$out" | tail -20 | sed 's/^/#   /'
	exit 1
fi

start_node() {
	local n=$1 port=$((base_port + $1))
	as_owner "$PG_BIN/initdb" -D "$DIR/n$n" -U postgres -A trust --no-sync >/dev/null || return 1
	cat >>"$DIR/n$n/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$DIR'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
max_worker_processes = 16
shared_preload_libraries = 'citus'
citus.coordinator_aggregation_strategy = 'disabled'
# One TimeZone on every node: cohort_retention's timestamptz states record
# the zone their periods were counted in and refuse to merge across zones.
timezone = 'UTC'
CONF
	as_owner "$PG_BIN/pg_ctl" -D "$DIR/n$n" -l "$DIR/n$n.log" -w start >/dev/null
}
for n in $NODES; do
	if ! start_node "$n"; then
		echo "1..1"
		ok 1 "a Citus node starts"
		cat "$DIR/n$n.log" 2>/dev/null | tail -20 | sed 's/^/#   /'
		exit 1
	fi
done
at() { local n=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h "$DIR" -p $((base_port + n)) -U postgres "$@"; }

# Two databases: the extension propagated from the coordinator, or created
# on every node first.
setup_db() {
	local db=$1 each=$2 n
	for n in $NODES; do
		at "$n" -d postgres -c "CREATE DATABASE $db" &&
			at "$n" -d "$db" -c "CREATE EXTENSION citus" || return 1
		if [ "$each" = 1 ]; then
			at "$n" -d "$db" -c "CREATE EXTENSION retention" || return 1
		fi
	done
	at 0 -d "$db" -c "SELECT citus_set_coordinator_host('$DIR', $base_port)" \
		-c "SELECT citus_add_node('$DIR', $((base_port + 1)))" \
		-c "SELECT citus_add_node('$DIR', $((base_port + 2)))" >/dev/null || return 1
	if [ "$each" = 0 ]; then
		at 0 -d "$db" -c "CREATE EXTENSION retention" || return 1
	fi
}
# A third database keeps retention 1.1 (created on every node first): its
# keyed transition functions are the 1.1 symbols of src/compat.c, which
# Citus calls without a call expression.
setup_db_11() {
	local db=retention_citus_11 n
	for n in $NODES; do
		at "$n" -d postgres -c "CREATE DATABASE $db" &&
			at "$n" -d "$db" -c "CREATE EXTENSION citus" -c "CREATE EXTENSION retention VERSION '1.1'" || return 1
	done
	at 0 -d "$db" -c "SELECT citus_set_coordinator_host('$DIR', $base_port)" \
		-c "SELECT citus_add_node('$DIR', $((base_port + 1)))" \
		-c "SELECT citus_add_node('$DIR', $((base_port + 2)))" >/dev/null
}
if ! out=$(setup_db retention_citus 0 2>&1 && setup_db retention_citus_each 1 2>&1 && setup_db_11 2>&1); then
	echo "1..1"
	ok 1 "a coordinator and two workers with the extension"
	printf '%s\n' "$out" | tail -20 | sed 's/^/#   /'
	exit 1
fi

# The Python part prints the TAP plan and lines.
/usr/bin/python3 "$HERE/aggregates.py" --host "$DIR" --port "$base_port" --data "$DATA"
