#!/usr/bin/env bash
# tools/test --deep: concurrency.  pgbench runs 8 clients for 60 s (set
# RET_BENCH_SECONDS to change) over one table: inserting answers and orders,
# reading metrics with parallel plans, storing daily states and merging
# them, updating stored states in place (rollups), all at once.  Then the
# stored states merged must equal the metrics recomputed from the rows, and
# the server must have logged no crash.
. "$(dirname "$0")/../sh/tap.bash"
plan 5
DB=ret_bench
SECS=${RET_BENCH_SECONDS:-60}
WORK=$(mktemp -d)
cleanup() { sql -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; rm -rf "$WORK"; }
cleanup
WORK=$(mktemp -d)
trap cleanup EXIT
sql -c "CREATE DATABASE $DB" >/dev/null
sql -d $DB >/dev/null <<'SQL'
CREATE EXTENSION retention;
CREATE TABLE rows (id bigserial, day int NOT NULL, customer int NOT NULL, score int NOT NULL);
CREATE INDEX ON rows (day);
INSERT INTO rows (day, customer, score)
SELECT g % 30, (g * 7919) % 5000, g % 11 FROM generate_series(1, 200000) g;
ALTER TABLE rows SET (parallel_workers = 2);
ANALYZE rows;
-- one stored state per day, rebuilt from its rows by the clients
CREATE TABLE daily (day int PRIMARY KEY, nps nps_state, rpr repeat_purchase_ratio_state);
INSERT INTO daily SELECT day, nps_state(score), repeat_purchase_ratio_state(customer) FROM rows GROUP BY day;
SQL

cat >"$WORK/insert.sql" <<'SQL'
\set day random(0, 29)
\set customer random(0, 9999)
\set score random(0, 10)
BEGIN;
INSERT INTO rows (day, customer, score) VALUES (:day, :customer, :score);
UPDATE daily SET nps = nps_state_combine(nps, (SELECT nps_state(:score))),
                 rpr = repeat_purchase_ratio_state_combine(rpr, (SELECT repeat_purchase_ratio_state(:customer)))
 WHERE day = :day;
COMMIT;
SQL
cat >"$WORK/read.sql" <<'SQL'
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT nps(score), repeat_purchase_ratio(customer), purchase_frequency(customer) FROM rows;
SQL
cat >"$WORK/rollup.sql" <<'SQL'
\set day random(0, 29)
SELECT nps(nps), repeat_purchase_ratio(rpr), repeat_purchase_ratio_state(rpr) IS NOT NULL FROM daily;
SELECT nps(nps) OVER (ORDER BY day ROWS 6 PRECEDING) FROM daily WHERE day BETWEEN :day - 7 AND :day;
SELECT nps_state(score)::text::nps_state IS NOT NULL FROM rows WHERE day = :day;
SQL
cat >"$WORK/rebuild.sql" <<'SQL'
\set day random(0, 29)
BEGIN;
SELECT 1 FROM daily WHERE day = :day FOR UPDATE;
UPDATE daily SET (nps, rpr) = (SELECT nps_state(score), repeat_purchase_ratio_state(customer) FROM rows WHERE day = :day)
 WHERE day = :day;
COMMIT;
SQL

out=$(pgbench -n -c 8 -j 2 -T "$SECS" -f "$WORK/insert.sql@10" -f "$WORK/read.sql@1" \
	-f "$WORK/rollup.sql@5" -f "$WORK/rebuild.sql@2" $DB 2>&1)
rc=$?
printf '%s\n' "$out" | grep -E '^(number of|latency average|tps|pgbench: error)' | sed 's/^/#   /'
ok $rc "pgbench: 8 clients, $SECS s of inserts, parallel reads, rollups and rebuilds"
tx=$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
[ "${tx:-0}" -gt 100 ]
ok $? "pgbench processed ${tx:-0} transactions"
is "$(sql -d $DB -c "SELECT nps(nps)::text, repeat_purchase_ratio(rpr)::text FROM daily")" \
	"$(sql -d $DB -c "SELECT nps(score)::text, repeat_purchase_ratio(customer)::text FROM rows")" \
	"the stored daily states merged equal the metrics of all rows"
is "$(sql -d $DB -c "SELECT count(*) FROM daily d WHERE nps::text <> (SELECT nps_state(score)::text FROM rows r WHERE r.day = d.day) OR rpr::text <> (SELECT repeat_purchase_ratio_state(customer)::text FROM rows r WHERE r.day = d.day)")" \
	"0" "every stored daily state equals its day's state recomputed"
is "$(sql -d $DB -c "SELECT 'alive'")" "alive" "the server is up"
