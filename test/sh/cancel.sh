#!/usr/bin/env bash
# Cancellation: long aggregates stop soon after statement_timeout or a
# pg_cancel_backend from another session, with SQLSTATE 57014, in the
# transition phase (rows), in a final function (clv_fit's optimiser, the
# sort of clv's orders) and while reading or printing big stored states; the
# session is usable afterwards.
. "$(dirname "$0")/tap.bash"
plan 20

DB=ret_cancel
sql -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1
sql -d $DB -c 'CREATE EXTENSION retention' >/dev/null
trap 'sql -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT

now() { date +%s.%N; }

# timeout_test <description> <query>: statement_timeout = 1s stops it
# within 2.5 s (the limit leaves room for a loaded machine) with 57014.
timeout_test() {
	local t0 t1 out
	t0=$(now)
	out=$(psql -X -q -At -d $DB -v VERBOSITY=verbose -c "SET max_parallel_workers_per_gather = 0" \
		-c "SET statement_timeout = '1s'" -c "$2" -c "SELECT 'alive'" 2>&1)
	t1=$(now)
	like "$out" "57014" "$1: canceled by statement_timeout (57014)"
	awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 2.5) }'
	ok $? "$1: stopped in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s (< 2.5 s)"
}

timeout_test "nps over 50M rows" \
	"SELECT nps((g % 11)::int) FROM generate_series(1, 50000000) g"
timeout_test "repeat_purchase_ratio over 50M distinct customers" \
	"SELECT repeat_purchase_ratio(g) FROM generate_series(1, 50000000) g"
timeout_test "stickiness over 50M (user, day) pairs" \
	"SELECT stickiness(g % 1000000, date '2026-01-01' + g % 365) FROM generate_series(1, 50000000) g"

# clv_fit: the state of 600k customers with nearly as many distinct
# (frequency, recency, age) and (frequency, monetary) summaries (the fit
# works on distinct ones: ~8 s) is built and stored first, so that what the
# timeout interrupts is the fit in the final function.
sql -d $DB >/dev/null <<'SQL'
SET max_parallel_workers_per_gather = 0;
CREATE TABLE fit_state AS
SELECT clv_fit_state(f, CASE WHEN f = 0 THEN 0 ELSE r END, 60 + (g % 97), CASE WHEN f > 0 THEN 10 + (g % 4999) / 100.0 ELSE 0 END) AS s
  FROM (SELECT g, (g % 20)::float8 AS f, ((g % 20) * ((g * 7) % 13) / 13.0 * 2 + (g % 9973) / 9973.0)::float8 AS r
          FROM generate_series(1, 600000) g) x;
CREATE TABLE rpr_state AS SELECT repeat_purchase_ratio_state(g % 3000000) AS s FROM generate_series(1, 6000000) g;
-- clv: 4M orders of 1M customers in one stored state, in an order the
-- sort has work to do on (the final function sorts them by customer)
CREATE TABLE clv_orders_state (s clv_state);
-- stored uncompressed: what is timed is clv's own work, not pglz
ALTER TABLE clv_orders_state ALTER COLUMN s SET STORAGE external;
INSERT INTO clv_orders_state
SELECT clv_state((g::int8 * 7919) % 1000000, timestamptz '2024-01-01 00:00+00' + (g % 365) * interval '1 day',
                 (1 + g % 97)::float8, interval '52 weeks')
  FROM generate_series(1, 4000000) g;
SQL
timeout_test "clv_fit's optimiser over 600k distinct customers" "SELECT clv_fit(s) FROM fit_state"
timeout_test "reading stored distinct-customer states (3M customers, 40 times)" \
	"SELECT repeat_purchase_ratio(s) FROM rpr_state, generate_series(1, 40)"
# the sort in clv's final function, then the summaries and the fit
timeout_test "clv over a stored state of 4M orders (the final function's sort)" \
	"SELECT clv(s) FROM clv_orders_state"
# the text output sorts the orders too
timeout_test "clv_state's text output of 4M orders (sorted)" \
	"SELECT length(s::text) FROM clv_orders_state"

# pg_cancel_backend from a second session.
cancel_test() {
	local out pid t0 t1 bg
	out=$(mktemp)
	psql -X -q -At -d $DB -c "SET max_parallel_workers_per_gather = 0" -c "SET application_name = 'ret_cancel_me'" \
		-c "$2" -c "SELECT 'alive'" >"$out" 2>&1 &
	bg=$!
	pid=
	for _ in $(seq 1 100); do
		pid=$(sql -d $DB -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'ret_cancel_me' AND state = 'active' AND query NOT LIKE 'SET%'")
		[ -n "$pid" ] && break
		sleep 0.1
	done
	sleep 0.5
	t0=$(now)
	sql -c "SELECT pg_cancel_backend($pid)" >/dev/null
	wait $bg
	t1=$(now)
	like "$(cat "$out")" "canceling statement due to user request" "$1: pg_cancel_backend from another session stops it"
	awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 2.5) }'
	ok $? "$1: stopped $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s after the cancel (< 2.5 s)"
	rm -f "$out"
}
cancel_test "repeat_purchase_ratio over 50M rows" "SELECT repeat_purchase_ratio(g) FROM generate_series(1, 50000000) g"
cancel_test "clv_fit's optimiser" "SELECT clv_fit(s) FROM fit_state"
cancel_test "clv over a stored state of 4M orders" "SELECT clv(s) FROM clv_orders_state"
