#!/usr/bin/env bash
# tools/test --deep: the pg_regress suite against a server running under
# valgrind (memcheck, every backend and parallel worker), in a cluster of its
# own.  The Debian server is built without USE_VALGRIND, so valgrind sees
# reads of uninitialised or freed memory and invalid accesses outside palloc
# chunks, not overruns inside a chunk's rounding; tools/valgrind.supp holds
# the usual false positives of the server itself.
#
# VALGRIND_TAP="clv keys" also runs those pgTAP files of test/ (by name, no
# .sql) against the same server, before valgrind's logs are read: the
# pgTAP suites reach paths pg_regress does not (parallel merges of large
# sets, expanded states in windows), at 20 to 50 times their usual time.
. "$(dirname "$0")/../sh/tap.bash"
if ! command -v valgrind >/dev/null; then
	echo "1..0 # SKIP valgrind is not installed (tools/test --deep installs it as root)"
	exit 0
fi
TAP_FILES=()
for t in ${VALGRIND_TAP:-}; do
	[ -f "test/$t.sql" ] || { echo "Bail out! VALGRIND_TAP: no test/$t.sql"; exit 1; }
	TAP_FILES+=("test/$t.sql")
done
plan $((3 + (${#TAP_FILES[@]} > 0)))
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 1
PG_BIN=$(pg_config --bindir)
owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

VDIR=$(mktemp -d "${TMPDIR:-/tmp}/retention-valgrind.XXXXXX")
chmod 755 "$VDIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$VDIR"
cleanup() {
	owner "$PG_BIN/pg_ctl" -D "$VDIR/data" -m immediate -w -t 120 stop >/dev/null 2>&1
	[ "${KEEP:-0}" = 1 ] || rm -rf "$VDIR"
}
trap cleanup EXIT
owner "$PG_BIN/initdb" -D "$VDIR/data" -U postgres -A trust --no-sync >/dev/null
cat >>"$VDIR/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$VDIR'
port = ${PGPORT:-5432}
fsync = off
shared_buffers = 128MB
max_parallel_workers_per_gather = 2
CONF
owner valgrind --quiet --trace-children=yes --track-origins=yes \
	--num-callers=30 --suppressions="$TOP/tools/valgrind.supp" \
	--log-file="$VDIR/vg.%p.log" "$PG_BIN/postgres" -D "$VDIR/data" >"$VDIR/server.log" 2>&1 &
vg=$!
for _ in $(seq 1 240); do
	PGHOST=$VDIR pg_isready -q && break
	kill -0 $vg 2>/dev/null || break	# valgrind or the server gave up
	sleep 1
done
PGHOST=$VDIR pg_isready -q
ok $? "the server starts under valgrind" || cat "$VDIR/server.log" "$VDIR"/vg.*.log | tail -20 | sed 's/^/#   /'

out=$(PGHOST=$VDIR make -s installcheck PG_CONFIG="$PG_BIN/pg_config" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -E '^(test| ?ok|not ok)' | sed 's/^/#   /'
ok $rc "the pg_regress suite passes under valgrind"
if [ ${#TAP_FILES[@]} -gt 0 ]; then
	PGHOST=$VDIR psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE retention_vg_tap' >/dev/null &&
		PGHOST=$VDIR psql -X -q -v ON_ERROR_STOP=1 -d retention_vg_tap \
			-c 'CREATE EXTENSION retention' -c 'CREATE EXTENSION pgtap' >/dev/null &&
		out=$(PGHOST=$VDIR pg_prove -d retention_vg_tap "${TAP_FILES[@]}" 2>&1)
	rc=$?
	printf '%s\n' "$out" | tail -n 15 | sed 's/^/#   /'
	ok $rc "pgTAP ${TAP_FILES[*]} pass under valgrind"
fi
owner "$PG_BIN/pg_ctl" -D "$VDIR/data" -m fast -w -t 300 stop >/dev/null 2>&1

# With --quiet a process logs only its errors.
bad=$(grep -lE '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Source and|Mismatched|Argument|Process terminating)' "$VDIR"/vg.*.log 2>/dev/null)
[ -z "$bad" ]
ok $? "valgrind reports no memory errors ($(ls "$VDIR"/vg.*.log | wc -l) processes)" ||
	for f in $bad; do head -60 "$f" | sed 's/^/#   /'; done
