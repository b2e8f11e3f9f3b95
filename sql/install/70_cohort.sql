-- Cohort retention (SPEC section 7).  The state is the distinct-customer
-- set of src/keyset.c in its cohort layout: per customer its cohort start
-- and a bitmap of the periods it was active in.  One overload per customer
-- key type (int4, int8, text, uuid) and per time type (timestamptz, date),
-- all sharing one C transition function per time type.

SELECT @extschema@.retention_define_state('cohort_retention_state',
    'Partial cohort retention: the period and, per distinct customer, its cohort start and the periods it was active in');
SELECT @extschema@.retention_define_final('cohort_retention', 'cohort_retention_state',
    'cohort_final', 'pg_catalog.float8[]',
    'Cohort retention, percent of the cohort''s customers active in each period after their cohort start');

DO $cohort$
DECLARE
    k text;
    t text;
BEGIN
    FOREACH k IN ARRAY ARRAY['pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.text', 'pg_catalog.uuid'] LOOP
        PERFORM @extschema@.retention_define_metric('cohort_retention',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval',
            'cohort_retention_state', 'cohort_sfunc', 'cohort_inv', 'cohort_final',
            'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers');
        PERFORM @extschema@.retention_define_metric('cohort_retention',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval',
            'cohort_retention_state', 'cohort_date_sfunc', 'cohort_inv', 'cohort_final',
            'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers');
        FOREACH t IN ARRAY ARRAY['pg_catalog.timestamptz', 'pg_catalog.date'] LOOP
            EXECUTE pg_catalog.format('COMMENT ON FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, %s, %s, %s, pg_catalog.interval) IS %L',
                k, t, t, 'Returns NULL: a row cannot be taken out of a bitmap of active periods (another row may have set the same bit), so a sliding window restarts its frame');
        END LOOP;
    END LOOP;
END
$cohort$;

-- The per-customer inverse cannot undo a row (a period's bit may come from
-- several rows): it returns NULL, and a sliding window restarts its frame.
COMMENT ON FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state,
    @extschema@.cohort_retention_state) IS
    'Returns NULL: a union of bitmaps cannot be taken back, so a sliding window over stored cohort_retention_state values restarts its frame';

-- A distinct-customer state outgrows a heap page: let it be toasted.
ALTER TYPE @extschema@.cohort_retention_state SET (STORAGE = extended);
