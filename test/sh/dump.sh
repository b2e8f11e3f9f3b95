#!/usr/bin/env bash
# pg_dump / pg_restore round trip: a database with stored states of several
# metric families in tables (fixed-size, distinct-customer sets big enough
# to be toasted, clv states), a stored clv_model, a view and materialized
# views over the aggregates is dumped (custom format) and restored into a
# new database; after REFRESH MATERIALIZED VIEW every number is the same.
. "$(dirname "$0")/tap.bash"
plan 6
P=ret_dump_
WORK=$(mktemp -d)
cleanup() {
	for d in src dst; do sql -c "DROP DATABASE IF EXISTS ${P}$d" >/dev/null 2>&1; done
	rm -rf "$WORK"
}
cleanup
WORK=$(mktemp -d)
trap cleanup EXIT
sql -c "CREATE DATABASE ${P}src" -c "CREATE DATABASE ${P}dst" >/dev/null

sql -d ${P}src >/dev/null <<'SQL'
SET TimeZone = 'UTC';
CREATE EXTENSION retention;
SELECT setseed(0.5);
-- about 3,300 customers, skewed: from one answer (order) to dozens
CREATE TABLE answers AS
SELECT g, date '2026-01-01' + floor(random() * 90)::int AS day, floor(random() * 11)::int AS score,
       1 + floor(random() * random() * 4000)::int AS customer
  FROM generate_series(1, 20000) g;
CREATE TABLE daily AS
SELECT day, nps_state(score) AS nps, csat_state(score % 5 + 1) AS csat, ces_state(score % 7 + 1) AS ces,
       repeat_purchase_ratio_state(customer) AS rpr, stickiness_state(customer, day) AS stick,
       churn_state(daterange(day - 30, day + (score * 5)), daterange('2026-02-01', '2026-03-01')) AS churn,
       revenue_state(score::numeric + 0.5, (score % 4)::numeric) AS rev,
       dso_state(score::numeric, day, day + score * 3, daterange('2026-02-01', '2026-03-01')) AS dso
  FROM answers GROUP BY day;
-- one big distinct-customer state (toasted, compressed)
CREATE TABLE whole AS SELECT repeat_purchase_ratio_state(customer) AS rpr,
       time_between_purchases_state(customer, day) AS tbp FROM answers;
CREATE TABLE per_customer AS
SELECT customer, clv_summary_state(day, (score + 1)::float8, date '2026-04-01', interval '1 week') AS s
  FROM answers GROUP BY customer;
CREATE TABLE models AS
SELECT clv_fit(frequency, recency, age, monetary) AS model, clv_fit_state(frequency, recency, age, monetary) AS fit
  FROM (SELECT (clv_summary(s)).* FROM per_customer) x;
CREATE TABLE orders_clv AS SELECT clv_state(customer::int8, day::timestamptz, (score + 1)::float8, interval '90 days') AS s
  FROM answers WHERE customer <= 300;
CREATE VIEW monthly AS
SELECT date_trunc('month', day)::date AS month, nps(nps) AS nps, csat(csat) AS csat, ces(ces) AS ces,
       repeat_purchase_ratio(rpr) AS rpr, stickiness(stick) AS stick, churn_rate(churn) AS churn,
       net_revenue_retention(rev) AS nrr, dso(dso) AS dso
  FROM daily GROUP BY 1;
CREATE MATERIALIZED VIEW raw_monthly AS
SELECT date_trunc('month', day)::date AS month, nps(score), repeat_purchase_ratio(customer),
       nps_state(score) AS state
  FROM answers GROUP BY 1;
CREATE MATERIALIZED VIEW predictions AS
SELECT customer, clv_predict(m.model, 52, (x).frequency, (x).recency, (x).age, (x).monetary, 0.01) AS value,
       clv_p_alive(m.model, (x).frequency, (x).recency, (x).age) AS p_alive
  FROM (SELECT customer, clv_summary(s) AS x FROM per_customer GROUP BY customer) c, models m;
SQL

NUMBERS=$(cat <<'SQL'
SET TimeZone = 'UTC';
SET client_min_messages = error;
SELECT * FROM monthly ORDER BY month;
SELECT month, nps, repeat_purchase_ratio, state::text FROM raw_monthly ORDER BY month;
SELECT count(*), round(sum(value)::numeric, 6), round(avg(p_alive)::numeric, 9) FROM predictions;
SELECT (SELECT repeat_purchase_ratio(rpr) FROM whole), (SELECT time_between_purchases(tbp) FROM whole),
       md5(rpr::text), md5(tbp::text), pg_column_size(rpr) < octet_length(rpr::text) FROM whole;
SELECT model::text, (SELECT clv_fit(fit) FROM models)::text = model::text FROM models;
SELECT (SELECT clv(s) FROM orders_clv), md5(s::text) FROM orders_clv;
SELECT md5(string_agg(s::text, '|' ORDER BY customer)) FROM per_customer;
SELECT md5(string_agg(concat_ws(' ', nps, csat, ces, rpr, stick, churn, rev, dso), '|' ORDER BY day)) FROM daily;
SQL
)
before=$(sql -d ${P}src -c "$NUMBERS" 2>&1)
[ "$(printf '%s\n' "$before" | wc -l)" -eq 12 ] && ! printf '%s' "$before" | grep -q ERROR
ok $? "the source database answers ($(printf '%s\n' "$before" | wc -l) lines)" || printf '%s\n' "$before" | head -5 | sed 's/^/#   /'
out=$(pg_dump -Fc -f "$WORK/src.dump" ${P}src 2>&1)
ok $? "pg_dump -Fc" || diag "$out"
out=$(pg_restore --exit-on-error -d ${P}dst "$WORK/src.dump" 2>&1)
ok $? "pg_restore into a new database" || diag "$out"
out=$(sql -d ${P}dst -c "REFRESH MATERIALIZED VIEW raw_monthly" -c "REFRESH MATERIALIZED VIEW predictions" 2>&1)
ok $? "the materialized views refresh" || diag "$out"
is "$(sql -d ${P}dst -c "$NUMBERS" 2>&1)" "$before" \
	"every number, stored state, model and view is the same after the round trip and refresh"
is "$(sql -d ${P}dst -c "SELECT extversion FROM pg_extension WHERE extname = 'retention'")" \
	"$(sql -d ${P}src -c "SELECT extversion FROM pg_extension WHERE extname = 'retention'")" "the same extension version"
