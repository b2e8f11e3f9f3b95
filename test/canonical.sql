-- pgTAP tests of the canonical text of the keyed states (the customer sets
-- of src/keyset_io.c and the cohort wrappers around them) and of the forged
-- states of issue 25 item 6: every input function checks every invariant,
-- and the text form has one spelling per value.  Each non-canonical form
-- below differs from an accepted one in one piece only, and the accepted
-- one is checked to read back to itself, so a rejection is the piece's.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(102);
SET LOCAL TimeZone = 'UTC';

-- The SQLSTATE and detail of casting text t to type typ, or 'ok'.
CREATE FUNCTION pg_temp.cast_error(t text, typ text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text;
    detail text;
BEGIN
    EXECUTE format('SELECT %L::%s', t, typ);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
    RETURN st || ' ' || coalesce(detail, '');
END
$$;

-- Whether t reads back to exactly itself.
CREATE FUNCTION pg_temp.round_trip(t text, typ text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    EXECUTE format('SELECT %L::%s::text', t, typ) INTO r;
    RETURN r = t;
END
$$;

-- ===================================================================
-- Canonical forms read back to themselves (the controls of what follows)
-- ===================================================================
SELECT ok(pg_temp.round_trip(t, typ), typ || ' ' || t || ' reads back to itself')
FROM (VALUES
    ('v1 int {-9223372036854775808:1,0:2,9223372036854775807:1}', 'repeat_purchase_ratio_state'),
    ('v1 text {"":1,"a\"b\\c":1,"é":1}', 'purchase_frequency_state'),
    ('v1 uuid {0a1b2c3d-4e5f-6789-abcd-ef0123456789:3}', 'repeat_purchase_ratio_state'),
    ('v1 int min_orders=3 {1:1,2:4}', 'loyal_customer_rate_state'),
    ('v1 int {1:2:0:86400000000,5:1:-1:-1}', 'time_between_purchases_state'),
    ('v1 int {1@2024-01-01:1,1@2024-01-02:2,2@-4713-11-24:1,3@10000-01-01:1}', 'stickiness_state'),
    ('v1 text {"a"@0001-01-01:1}', 'stickiness_state'),
    ('v1 int period=1mon {1:2:0:101,3:1:0:1}', 'cohort_retention_state'),
    ('v1 int period=7d zone=Asia/Tokyo {1:1:0:1}', 'cohort_retention_state'),
    ('v1 int period=90000000us {1:1:0:1}', 'cohort_retention_state'),
    ('v1 empty {}', 'stickiness_state'),
    ('v1 mode=on | v1 int period=1mon {1:2:0:11}', 'cohort_periods_state'),
    ('v1 mode=on_or_after observed_until=-5d | v1 int period=1mon {1:2:0:11}', 'cohort_periods_state'),
    ('v1 brackets=0:0:0,0:7:0,1:0:0 | v1 int period=1us {1:2:0:11}', 'cohort_retention_brackets_state'),
    ('v1 | v1 int period=1mon {1:2:0:11}', 'recurring_retention_state')
) v(t, typ);

-- ===================================================================
-- One spelling per value: each form is the control above with one piece
-- changed, and is 22P02
-- ===================================================================
SELECT is(left(pg_temp.cast_error(t, typ), 5), '22P02', typ || ' ' || t || ': ' || why)
FROM (VALUES
    ('v1 int {+1:1}', 'repeat_purchase_ratio_state', 'a key with "+"'),
    ('v1 int {1:+1}', 'repeat_purchase_ratio_state', 'a count with "+" (issue 25: +1)'),
    ('v1 int {01:1}', 'repeat_purchase_ratio_state', 'a key with a leading zero'),
    ('v1 int {1:01}', 'repeat_purchase_ratio_state', 'a count with a leading zero'),
    ('v1 int {-0:1}', 'repeat_purchase_ratio_state', 'minus zero'),
    ('v01 int {1:1}', 'repeat_purchase_ratio_state', 'version v01 (issue 25)'),
    ('v+1 int {1:1}', 'repeat_purchase_ratio_state', 'version v+1'),
    (' v1 int {1:1}', 'repeat_purchase_ratio_state', 'a leading space'),
    ('v1 int {1:1} ', 'repeat_purchase_ratio_state', 'a trailing space'),
    ('v1  int {1:1}', 'repeat_purchase_ratio_state', 'two spaces after the version'),
    ('v1 int{1:1}', 'repeat_purchase_ratio_state', 'no space before the brace'),
    ('v1 int { 1:1}', 'repeat_purchase_ratio_state', 'a space after the brace'),
    ('v1 int {1:1,2:1 }', 'repeat_purchase_ratio_state', 'a space before the closing brace'),
    ('v1 int {1:1, 2:1}', 'repeat_purchase_ratio_state', 'a space after a comma'),
    ('v1 int {1 :1}', 'repeat_purchase_ratio_state', 'a space before a colon'),
    (E'v1\tint {1:1}', 'repeat_purchase_ratio_state', 'a tab'),
    ('v1 int {2:1,1:1}', 'repeat_purchase_ratio_state', 'keys out of order'),
    ('v1 int {1:1,1:1}', 'repeat_purchase_ratio_state', 'a key twice'),
    ('v1 int {1:1,,2:1}', 'repeat_purchase_ratio_state', 'an empty entry'),
    ('v1 int {1:}', 'repeat_purchase_ratio_state', 'an empty count'),
    ('v1 int {:1}', 'repeat_purchase_ratio_state', 'an empty key'),
    ('v1 int {1:1}x', 'repeat_purchase_ratio_state', 'trailing garbage'),
    ('v1 int {1:1,}', 'repeat_purchase_ratio_state', 'a trailing comma'),
    ('v1 text {"b":1,"a":1}', 'purchase_frequency_state', 'text keys out of order'),
    ('v1 text {"a":1,"a":2}', 'purchase_frequency_state', 'a text key twice'),
    ('v1 text {"\a":1}', 'purchase_frequency_state', 'a backslash escaping a plain letter'),
    ('v1 uuid {0A1B2C3D-4E5F-6789-ABCD-EF0123456789:3}', 'repeat_purchase_ratio_state', 'an upper-case uuid'),
    ('v1 uuid {0a1b2c3d4e5f6789abcdef0123456789:3}', 'repeat_purchase_ratio_state', 'a uuid without hyphens'),
    ('v1 uuid {{0a1b2c3d-4e5f-6789-abcd-ef0123456789}:3}', 'repeat_purchase_ratio_state', 'a uuid in braces'),
    ('v1 int min_orders=03 {1:1,2:4}', 'loyal_customer_rate_state', 'a parameter with a leading zero'),
    ('v1 int min_orders=+3 {1:1,2:4}', 'loyal_customer_rate_state', 'a parameter with "+"'),
    ('v1 int min_orders=3  {1:1,2:4}', 'loyal_customer_rate_state', 'two spaces after the parameter'),
    ('v1 int {1:2:00:86400000000,5:1:-1:-1}', 'time_between_purchases_state', 'a first time with a leading zero'),
    ('v1 int {1:2:0:+86400000000,5:1:-1:-1}', 'time_between_purchases_state', 'a last time with "+"'),
    ('v1 int {1@2024-1-1:1}', 'stickiness_state', 'a day without leading zeros'),
    ('v1 int {1@ 2024-01-01:1}', 'stickiness_state', 'a space after @ (issue 25: @ 2024-1-1)'),
    ('v1 int {1 @2024-01-01:1}', 'stickiness_state', 'a space before @'),
    ('v1 int {1@02024-01-01:1}', 'stickiness_state', 'a five-digit year with a leading zero'),
    ('v1 int {1@+2024-01-01:1}', 'stickiness_state', 'a year with "+"'),
    ('v1 int {1@2024-01-02:1,1@2024-01-01:1}', 'stickiness_state', 'days of a customer out of order'),
    ('v1 int {1@2024-01-01:1,1@2024-01-01:1}', 'stickiness_state', 'a customer-day twice'),
    ('v1 int {1@2024-02-30:1}', 'stickiness_state', 'February 30'),
    ('v1 int {1@2024-01-01x:1}', 'stickiness_state', 'garbage after the day'),
    ('v1 int period=30d {1:1:0:1}', 'cohort_retention_state', 'a period of days as control...'),
    ('v1 int period=2592000000000us {1:1:0:1}', 'cohort_retention_state', '30 days in microseconds'),
    ('v1 int period=01mon {1:1:0:1}', 'cohort_retention_state', 'a period with a leading zero'),
    ('v1 int period=+1mon {1:1:0:1}', 'cohort_retention_state', 'a period with "+"'),
    ('v1 int period=1mon  {1:1:0:1}', 'cohort_retention_state', 'two spaces after the period'),
    ('v1 int period=1mon zone=UTC  {1:1:0:1}', 'cohort_retention_state', 'two spaces after the zone'),
    ('v1 int period=1mon {1:1:00:1}', 'cohort_retention_state', 'a cohort start with a leading zero'),
    ('v1 int period=1mon {1:1:0:1,1:1:0:1}', 'cohort_retention_state', 'a customer twice'),
    ('v1 int period=1mon {3:1:0:1,1:2:0:1}', 'cohort_retention_state', 'customers out of order'),
    ('v1 mode=on | v1 int period=1mon {1:2:0:11 }', 'cohort_periods_state', 'a wrapped state with a space'),
    ('v1 mode=on | v1 int period=1mon {1:+2:0:11}', 'cohort_periods_state', 'a wrapped state with "+"'),
    ('v1 mode=on_or_after observed_until=-05d | v1 int period=1mon {1:2:0:11}', 'cohort_periods_state', 'observed_until with a leading zero'),
    ('v1 mode=on_or_after observed_until= -5d | v1 int period=1mon {1:2:0:11}', 'cohort_periods_state', 'observed_until after a space'),
    ('v1 brackets=0:0:0,0:+7:0,1:0:0 | v1 int period=1us {1:2:0:11}', 'cohort_retention_brackets_state', 'a bracket with "+"'),
    ('v1 brackets=0:0:0,0: 7:0,1:0:0 | v1 int period=1us {1:2:0:11}', 'cohort_retention_brackets_state', 'a bracket with a space'),
    ('v1 brackets=0:0:0,0:07:0,1:0:0 | v1 int period=1us {1:2:0:11}', 'cohort_retention_brackets_state', 'a bracket with a leading zero'),
    ('v1  | v1 int period=1mon {1:2:0:11}', 'recurring_retention_state', 'two spaces in the wrapper')
) v(t, typ, why)
WHERE why <> 'a period of days as control...';
SELECT ok(pg_temp.round_trip('v1 int period=30d {1:1:0:1}', 'cohort_retention_state'), 'a period of whole days reads back in days');

-- The error names the piece it stopped at.
SELECT matches(pg_temp.cast_error('v1 int {1:2,3:+1,4:1}', 'repeat_purchase_ratio_state'), '^22P02 At "3:\+1,4:1}"', 'the detail quotes the entry with "+1"');
SELECT matches(pg_temp.cast_error('v1 int {5:1,3:1}', 'repeat_purchase_ratio_state'), '^22P02 At "3:1}": The entries are not in increasing key order', 'the detail quotes the key out of order');
SELECT matches(pg_temp.cast_error('v1 int {1@ 2024-1-1:1}', 'stickiness_state'), '^22P02 At "@ 2024-1-1:1}"', 'the detail quotes the day');
SELECT matches(pg_temp.cast_error('v01 int {1:1}', 'repeat_purchase_ratio_state'), '^22P02 At "v01 int', 'the detail quotes the version');
SELECT matches(pg_temp.cast_error('v1 int period=2592000000000us {1:1:0:1}', 'cohort_retention_state'), 'period=30d', 'the detail gives the canonical period');

-- ===================================================================
-- Forged states of issue 25 item 6, each refused
-- ===================================================================
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=1000000 end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL,
                 'revenue_state: lost below start - end (GRR above NRR) is refused');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=100 end_mrr=200 lost_mrr=101'::revenue_state$$, '22P02', NULL,
                 'revenue_state: more lost than there was at start is refused');
SELECT lives_ok($$SELECT 'v1 customers=1 start_mrr=1000000 end_mrr=0 lost_mrr=1000000'::revenue_state$$,
                'revenue_state: the same customer lost entirely is accepted (control)');
SELECT throws_ok($$SELECT 'v1 paid_amount=1 amount_days=9223372036854775807'::avg_days_to_pay_state$$, '22P02', NULL,
                 'avg_days_to_pay_state: 9.2e18 amount-days for an amount of 1 is refused');
SELECT lives_ok($$SELECT 'v1 paid_amount=1 amount_days=30'::avg_days_to_pay_state$$,
                'avg_days_to_pay_state: 30 amount-days for an amount of 1 is accepted (control)');
SELECT throws_ok($$SELECT loyal_customer_rate_state_uncombine('v1 int min_orders=2 {1:3}', 'v1 int min_orders=3 {1:1}')$$, '22023', NULL,
                 'loyal_customer_rate_state_uncombine across min_orders is refused, as the combine is');
SELECT throws_ok($$SELECT loyal_customer_rate_state_combine('v1 int min_orders=2 {1:3}', 'v1 int min_orders=3 {1:1}')$$, '22023', NULL,
                 'loyal_customer_rate_state_combine across min_orders is refused');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:111111}'::cohort_retention_state$$, '22P02', NULL,
                 'cohort_retention_state: one row and six active periods is refused');
SELECT throws_ok($$SELECT 'v1 mode=on | v1 int period=1d {1:1:0:111111}'::cohort_periods_state$$, '22P02', NULL,
                 'cohort_periods_state (reads its inner state the same way): one row and six active periods is refused');
SELECT throws_ok($$SELECT 'v1 | v1 int period=1d {1:1:0:111111}'::recurring_retention_state$$, '22P02', NULL,
                 'recurring_retention_state: one row and six active periods is refused');
SELECT lives_ok($$SELECT 'v1 int period=1d {1:6:0:111111}'::cohort_retention_state$$,
                'cohort_retention_state: six rows and six active periods is accepted (control)');
SELECT throws_ok($$SELECT 'v1 int {1:+1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'keyset: +1 is refused');
SELECT throws_ok($$SELECT 'v01 int {1:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'keyset: v01 is refused');
SELECT throws_ok($$SELECT 'v1 int {1@ 2024-1-1:1}'::stickiness_state$$, '22P02', NULL, 'stickiness: @ 2024-1-1 is refused');
SELECT throws_ok($$SELECT 'v1 promoters=+1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'nps_state: +1 is refused');
SELECT throws_ok($$SELECT 'v01 promoters=1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'nps_state: v01 is refused');

-- ===================================================================
-- What the aggregates write reads back, extremes included
-- ===================================================================
CREATE TEMP TABLE ev(c int8, t timestamptz, d date);
INSERT INTO ev VALUES
    (-9223372036854775808, '4713-11-24 00:00+00 BC', '4713-11-24 BC'),
    (-9223372036854775808, '294276-12-31 23:59:59.999999+00', '5874897-12-31'),
    (0, '2000-01-01', '2000-01-01'),
    (9223372036854775807, '10000-01-01', '10000-01-01'),
    (9223372036854775807, '0001-01-01 BC', '0001-01-01 BC');
SELECT ok(pg_temp.round_trip(s, typ), typ || ' of extreme rows reads back to itself')
FROM (SELECT repeat_purchase_ratio_state(c)::text s, 'repeat_purchase_ratio_state' typ FROM ev
      UNION ALL SELECT time_between_purchases_state(c, t)::text, 'time_between_purchases_state' FROM ev WHERE t < '200000-01-01'
      UNION ALL SELECT stickiness_state(c, d)::text, 'stickiness_state' FROM ev
      UNION ALL SELECT stickiness_state(c::text, d)::text, 'stickiness_state' FROM ev
      UNION ALL SELECT cohort_retention_state(c, timestamptz '4713-11-24 00:00+00 BC', t, '1000 years')::text, 'cohort_retention_state' FROM ev
      UNION ALL SELECT cohort_periods_state(c, date '4713-11-24 BC', d, '1000 years', 'on')::text, 'cohort_periods_state' FROM ev) q;

SELECT * FROM finish();
ROLLBACK;
