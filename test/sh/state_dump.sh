#!/usr/bin/env bash
# pg_dump / pg_restore of stored states built from extreme inputs (issue 25
# item 5): test/sh/state_extremes.psql fills a table with a state of every
# type per case (first and last dates and timestamps, BC, year 10000+,
# amounts near the float8, numeric and bigint limits, odd keys); the
# database is dumped (custom format) and restored into a new one, and every
# state must come back with the same text.  A state that does not even read
# back as text before the dump (a known bug of its family, listed in
# test/state_roundtrip.sql) is reported as TODO and left out, so that the
# rest of the table can still be restored and compared.
. "$(dirname "$0")/tap.bash"
plan 5
P=ret_state_dump_
WORK=$(mktemp -d)
cleanup() {
	for d in src dst; do sql -c "DROP DATABASE IF EXISTS ${P}$d" >/dev/null 2>&1; done
	rm -rf "$WORK"
}
cleanup
WORK=$(mktemp -d)
trap cleanup EXIT
sql -c "CREATE DATABASE ${P}src" -c "CREATE DATABASE ${P}dst" >/dev/null

out=$(PGOPTIONS='-c TimeZone=UTC -c client_min_messages=warning' sql -d ${P}src \
	-c "CREATE EXTENSION retention" -f "$(dirname "$0")/state_extremes.psql" 2>&1)
ok $? "states of every type built from extreme inputs" || diag "$out"

# The states that do not read back as text even without a dump.
unreadable=$(PGOPTIONS='-c TimeZone=UTC' sql -d ${P}src <<'SQL'
CREATE FUNCTION pg_temp.reads_back(c state_cases) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    original text;
    back text;
BEGIN
    EXECUTE format('SELECT %I::text FROM extreme_states WHERE label = %L', c.typ::text, c.label) INTO original;
    EXECUTE format('SELECT %L::%s::text', original, c.typ) INTO back;
    RETURN back = original;
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END
$$;
SELECT label FROM state_cases c WHERE outcome = 'value' AND NOT pg_temp.reads_back(c) ORDER BY label;
SQL
)
if [ -z "$unreadable" ]; then
	ok 0 "every stored state reads back as text"
else
	echo "not ok $((_tap_n + 1)) - every stored state reads back as text # TODO $(printf '%s' "$unreadable" | paste -sd ';' -)"
	_tap_n=$((_tap_n + 1))
	printf '%s\n' "$unreadable" | while IFS= read -r label; do
		sql -d ${P}src -c "DELETE FROM extreme_states WHERE label = \$l\$$label\$l\$" >/dev/null
	done
fi

STATES=$(cat <<'SQL'
SET TimeZone = 'UTC';
DO $$
DECLARE
    col text;
    q text := 'SELECT label';
BEGIN
    FOR col IN SELECT attname FROM pg_attribute
                WHERE attrelid = 'extreme_states'::regclass AND attnum > 1 AND NOT attisdropped ORDER BY attnum LOOP
        q := q || format(', %I::text', col);
    END LOOP;
    EXECUTE 'CREATE TEMP VIEW all_states AS ' || q || ' FROM extreme_states';
END
$$;
SELECT * FROM all_states ORDER BY label;
SQL
)
before=$(sql -d ${P}src -c "$STATES" 2>&1)
out=$(pg_dump -Fc -f "$WORK/src.dump" ${P}src 2>&1) &&
	out=$(pg_restore --exit-on-error -d ${P}dst "$WORK/src.dump" 2>&1)
ok $? "pg_dump -Fc and pg_restore into a new database" || diag "$out"
after=$(sql -d ${P}dst -c "$STATES" 2>&1)
is "$after" "$before" "every stored state has the same text after the round trip"
rows=$(sql -d ${P}dst -c "SELECT count(*) FROM extreme_states")
[ "${rows:-0}" -ge 40 ]
ok $? "the restored table has the states of every case that has one ($rows rows)"
