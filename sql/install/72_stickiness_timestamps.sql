-- stickiness over timestamps (issue 24: every date/timestamp pair has both
-- forms): stickiness(user_id, active_at timestamptz) counts the day of each
-- row in the session's TimeZone, as active_at::date does (so its functions
-- are STABLE), and stickiness(user_id, active_at timestamp) the day of the
-- timestamp (IMMUTABLE).  Both feed the same stickiness_state as the date
-- form: its (user, day) pairs, so states of the three forms merge.  Every
-- key type of the date form; one C entry point per signature
-- (src/orders.c, src/customer_key_extra.c).

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id int2, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id int2, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone (smallint keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id int2, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id int4, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id int4, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id int4, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id int8, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id int8, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id int8, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id numeric, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id numeric, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone (whole-number numeric keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id numeric, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id text, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id text, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id text, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) IS
    'Adds a row (user_id uuid, active_at timestamptz) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamptz)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamptz_inv_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) IS
    'Removes a row (user_id uuid, active_at timestamptz) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day in the session time zone';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_at pg_catalog.timestamptz) IS
    'The stickiness_state of rows (user_id uuid, active_at timestamptz), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id int2, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id int2, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp (smallint keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id int2, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id int4, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id int4, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id int4, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id int8, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id int8, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id int8, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id numeric, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id numeric, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp (whole-number numeric keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id numeric, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id text, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id text, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id text, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamp) IS
    'Adds a row (user_id uuid, active_at timestamp) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamp)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_timestamp_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_at pg_catalog.timestamp) IS
    'Removes a row (user_id uuid, active_at timestamp) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_at pg_catalog.timestamp) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users, each rows day that of the timestamp';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_at pg_catalog.timestamp) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_at pg_catalog.timestamp) IS
    'The stickiness_state of rows (user_id uuid, active_at timestamp), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';
