-- Fuzz test of every state type of the extension and of clv_model: valid
-- values made by the real aggregates over small data are mutated
-- deterministically (setseed) a few thousand times, in text and in binary
-- form (through COPY ... FROM ... (FORMAT binary), which calls the type's
-- receive function).  Each mutant must either be rejected with a data
-- exception (SQLSTATE class 22, or 54000; a binary value that ends early is
-- 22P03 too, not the protocol error 08P01 of pq_getmsg*: the receive
-- functions read through the length-checking helpers of src/state.c)
-- or be accepted as a value whose text output reads back to the same value
-- (and the same binary form), and whose final functions and aggregates run
-- (combining or sliding over copies of an accepted value may overflow, 22003).
-- The server must still be up, in the same session, at the end.
--
-- Every base type the extension owns must have samples here: a new state
-- type fails "every type has samples" until it is added to fz_sample.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(29);
SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO, YMD';
SET LOCAL client_min_messages = warning;

CREATE TEMP TABLE fz_session AS SELECT pg_backend_pid() AS pid;

-- ---------- the types and their valid samples ----------
CREATE TEMP TABLE fz_type AS
SELECT t.oid::regtype AS typ, t.typname::text AS typname, t.typsend::regproc AS send
  FROM pg_type t
  JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'retention')
   AND t.typtype = 'b';

CREATE TEMP TABLE fz_sample(typname text, val text);
INSERT INTO fz_sample
SELECT 'nps_state', nps_state(s)::text FROM (VALUES (10), (9), (7), (3), (0)) v(s)
UNION ALL SELECT 'csat_state', csat_state(s, 7)::text FROM (VALUES (7), (6), (1)) v(s)
UNION ALL SELECT 'csat_state', csat_state(b)::text FROM (VALUES (true), (false)) v(b)
UNION ALL SELECT 'ces_state', ces_state(s)::text FROM (VALUES (7), (2)) v(s)
UNION ALL SELECT 'churn_state', churn_state(a, daterange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES (daterange('2025-01-01', NULL)), (daterange('2025-06-01', '2026-01-15'))) v(a)
UNION ALL SELECT 'churn_state', churn_state(a, tstzrange('2026-01-01 12:34:56.789', '2026-02-01'))::text
  FROM (VALUES (tstzmultirange(tstzrange('2025-01-01', NULL)))) v(a)
UNION ALL SELECT 'churn_state', churn_state(a, tsrange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES (tsrange('2026-01-05', NULL))) v(a)
UNION ALL SELECT 'revenue_state', revenue_state(s, e)::text FROM (VALUES (100.5, 80.25), (50, NULL), (10, 20)) v(s, e)
UNION ALL SELECT 'repeat_purchase_ratio_state', repeat_purchase_ratio_state(c)::text
  FROM (VALUES (1), (1), (2), (1000000), (-5)) v(c)
UNION ALL SELECT 'repeat_purchase_ratio_state', repeat_purchase_ratio_state(c)::text
  FROM (VALUES ('a'), ('bb'), ('a'), ('x y'), ('q"u\o,t:e}')) v(c)
UNION ALL SELECT 'repeat_purchase_ratio_state', repeat_purchase_ratio_state(c)::text
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid), ('00000000-0000-0000-0000-000000000001')) v(c)
UNION ALL SELECT 'loyal_customer_rate_state', loyal_customer_rate_state(c::int8, 2)::text
  FROM (VALUES (1), (1), (2), (3), (3), (3)) v(c)
UNION ALL SELECT 'purchase_frequency_state', purchase_frequency_state(c)::text FROM (VALUES (1), (1), (2)) v(c)
UNION ALL SELECT 'time_between_purchases_state', time_between_purchases_state(c, t)::text
  FROM (VALUES (1, '2026-01-01 10:00+00'::timestamptz), (1, '2026-01-05'), (2, '2026-02-01')) v(c, t)
UNION ALL SELECT 'time_between_purchases_state', time_between_purchases_state(c, t)::text
  FROM (VALUES ('k', '2026-01-01'::date), ('k', '2026-01-09')) v(c, t)
UNION ALL SELECT 'returning_customer_rate_state', returning_customer_rate_state(c, t, tstzrange('2026-01-01 12:34:56.789+00', '2026-02-01 00:00+00'))::text
  FROM (VALUES (1, '2025-12-01 10:00+00'::timestamptz), (1, '2026-01-05'), (2, '2026-01-20'), (3, '2026-03-01')) v(c, t)
UNION ALL SELECT 'returning_customer_rate_state', returning_customer_rate_state(c, d, daterange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES ('k', '2025-01-01'::date), ('k', '2026-01-09'), ('q"u\o,t:e}', '2026-01-31')) v(c, d)
UNION ALL SELECT 'stickiness_state', stickiness_state(c, d)::text
  FROM (VALUES (1, '2026-01-01'::date), (1, '2026-01-02'), (2, '2026-01-02'), (2, '2026-01-02')) v(c, d)
UNION ALL SELECT 'stickiness_state', stickiness_state(c, d)::text
  FROM (VALUES ('u1', '2026-01-01'::date), ('u2', '2026-01-03')) v(c, d)
UNION ALL SELECT 'return_rate_state', return_rate_state(s, r)::text FROM (VALUES (10, 1), (5, 0)) v(s, r)
UNION ALL SELECT 'return_rate_state', return_rate_state(b)::text FROM (VALUES (true), (false)) v(b)
UNION ALL SELECT 'conversion_rate_state', conversion_rate_state(b)::text FROM (VALUES (true), (false), (false)) v(b)
UNION ALL SELECT 'conversion_rate_state', conversion_rate_state(c, n)::text FROM (VALUES (3, 100), (0, 7)) v(c, n)
UNION ALL SELECT 'dso_state', dso_state(a, i, p, daterange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES (100.0, '2025-12-20'::date, NULL::date), (50.5, '2026-01-10', '2026-01-20'),
               (7, '2026-01-15', '2026-03-01')) v(a, i, p)
UNION ALL SELECT 'dso_tstz_state', dso_state(a, i, p, tstzrange('2026-01-01', '2026-02-01 06:00'))::text
  FROM (VALUES (100.0, '2025-12-20'::timestamptz, NULL::timestamptz), (50.5, '2026-01-10', '2026-01-20')) v(a, i, p)
UNION ALL SELECT 'avg_days_to_pay_state', avg_days_to_pay_state(a, i, p)::text
  FROM (VALUES (100.0, '2025-12-20'::date, '2026-01-05'::date), (3.25, '2026-01-10', '2026-01-20')) v(a, i, p)
UNION ALL SELECT 'ar_aging_state', ar_aging_state(a, i, d, p, '2026-03-31')::text
  FROM (VALUES (100.0, '2025-12-20'::date, '2026-01-19'::date, NULL::date), (50.5, '2026-03-10', '2026-04-09', NULL),
               (7, '2026-01-15', '2026-02-14', '2026-03-01'), (9.25, '2025-10-01', '2025-10-31', NULL)) v(a, i, d, p)
UNION ALL SELECT 'dso_countback_state', dso_countback_state(a, i, p, '2026-03-31')::text
  FROM (VALUES (100.0, '2025-12-20'::date, NULL::date), (50.5, '2026-03-10', NULL), (7, '2026-01-15', '2026-03-01')) v(a, i, p)
UNION ALL SELECT 'best_possible_dso_state', best_possible_dso_state(a, i, d, p, daterange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES (100.0, '2025-12-20'::date, '2026-02-19'::date, NULL::date), (50.5, '2026-01-10', '2026-01-20', NULL)) v(a, i, d, p)
UNION ALL SELECT 'cei_state', cei_state(a, i, d, p, daterange('2026-01-01', '2026-02-01'))::text
  FROM (VALUES (100.0, '2025-12-20'::date, '2026-02-19'::date, NULL::date), (50.5, '2026-01-10', '2026-01-20', NULL),
               (30, '2025-11-10', '2025-12-10', '2026-01-05')) v(a, i, d, p)
UNION ALL SELECT 'clv_summary_state', clv_summary_state(t, a, '2026-03-01'::timestamptz, '1 week')::text
  FROM (VALUES ('2026-01-01 10:00+00'::timestamptz, 10.0::float8), ('2026-01-01 18:00+00', 5),
               ('2026-01-20', 7.5), ('2026-02-10', 12)) v(t, a)
UNION ALL SELECT 'clv_summary_state', clv_summary_state(t, a, '2026-03-01'::date, '1 day')::text
  FROM (VALUES ('2026-01-01'::date, 10.0::float8), ('2026-01-20', 7.5)) v(t, a)
UNION ALL SELECT 'clv_fit_state', clv_fit_state(f, r, a, m)::text
  FROM (VALUES (0::float8, 0::float8, 30::float8, 0::float8), (2, 10, 30, 12.5), (5, 25, 30, 40),
               (1, 3, 20, 7), (0, 0, 12, 0)) v(f, r, a, m)
UNION ALL SELECT 'clv_state', clv_state(c, t, a, '30 days')::text
  FROM (VALUES (1::int8, '2026-01-01'::timestamptz, 10::float8), (1, '2026-01-15', 20), (2, '2026-01-03', 5),
               (3, '2026-01-04', 8), (3, '2026-02-04', 9)) v(c, t, a)
UNION ALL SELECT 'clv_state', clv_state(c, t, a, '30 days')::text
  FROM (VALUES ('x'::text, '2026-01-01'::timestamptz, 10::float8), ('x', '2026-01-15', 20)) v(c, t, a)
UNION ALL SELECT 'clv_state', clv_state(c, t, a, '7 days')::text
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '2026-01-01'::timestamptz, 1::float8)) v(c, t, a)
UNION ALL SELECT 'mrr_movements_state', mrr_movements_state(c, m, r)::text
  FROM (VALUES (1, '2026-01-01'::date, 100.5), (1, '2026-02-01', 150), (2, '2026-01-01', 0), (1, '2026-04-01', 10)) v(c, m, r)
UNION ALL SELECT 'mrr_movements_state', mrr_movements_state(c, m, r)::text
  FROM (VALUES ('q"u\o,t=e:'::text, '2026-01-01'::date, 1::float8), ('b', '2026-03-01', 2)) v(c, m, r)
UNION ALL SELECT 'mrr_movements_state', mrr_movements_state(c, m, r)::text
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '2026-01-01'::date, 5.25)) v(c, m, r)
UNION ALL SELECT 'cohort_revenue_retention_state', cohort_revenue_retention_state(c, s, m, r, g)::text
  FROM (VALUES (1, '2026-01-01'::date, '2026-01-01'::date, 100.5, true), (1, '2026-01-01', '2026-03-01', 150, true),
               (2, '2025-12-01', '2026-01-01', 0, true)) v(c, s, m, r, g)
UNION ALL SELECT 'cohort_revenue_retention_state', cohort_revenue_retention_state(c, s, m, r, false)::text
  FROM (VALUES ('x"y'::text, '2026-01-01'::date, '2026-02-01'::date, 1::float8)) v(c, s, m, r)
UNION ALL SELECT 'arpa_state', arpa_state(c, r)::text FROM (VALUES (1, 10.5), (2, 0), (3, 7)) v(c, r)
UNION ALL SELECT 'arpa_state', arpa_state(c, r)::text
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 5.25), ('00000000-0000-0000-0000-000000000001', 1)) v(c, r)
UNION ALL SELECT 'trial_conversion_rate_state', trial_conversion_rate_state(s, c, '14 days')::text
  FROM (VALUES ('2026-01-01'::date, '2026-01-10'::date), ('2026-01-01', NULL), ('2026-01-01', '2026-03-01')) v(s, c)
UNION ALL SELECT 'trial_conversion_rate_state', trial_conversion_rate_state(s, c, '1 mon 2 days 03:00')::text
  FROM (VALUES ('2026-01-01 10:00+00'::timestamptz, '2026-01-10 10:00+00'::timestamptz)) v(s, c)
UNION ALL SELECT 'cohort_retention_state', cohort_retention_state(c, s, t, '1 month')::text
  FROM (VALUES (1, '2026-01-01 10:00+00'::timestamptz, '2026-01-01 10:00+00'::timestamptz),
               (1, '2026-01-01 10:00+00', '2026-03-05'), (2, '2026-01-03', '2026-01-03'),
               (2, '2026-01-03', '2031-07-01')) v(c, s, t)
UNION ALL SELECT 'cohort_retention_state', cohort_retention_state(c, s, t, '7 days')::text
  FROM (VALUES ('x'::text, '2026-01-01'::date, '2026-01-20'::date), ('y', '2026-01-01', '2026-01-01')) v(c, s, t)
UNION ALL SELECT 'cohort_retention_state', cohort_retention_state(c, s, t, '1 day')::text
  FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '2026-01-01'::timestamptz, '2026-01-02'::timestamptz)) v(c, s, t)
UNION ALL SELECT 'bgbb_fit_state', bgbb_fit_state(x, tx, n, c)::text
  FROM (VALUES (0, 0, 6, 3464::int8), (1, 1, 6, 1091), (2, 5, 6, 173), (6, 6, 6, 1203), (3, 4, 5, 0)) v(x, tx, n, c)
UNION ALL SELECT 'bgbb_model', bgbb_fit(x, tx, n, c)::text
  FROM (VALUES (0, 0, 6, 3464::int8), (1, 1, 6, 1091), (1, 6, 6, 129), (2, 5, 6, 173), (3, 6, 6, 357),
               (4, 4, 6, 240), (5, 6, 6, 600), (6, 6, 6, 1203)) v(x, tx, n, c)
UNION ALL SELECT 'bgbb_model', '{"alpha": 1, "beta": 2, "gamma": 3, "delta": 4}'::bgbb_model::text
UNION ALL SELECT 'sbg_fit_state', sbg_fit_state(p, c)::text
  FROM (VALUES (0, 1000::int8), (1, 631), (2, 468), (3, 382), (3, 0)) v(p, c)
UNION ALL SELECT 'sbg_model', sbg_fit(p, c)::text
  FROM (VALUES (0, 1000::int8), (1, 631), (2, 468), (3, 382), (4, 326)) v(p, c)
UNION ALL SELECT 'sbg_model', '{"alpha": 2, "beta": 0.5}'::sbg_model::text
UNION ALL SELECT 'window_funnel_state', window_funnel_state('1 hour', t, a, b, c)::text
  FROM (VALUES ('2026-01-01 10:00+00'::timestamptz, true, false, false), ('2026-01-01 10:20+00', false, true, false),
               ('2026-01-01 10:20+00', true, false, true), ('2026-01-01 12:00+00', false, false, true)) v(t, a, b, c)
UNION ALL SELECT 'window_funnel_state', 'v1 {}'
UNION ALL SELECT 'cohort_periods_state', cohort_periods_state(c, s, t, '1 month', 'on_or_after', '2026-04-01'::timestamptz)::text
  FROM (VALUES (1, '2026-01-01 10:00+00'::timestamptz, '2026-01-01 10:00+00'::timestamptz),
               (1, '2026-01-01 10:00+00', '2026-03-05'), (2, '2026-01-03', '2026-01-03')) v(c, s, t)
UNION ALL SELECT 'cohort_periods_state', cohort_periods_state(c, s, t, '7 days', 'on', '2026-02-01'::date)::text
  FROM (VALUES ('x'::text, '2026-01-01'::date, '2026-01-20'::date), ('y', '2026-01-01', '2026-01-01')) v(c, s, t)
UNION ALL SELECT 'cohort_periods_state', 'v1 empty'
UNION ALL SELECT 'recurring_retention_state', recurring_retention_state(c, t, '1 month', '2026-01-01'::timestamptz)::text
  FROM (VALUES (1, '2026-01-01 10:00+00'::timestamptz), (1, '2026-03-05'), (2, '2026-02-03')) v(c, t)
UNION ALL SELECT 'cohort_retention_brackets_state', cohort_retention_brackets_state(c, s, t, ARRAY['0 days', '7 days', '1 month']::interval[])::text
  FROM (VALUES (1, '2026-01-01 10:00+00'::timestamptz, '2026-01-01 10:00+00'::timestamptz),
               (1, '2026-01-01 10:00+00', '2026-01-15'), (2, '2026-01-03', '2026-03-03')) v(c, s, t)
UNION ALL SELECT 'cohort_retention_brackets_state', 'v1 empty'
UNION ALL SELECT 'clv_model', clv_fit(f, r, a, m)::text
  FROM (SELECT (g % 5)::float8, (g % 5) * 3::float8, 40::float8,
               CASE WHEN g % 5 > 0 THEN 10 + g % 7 ELSE 0 END::float8
          FROM generate_series(1, 60) g) v(f, r, a, m);

SELECT is((SELECT string_agg(typname, ', ' ORDER BY typname) FROM fz_type
            WHERE typname NOT IN (SELECT typname FROM fz_sample)), NULL,
          'every base type of the extension has fuzz samples');

-- ---------- mutators ----------
-- A random integer in [lo, hi].
CREATE FUNCTION pg_temp.fz_int(lo int, hi int) RETURNS int LANGUAGE sql AS
$$ SELECT lo + floor(random() * (hi - lo + 1))::int $$;

-- One random text mutation of s.
CREATE FUNCTION pg_temp.fz_mutate1(s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    n int := length(s);
    p int := pg_temp.fz_int(1, greatest(n, 1));
    toks text[];
    nums text[] := ARRAY['9223372036854775807', '9223372036854775808', '-9223372036854775808',
        '-9223372036854775809', '-1', '0', '-0', '1e308', '1e309', '-1e-320', 'NaN', 'Infinity',
        '-Infinity', '99999999999999999999999999', '2147483647', '2147483648', '4294967296',
        '0x10', '1.5', '', '00000000000000000000001', '+1', '1 ', ' 1'];
    m int := pg_temp.fz_int(0, 11);
    i int;
    j int;
BEGIN
    CASE m
    WHEN 0 THEN		-- truncate
        RETURN left(s, p - 1);
    WHEN 1 THEN		-- one character replaced by a random printable one
        RETURN overlay(s PLACING chr(pg_temp.fz_int(32, 126)) FROM p FOR 1);
    WHEN 2 THEN		-- a bit flipped in one character
        i := ascii(substr(s, p, 1)) # (1 << pg_temp.fz_int(0, 6));
        RETURN overlay(s PLACING chr(CASE WHEN i = 0 THEN 1 ELSE i END) FROM p FOR 1);
    WHEN 3 THEN		-- a digit changed
        toks := regexp_split_to_array(s, '');
        FOR i IN 1..20 LOOP
            j := pg_temp.fz_int(1, greatest(n, 1));
            IF toks[j] ~ '[0-9]' THEN
                toks[j] := pg_temp.fz_int(0, 9)::text;
                EXIT;
            END IF;
        END LOOP;
        RETURN array_to_string(toks, '');
    WHEN 4 THEN		-- a number replaced by an extreme or odd one
        SELECT count(*) INTO i FROM regexp_matches(s, '-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?', 'g');
        IF i = 0 THEN
            RETURN s || nums[pg_temp.fz_int(1, array_length(nums, 1))];
        END IF;
        RETURN regexp_replace(s, '-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?',
                              nums[pg_temp.fz_int(1, array_length(nums, 1))],
                              pg_temp.fz_int(1, i));
    WHEN 5 THEN		-- a space-separated field duplicated
        toks := string_to_array(s, ' ');
        i := pg_temp.fz_int(1, array_length(toks, 1));
        RETURN s || ' ' || toks[i];
    WHEN 6 THEN		-- a field dropped
        toks := string_to_array(s, ' ');
        i := pg_temp.fz_int(1, array_length(toks, 1));
        RETURN array_to_string(toks[:i - 1] || toks[i + 1:], ' ');
    WHEN 7 THEN		-- random garbage inserted
        RETURN overlay(s PLACING (SELECT string_agg(chr(pg_temp.fz_int(1, 255)), '')
                                    FROM generate_series(1, pg_temp.fz_int(1, 12)))
                       FROM p FOR 0);
    WHEN 8 THEN		-- a piece of the value repeated (duplicated list entries)
        i := pg_temp.fz_int(1, greatest(n, 1));
        j := pg_temp.fz_int(0, 40);
        RETURN left(s, i) || substr(s, p, j) || substr(s, i + 1);
    WHEN 9 THEN		-- two fields swapped
        toks := string_to_array(s, ' ');
        i := pg_temp.fz_int(1, array_length(toks, 1));
        j := pg_temp.fz_int(1, array_length(toks, 1));
        RETURN array_to_string(toks[:least(i, j) - 1] || toks[greatest(i, j)] || toks[least(i, j) + 1:greatest(i, j) - 1]
                               || toks[least(i, j)] || toks[greatest(i, j) + 1:], ' ');
    WHEN 10 THEN	-- a separator removed or changed
        RETURN regexp_replace(s, '[,:= {}@"]', (ARRAY['', ',', ':', '=', ' ', '{', '}', '""', '\'])[pg_temp.fz_int(1, 9)],
                              pg_temp.fz_int(1, 12));
    ELSE			-- entirely random garbage
        RETURN (SELECT string_agg(chr(pg_temp.fz_int(1, 127)), '') FROM generate_series(1, pg_temp.fz_int(0, 60)));
    END CASE;
END $$;

-- One to three mutations.
CREATE FUNCTION pg_temp.fz_mutate(s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    r text := s;
BEGIN
    FOR i IN 1..(CASE WHEN random() < 0.7 THEN 1 WHEN random() < 0.6 THEN 2 ELSE 3 END) LOOP
        r := pg_temp.fz_mutate1(r);
    END LOOP;
    RETURN r;
END $$;

-- 8 bytes of a big-endian int8.
CREATE FUNCTION pg_temp.fz_be8(v int8) RETURNS bytea LANGUAGE sql AS
$$ SELECT int8send(v) $$;

-- One random binary mutation of b.
CREATE FUNCTION pg_temp.fz_mutate_bytes(b bytea) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
    n int := length(b);
    p int := pg_temp.fz_int(0, greatest(n - 1, 0));
    extremes int8[] := ARRAY[9223372036854775807, -9223372036854775808, -1, 0, 1, 2147483647,
                             4294967295, 281474976710656, 72057594037927936];
    m int := pg_temp.fz_int(0, 8);
BEGIN
    IF n = 0 THEN
        RETURN '\x00'::bytea;
    END IF;
    CASE m
    WHEN 0 THEN		-- truncate
        RETURN substr(b, 1, p);
    WHEN 1 THEN		-- a bit flipped
        RETURN set_bit(b, p * 8 + pg_temp.fz_int(0, 7), 1 - get_bit(b, p * 8 + pg_temp.fz_int(0, 7)));
    WHEN 2 THEN		-- a byte replaced
        RETURN set_byte(b, p, pg_temp.fz_int(0, 255));
    WHEN 3 THEN		-- an 8-byte word overwritten with an extreme value
        RETURN overlay(b PLACING pg_temp.fz_be8(extremes[pg_temp.fz_int(1, array_length(extremes, 1))]) FROM p + 1 FOR 8);
    WHEN 4 THEN		-- a 2- or 4-byte length or count field overwritten
        RETURN overlay(b PLACING substr(pg_temp.fz_be8(extremes[pg_temp.fz_int(1, array_length(extremes, 1))]),
                                        CASE WHEN random() < 0.5 THEN 5 ELSE 7 END, 4) FROM p + 1 FOR 4);
    WHEN 5 THEN		-- random bytes appended
        RETURN b || (SELECT string_agg(set_byte('\x00'::bytea, 0, pg_temp.fz_int(0, 255)), ''::bytea)
                       FROM generate_series(1, pg_temp.fz_int(1, 16)));
    WHEN 6 THEN		-- a piece repeated
        RETURN substr(b, 1, p) || substr(b, p + 1, pg_temp.fz_int(1, 24)) || substr(b, p + 1);
    WHEN 7 THEN		-- a piece removed
        RETURN substr(b, 1, p) || substr(b, p + 1 + pg_temp.fz_int(1, 8));
    ELSE			-- random bytes of the same length
        RETURN (SELECT string_agg(set_byte('\x00'::bytea, 0, pg_temp.fz_int(0, 255)), ''::bytea)
                  FROM generate_series(1, n));
    END CASE;
END $$;

-- Write bytes b to the server file path through one large object, reused
-- (a large object per file would hold a lock each until the end of the
-- transaction: thousands exhaust max_locks_per_transaction).
CREATE TEMP TABLE fz_lo AS SELECT lo_create(0) AS lo;
CREATE FUNCTION pg_temp.fz_write(path text, b bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    fd int := lo_open((SELECT lo FROM fz_lo), 393216);	-- INV_READ | INV_WRITE
BEGIN
    PERFORM lo_truncate(fd, 0);
    PERFORM lowrite(fd, b);
    PERFORM lo_close(fd);
    PERFORM lo_export((SELECT lo FROM fz_lo), path);
END $$;

-- ---------- the checks ----------
CREATE TEMP TABLE fz_result(typname text, form text, input text, outcome text, problem text);

-- Check a value the input or receive function accepted (as text): its
-- text and binary forms read back the same, and every function and
-- aggregate that reads it works.  Returns NULL or the problem.
CREATE FUNCTION pg_temp.fz_check_accepted(typ regtype, send regproc, v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v2 text;
    b1 bytea;
    b2 bytea;
    f record;
    r text;
BEGIN
    BEGIN
        EXECUTE format('SELECT $1::%s::text', typ) INTO v2 USING v;
        EXECUTE format('SELECT %s($1::%s), %s($2::%s)', send, typ, send, typ) INTO b1, b2 USING v, v2;
    EXCEPTION WHEN OTHERS THEN
        RETURN format('re-reading the output failed: %s %s', SQLSTATE, SQLERRM);
    END;
    IF v2 IS DISTINCT FROM v THEN
        RETURN format('text round trip changed it to %s', v2);
    END IF;
    IF b1 IS DISTINCT FROM b2 THEN
        RETURN 'binary form changed on a text round trip';
    END IF;

    -- Functions of the value alone (final functions, breakdowns): must work.
    FOR f IN SELECT p.oid::regprocedure AS fn, p.oid::regproc AS name
               FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
              WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'retention')
                AND p.prokind = 'f' AND p.proargtypes::oid[] = ARRAY[typ::oid]
                AND p.prorettype NOT IN ('cstring'::regtype, 'bytea'::regtype) LOOP
        BEGIN
            EXECUTE format('SELECT %s($1::%s)::text', f.name, typ) INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            RETURN format('%s failed: %s %s', f.fn, SQLSTATE, SQLERRM);
        END;
    END LOOP;

    -- Aggregates over the type: one value must work; merging or sliding
    -- over copies of it may overflow, but only with a data exception.
    FOR f IN SELECT p.oid::regproc AS name
               FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
              WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'retention')
                AND p.prokind = 'a' AND p.proargtypes::oid[] = ARRAY[typ::oid] LOOP
        BEGIN
            EXECUTE format('SELECT %s(x)::text FROM (VALUES ($1::%s)) v(x)', f.name, typ) INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            -- a model fit refuses a valid partial state that is no valid
            -- whole (survivor counts that rise, a missing period): 22023
            IF NOT (f.name::text IN ('sbg_fit', 'bgbb_fit') AND SQLSTATE = '22023') THEN
                RETURN format('%s over one value failed: %s %s', f.name, SQLSTATE, SQLERRM);
            END IF;
        END;
        BEGIN
            EXECUTE format('SELECT %1$s(x)::text FROM (VALUES ($1::%2$s), ($1::%2$s)) v(x)', f.name, typ) INTO r USING v;
            EXECUTE format($q$SELECT string_agg(y::text, ' ') FROM (SELECT %1$s(x) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS y
                              FROM (VALUES (1, $1::%2$s), (2, $1::%2$s), (3, $1::%2$s)) v(i, x)) w$q$, f.name, typ) INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            IF SQLSTATE NOT LIKE '22%' AND SQLSTATE <> '54000' THEN
                RETURN format('%s over copies failed: %s %s', f.name, SQLSTATE, SQLERRM);
            END IF;
        END;
    END LOOP;

    -- A model is read by the prediction functions.
    IF typ = 'bgbb_model'::regtype THEN
        BEGIN
            EXECUTE $q$SELECT bgbb_p_alive(m, 2, 4, 6)::text || bgbb_expected_purchases(m, 5, 2, 4, 6)::text
                           || bgbb_dert(m, 0.1, 2, 4, 6)::text
                      FROM (SELECT $1::bgbb_model AS m) x$q$ INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            IF SQLSTATE NOT LIKE '22%' THEN
                RETURN format('a prediction failed: %s %s', SQLSTATE, SQLERRM);
            END IF;
        END;
    END IF;
    IF typ = 'sbg_model'::regtype THEN
        BEGIN
            EXECUTE $q$SELECT sbg_survival(m, 3)::text || sbg_retention(m, 3)::text || sbg_derl(m, 0.1, 2)::text
                      FROM (SELECT $1::sbg_model AS m) x$q$ INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            IF SQLSTATE NOT LIKE '22%' THEN
                RETURN format('a prediction failed: %s %s', SQLSTATE, SQLERRM);
            END IF;
        END;
    END IF;
    IF typ = 'clv_model'::regtype THEN
        BEGIN
            EXECUTE $q$SELECT clv_p_alive(m, 2, 10, 30)::text || clv_expected_purchases(m, 10, 2, 10, 30)::text
                           || clv_expected_order_value(m, 2, 12.5)::text || clv_predict(m, 10, 2, 10, 30, 12.5, 0.01)::text
                      FROM (SELECT $1::clv_model AS m) x$q$ INTO r USING v;
        EXCEPTION WHEN OTHERS THEN
            IF SQLSTATE NOT LIKE '22%' THEN
                RETURN format('a prediction failed: %s %s', SQLSTATE, SQLERRM);
            END IF;
        END;
    END IF;
    RETURN NULL;
END $$;

-- Text: each mutant is rejected with a data exception or accepted and sound.
CREATE FUNCTION pg_temp.fz_text(per_type int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t record;
    s text[];
    m text;
    v text;
    problem text;
BEGIN
    FOR t IN SELECT * FROM fz_type ORDER BY typname LOOP
        s := ARRAY(SELECT val FROM fz_sample WHERE typname = t.typname ORDER BY val);
        CONTINUE WHEN cardinality(s) = 0;
        FOR i IN 1..per_type LOOP
            m := pg_temp.fz_mutate(s[pg_temp.fz_int(1, cardinality(s))]);
            BEGIN
                EXECUTE format('SELECT $1::%s::text', t.typ) INTO v USING m;
            EXCEPTION WHEN OTHERS THEN
                INSERT INTO fz_result VALUES (t.typname, 'text', m, 'rejected',
                    CASE WHEN SQLSTATE NOT LIKE '22%' AND SQLSTATE <> '54000'
                         THEN format('rejected with %s: %s', SQLSTATE, SQLERRM) END);
                CONTINUE;
            END;
            problem := pg_temp.fz_check_accepted(t.typ, t.send, v);
            INSERT INTO fz_result VALUES (t.typname, 'text', m, 'accepted', problem);
        END LOOP;
    END LOOP;
END $$;

-- Binary: a COPY file holding one mutated send() form per row is read by
-- COPY FROM, which calls the receive function.  The file is the server's
-- own, written with lo_export into the data directory.
CREATE FUNCTION pg_temp.fz_binary(per_type int, path text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t record;
    s bytea[];
    m bytea;
    v text;
    problem text;
    header bytea := '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0);
BEGIN
    FOR t IN SELECT * FROM fz_type ORDER BY typname LOOP
        EXECUTE format('SELECT array_agg(%s(val::%s) ORDER BY val) FROM fz_sample WHERE typname = $1', t.send, t.typ)
            INTO s USING t.typname;
        CONTINUE WHEN s IS NULL;
        EXECUTE format('CREATE TEMP TABLE fz_copy (v %s)', t.typ);
        FOR i IN 1..per_type LOOP
            m := s[pg_temp.fz_int(1, cardinality(s))];
            m := pg_temp.fz_mutate_bytes(m);
            IF random() < 0.3 THEN
                m := pg_temp.fz_mutate_bytes(m);
            END IF;
            PERFORM pg_temp.fz_write(path, header || int2send(1::int2) || int4send(length(m)) || m || int2send(-1::int2));
            EXECUTE 'TRUNCATE fz_copy';
            BEGIN
                EXECUTE format('COPY fz_copy FROM %L WITH (FORMAT binary)', path);
                EXECUTE 'SELECT v::text FROM fz_copy' INTO v;
            EXCEPTION WHEN OTHERS THEN
                INSERT INTO fz_result VALUES (t.typname, 'binary', m::text, 'rejected',
                    CASE WHEN SQLSTATE NOT LIKE '22%' AND SQLSTATE <> '54000'
                         THEN format('rejected with %s: %s', SQLSTATE, SQLERRM) END);
                CONTINUE;
            END;
            problem := pg_temp.fz_check_accepted(t.typ, t.send, v);
            INSERT INTO fz_result VALUES (t.typname, 'binary', m::text, 'accepted', problem);
        END LOOP;
        EXECUTE 'DROP TABLE fz_copy';
    END LOOP;
END $$;

-- The SQLSTATE of reading bytes b as a value of typ through COPY BINARY,
-- or 'accepted'.
CREATE FUNCTION pg_temp.fz_recv(typ regtype, b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    path text := format('%s/retention-fuzz-%s.bin', current_setting('data_directory'), pg_backend_pid());
BEGIN
    PERFORM pg_temp.fz_write(path, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
                                   || int2send(1::int2) || int4send(length(b)) || b || int2send(-1::int2));
    EXECUTE format('CREATE TEMP TABLE fz_one (v %s)', typ);
    BEGIN
        EXECUTE format('COPY fz_one FROM %L WITH (FORMAT binary)', path);
    EXCEPTION WHEN OTHERS THEN
        DROP TABLE fz_one;
        RETURN SQLSTATE;
    END;
    DROP TABLE fz_one;
    RETURN 'accepted';
END $$;

-- ---------- regressions: forged values once accepted ----------
-- A customer with one purchase cannot have a span (first <> last); no
-- transition, inverse or merge makes one, so input must refuse it.
SELECT throws_ok($$SELECT 'v1 int {1:1:10:20}'::time_between_purchases_state$$, '22P02', NULL,
                 'time_between_purchases_state text: one purchase with a span is refused');
SELECT is('v1 int {1:1:10:10,2:2:10:20}'::time_between_purchases_state::text, 'v1 int {1:1:10:10,2:2:10:20}',
          'time_between_purchases_state text: one purchase without a span, two with one, read back');
-- binary: the same state with its count (the byte before the zigzag first
-- time 20 = 0x14 and the span 10 = 0x0a) changed from 2 to 1
SELECT matches(pg_temp.fz_recv('time_between_purchases_state',
                   overlay(time_between_purchases_state_send('v1 int {1:2:10:20}') PLACING '\x01'::bytea
                           FROM length(time_between_purchases_state_send('v1 int {1:2:10:20}')) - 2 FOR 1)),
               '^22', 'time_between_purchases_state binary: one purchase with a span is refused (data exception)');
SELECT is(pg_temp.fz_recv('time_between_purchases_state', time_between_purchases_state_send('v1 int {1:2:10:20}')),
          'accepted', 'time_between_purchases_state binary: the unchanged bytes are accepted');

-- Found by the libFuzzer harness (test/libfuzzer/, test/deep/libfuzzer.sh).
-- A type without parameters accepted the flag "parameters set" in binary:
-- the value printed like one without it and read back with other bytes.
SELECT is(pg_temp.fz_recv('nps_state', '\x01010003000000000000000100000000000000020000000000000003'::bytea),
          '22P03', 'nps_state binary: the parameters flag on a type without parameters is refused (22P03)');
SELECT is(pg_temp.fz_recv('nps_state', '\x01000003000000000000000100000000000000020000000000000003'::bytea),
          'accepted', 'nps_state binary: the same bytes without the flag are accepted');
-- A stickiness day with month 0 or a huge month went to date2j unchecked
-- (its int arithmetic overflows; harmless only because the server builds
-- with -fwrapv).  Refused before date2j now, still 22P02.
SELECT throws_ok($$SELECT 'v1 int {1@2024-00-02:1}'::stickiness_state$$, '22P02', NULL,
                 'stickiness_state text: month 0 is refused');
SELECT throws_ok($$SELECT 'v1 int {1@2024-2147483647-2147483647:1}'::stickiness_state$$, '22P02', NULL,
                 'stickiness_state text: a month and day of 2147483647 are refused');
-- A stickiness day before Julian day 0 in its month (-4713-11-01) passed
-- IS_VALID_JULIAN, which checks no day, and went to j2date as a negative
-- Julian day (harmless arithmetic in the server, refused by the round trip).
SELECT throws_ok($$SELECT 'v1 int {1@-4713-11-01:1}'::stickiness_state$$, '22P02', NULL,
                 'stickiness_state text: a day before the first Julian day is refused');
-- A keyset whose counts add up beyond 2^63-1 was accepted (text and
-- binary) but could not be printed, sent or used (22003 at every use).
SELECT throws_ok($$SELECT 'v1 int {1:9223372036854775807,2:1}'::purchase_frequency_state$$, '22P02', NULL,
                 'purchase_frequency_state text: counts adding up beyond bigint are refused');
-- binary: 2^62 + (2^62-1) is fine; the last count's top varint byte 0x3f
-- made 0x7f gives 2^63-1 + 2^62
SELECT is(pg_temp.fz_recv('repeat_purchase_ratio_state',
              overlay(repeat_purchase_ratio_state_send('v1 int {1:4611686018427387904,2:4611686018427387903}')
                      PLACING '\x7f'::bytea FROM length(repeat_purchase_ratio_state_send('v1 int {1:4611686018427387904,2:4611686018427387903}')) FOR 1)),
          '22P03', 'repeat_purchase_ratio_state binary: counts adding up beyond bigint are refused');
-- Malformed binary is 22P03 (invalid_binary_representation), as the
-- server's own receive functions report it, also where the binary form is
-- the text form (the clv states) or a keyset.
SELECT is(pg_temp.fz_recv('clv_fit_state', convert_to('v1 bgnbd=x gg=', 'UTF8')),
          '22P03', 'clv_fit_state binary: a malformed value is 22P03');
SELECT is(pg_temp.fz_recv('repeat_purchase_ratio_state', '\x0901010000000000000000000000000000000000'::bytea),
          '22P03', 'repeat_purchase_ratio_state binary: an unknown version is 22P03');

-- Version 2 of the keyset form (what a stored value and a parallel worker's
-- state hold) has its entries in strict (hash, key) order, so a key cannot
-- appear twice.  Int keys 1 and 3 hash to 885181228 and 167303374, so
-- {1:2,3:1} is 3 (zigzag 6, count 1) then 1 (zigzag 2, count 2).
SELECT is(pg_temp.fz_recv('repeat_purchase_ratio_state',
              '\x0201010000000000000000000000000000000002'::bytea || '\x06010202'::bytea),
          'accepted', 'repeat_purchase_ratio_state binary version 2: entries in hash order are accepted');
SELECT is(pg_temp.fz_recv('repeat_purchase_ratio_state',
              '\x0201010000000000000000000000000000000002'::bytea || '\x02020601'::bytea),
          '22P03', 'repeat_purchase_ratio_state binary version 2: entries out of hash order are refused');
SELECT is(pg_temp.fz_recv('repeat_purchase_ratio_state',
              '\x0201010000000000000000000000000000000002'::bytea || '\x02010201'::bytea),
          '22P03', 'repeat_purchase_ratio_state binary version 2: a key twice is refused');
-- Values in hash order are merged by an aggregate without a hash table (the
-- parallel leader's work): read with COPY BINARY into a table, two such
-- values, {1:2,3:1} and {1:1,2:1}, merge to {1:3,2:1,3:1}.
CREATE FUNCTION pg_temp.fz_load(typ regtype, vals bytea[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    path text := format('%s/retention-fuzz-%s.bin', current_setting('data_directory'), pg_backend_pid());
    b bytea := '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0);
    v bytea;
BEGIN
    FOREACH v IN ARRAY vals LOOP
        b := b || int2send(1::int2) || int4send(length(v)) || v;
    END LOOP;
    PERFORM pg_temp.fz_write(path, b || int2send(-1::int2));
    EXECUTE format('DROP TABLE IF EXISTS fz_many; CREATE TEMP TABLE fz_many (v %s)', typ);
    EXECUTE format('COPY fz_many FROM %L WITH (FORMAT binary)', path);
END $$;
SELECT pg_temp.fz_load('repeat_purchase_ratio_state', ARRAY[
    '\x0201010000000000000000000000000000000002'::bytea || '\x06010202'::bytea,
    '\x0201010000000000000000000000000000000002'::bytea || '\x02010401'::bytea]);
SELECT is((SELECT repeat_purchase_ratio_state(v)::text FROM fz_many), 'v1 int {1:3,2:1,3:1}',
          'hash-ordered values merged without a table: the union, counts added');
SELECT is((SELECT repeat_purchase_ratio(v) FROM fz_many),
          (SELECT repeat_purchase_ratio(s) FROM (VALUES ('v1 int {1:3,2:1,3:1}'::repeat_purchase_ratio_state)) t(s)),
          'hash-ordered values merged without a table: the metric from the running summaries');
-- the same customer with 2^62 orders in each: the sum is out of range (22003)
SELECT pg_temp.fz_load('repeat_purchase_ratio_state', ARRAY[
    '\x0201010000000000000000000000000000000001'::bytea || '\x02808080808080808040'::bytea,
    '\x0201010000000000000000000000000000000001'::bytea || '\x02808080808080808040'::bytea]);
SELECT throws_ok($$SELECT repeat_purchase_ratio(v) FROM fz_many$$, '22003', NULL,
                 'hash-ordered values merged without a table: counts adding up beyond bigint are 22003');
SELECT throws_ok($$SELECT repeat_purchase_ratio(v::text::repeat_purchase_ratio_state) FROM fz_many$$, '22003', NULL,
                 'the same values merged through the hash table: 22003 as well');

-- binary send writes version 1 (key order: hash_bytes depends on the byte
-- order of the machine), which is still read
SELECT is(get_byte(repeat_purchase_ratio_state_send('v1 text {"a":1,"b":2}'), 0), 1,
          'binary send writes version 1 of the keyset form');

-- tools/test --deep runs this file with PGOPTIONS='-c fuzz.scale=N', N times
-- as many mutants.
SELECT setseed(0.4242);
CREATE TEMP TABLE fz_scale AS
SELECT greatest(coalesce(nullif(current_setting('fuzz.scale', true), '')::int, 1), 1) AS n;
SELECT pg_temp.fz_text(150 * n) FROM fz_scale;
SELECT pg_temp.fz_binary(80 * n, format('%s/retention-fuzz-%s.bin',
    current_setting('data_directory'), pg_backend_pid())) FROM fz_scale;
-- the file is in the data directory: remove it (the program reads its input,
-- so that COPY never writes to a closed pipe)
DO $$
BEGIN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L',
        format('cat >/dev/null; rm -f %s/retention-fuzz-%s.bin', current_setting('data_directory'), pg_backend_pid()));
END $$;

-- ---------- results ----------
SELECT diag(format('%s: %s text and %s binary mutants, %s accepted', typname,
                   count(*) FILTER (WHERE form = 'text'), count(*) FILTER (WHERE form = 'binary'),
                   count(*) FILTER (WHERE outcome = 'accepted')))
  FROM fz_result GROUP BY typname ORDER BY typname;
SELECT diag(format('%s %s %s: %s', typname, form, input, problem))
  FROM (SELECT * FROM fz_result WHERE problem IS NOT NULL ORDER BY typname, form, input LIMIT 30) x;

SELECT cmp_ok((SELECT count(*) FROM fz_result WHERE form = 'text'), '>=', 2000::bigint,
              'thousands of text mutants were tried');
SELECT cmp_ok((SELECT count(*) FROM fz_result WHERE form = 'binary'), '>=', 1000::bigint,
              'over a thousand binary mutants were tried');
SELECT is((SELECT count(*) FROM fz_result WHERE form = 'text' AND outcome = 'rejected' AND problem IS NOT NULL), 0::bigint,
          'text: every rejected mutant is a data exception (22xxx or 54000)');
SELECT is((SELECT count(*) FROM fz_result WHERE form = 'text' AND outcome = 'accepted' AND problem IS NOT NULL), 0::bigint,
          'text: every accepted mutant reads back the same and its functions and aggregates work');
SELECT is((SELECT count(*) FROM fz_result WHERE form = 'binary' AND outcome = 'rejected' AND problem IS NOT NULL), 0::bigint,
          'binary: every rejected mutant is a data exception (22xxx or 54000)');
SELECT is((SELECT count(*) FROM fz_result WHERE form = 'binary' AND outcome = 'accepted' AND problem IS NOT NULL), 0::bigint,
          'binary: every accepted mutant reads back the same and its functions and aggregates work');
SELECT is((SELECT pid FROM fz_session), pg_backend_pid(), 'the server is up and this is the same session');

SELECT * FROM finish();
ROLLBACK;
