-- returning_customer_rate (issue 24): of the customers who ordered in a
-- period, the percent who had ordered before the period's start.  Its state
-- is the span set of the order metrics (src/keyset*.c: per customer the
-- orders, first and last order time) over the orders before the period's
-- end, with the period; see src/returning.c and docs/reference/orders.md.
-- Keys int2, int4, int8, numeric, text (varchar), uuid, as the other order
-- metrics; order times date / timestamp / timestamptz with a period of
-- daterange / tsrange / tstzrange.  Nothing depends on TimeZone (a
-- timestamptz is compared with the period's bounds as an instant), so the
-- functions are IMMUTABLE.  No inverse transition: with only the first and
-- last order kept, a row cannot be taken back (a moving frame recomputes).

CREATE TYPE @extschema@.returning_customer_rate_state;

CREATE FUNCTION @extschema@.returning_customer_rate_state_in(pg_catalog.cstring)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.returning_customer_rate_state_out(@extschema@.returning_customer_rate_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'returning_customer_rate_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.returning_customer_rate_state_recv(pg_catalog.internal)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.returning_customer_rate_state_send(@extschema@.returning_customer_rate_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'returning_customer_rate_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.returning_customer_rate_state (
    INPUT = @extschema@.returning_customer_rate_state_in,
    OUTPUT = @extschema@.returning_customer_rate_state_out,
    RECEIVE = @extschema@.returning_customer_rate_state_recv,
    SEND = @extschema@.returning_customer_rate_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.returning_customer_rate_state IS
    'Partial returning customer rate: the period, and the distinct customers with their order counts and first and last order times before the period''s end';
COMMENT ON FUNCTION @extschema@.returning_customer_rate_state_in(pg_catalog.cstring) IS
    'Input function of returning_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.returning_customer_rate_state_out(@extschema@.returning_customer_rate_state) IS
    'Output function of returning_customer_rate_state';
COMMENT ON FUNCTION @extschema@.returning_customer_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of returning_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.returning_customer_rate_state_send(@extschema@.returning_customer_rate_state) IS
    'Binary output function of returning_customer_rate_state';

CREATE FUNCTION @extschema@.returning_customer_rate_state_combine(@extschema@.returning_customer_rate_state, @extschema@.returning_customer_rate_state)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_state_combine(@extschema@.returning_customer_rate_state, @extschema@.returning_customer_rate_state) IS
    'Merges two returning_customer_rate_state values, keeping the period that ends later (the combine function of every aggregate over returning_customer_rate_state)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(@extschema@.returning_customer_rate_state) (
    SFUNC = @extschema@.returning_customer_rate_state_combine,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(@extschema@.returning_customer_rate_state) IS
    'Merges stored returning_customer_rate_state values into one, keeping the period that ends later (multi-level and running rollups)';

CREATE FUNCTION @extschema@.returning_customer_rate_final(@extschema@.returning_customer_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'returning_customer_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_final(@extschema@.returning_customer_rate_state) IS
    'Returning customer rate (percent) from a returning_customer_rate_state: of the customers who ordered in its period, those who had ordered before its start';

CREATE AGGREGATE @extschema@.returning_customer_rate(@extschema@.returning_customer_rate_state) (
    SFUNC = @extschema@.returning_customer_rate_state_combine,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(@extschema@.returning_customer_rate_state) IS
    'Returning customer rate (percent), merging stored returning_customer_rate_state values: the period that ends later is the period, the other states'' orders its history';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id int2, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (smallint keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id int2, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id int4, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id int4, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id int8, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id int8, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id numeric, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (whole-number numeric keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id numeric, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id text, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id text, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_date_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (customer_id uuid, ordered_at date, period daterange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.date, period pg_catalog.daterange) IS
    'The returning_customer_rate_state of rows (customer_id uuid, ordered_at date, period daterange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id int2, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (smallint keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id int2, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id int4, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id int4, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id int8, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id int8, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id numeric, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (whole-number numeric keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id numeric, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id text, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id text, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamp_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Adds a row (customer_id uuid, ordered_at timestamp, period tsrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamp, period pg_catalog.tsrange) IS
    'The returning_customer_rate_state of rows (customer_id uuid, ordered_at timestamp, period tsrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id int2, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (smallint keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int2, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id int2, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id int4, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int4, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id int4, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id int8, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.int8, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id int8, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id numeric, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them (whole-number numeric keys)';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.numeric, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id numeric, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id text, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.text, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id text, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';

CREATE FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.returning_customer_rate_state AS 'MODULE_PATHNAME', 'returning_customer_rate_timestamptz_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.returning_customer_rate_sfunc(@extschema@.returning_customer_rate_state, customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (customer_id uuid, ordered_at timestamptz, period tstzrange) to a returning_customer_rate_state';

CREATE AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    FINALFUNC = @extschema@.returning_customer_rate_final,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Returning customer rate (percent): of the customers who ordered in the period, 100 * those who had ordered before its start / all of them';

CREATE AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.returning_customer_rate_sfunc,
    STYPE = @extschema@.returning_customer_rate_state,
    COMBINEFUNC = @extschema@.returning_customer_rate_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.returning_customer_rate_state(customer_id pg_catalog.uuid, ordered_at pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The returning_customer_rate_state of rows (customer_id uuid, ordered_at timestamptz, period tstzrange), for rollups: store it, then read the rate with returning_customer_rate(returning_customer_rate_state), or merge states with returning_customer_rate_state(returning_customer_rate_state)';
