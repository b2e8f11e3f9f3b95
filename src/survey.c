/*-------------------------------------------------------------------------
 *
 * survey.c
 *	  Survey metrics: Net Promoter Score, Customer Satisfaction (CSAT) and
 *	  Customer Effort Score (CES).
 *
 * Each is a few counters in a fixed-size state (state.h), so everything
 * here is the arithmetic: which counter a score goes to, what a valid score
 * is, and the final ratio.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"

#include "state.h"

/* ---------- NPS ---------- */

enum
{
	NPS_PROMOTERS, NPS_PASSIVES, NPS_DETRACTORS
};

static const RetField nps_fields[] = {
	{"promoters", RF_COUNT}, {"passives", RF_COUNT}, {"detractors", RF_COUNT}
};
/*
 * The three counts must add up to a count: a forged state whose total does
 * not fit in 64 bits would otherwise give a wrong NPS, not an error.
 */
static const char *
nps_problem(const int64 *v, bool params_set)
{
	int64		n;

	if (pg_add_s64_overflow(v[0], v[1], &n) || pg_add_s64_overflow(n, v[2], &n))
		return "The responses (promoters + passives + detractors) exceed the range of bigint.";
	return NULL;
}

static const RetStateDesc nps_desc = {"nps_state", 3, nps_fields, nps_problem};

RETENTION_STATE_FUNCTIONS(nps_state, nps_desc)

/* The counter an NPS answer goes to; 22003 outside 0..10. */
static inline int
nps_bucket(int32 score)
{
	if (unlikely(score < 0 || score > 10))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("NPS score %d is out of range", score),
				 errhint("An NPS answer is an integer from 0 to 10.")));
	return score >= 9 ? NPS_PROMOTERS : score >= 7 ? NPS_PASSIVES : NPS_DETRACTORS;
}

static Datum
nps_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &nps_desc);

	if (!PG_ARGISNULL(1))
		ret_state_bump(state, nps_bucket(PG_GETARG_INT32(1)), delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(nps_sfunc, nps_inv, nps_step)

/* Total responses; merged states can overflow even when each one is valid. */
static inline int64
nps_responses(const RetState *state)
{
	int64		n;

	if (unlikely(pg_add_s64_overflow(state->v[NPS_PROMOTERS], state->v[NPS_PASSIVES], &n) ||
				 pg_add_s64_overflow(n, state->v[NPS_DETRACTORS], &n)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("nps_state responses out of range"),
				 errhint("The total of promoters, passives and detractors must fit in a bigint.")));
	return n;
}

PG_FUNCTION_INFO_V1(nps_final);
Datum
nps_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &nps_desc);
	int64		n = nps_responses(state);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) (state->v[NPS_PROMOTERS] - state->v[NPS_DETRACTORS]) / n);
}

/* The distribution dashboards show: responses, the three groups and NPS. */
PG_FUNCTION_INFO_V1(nps_breakdown);
Datum
nps_breakdown(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &nps_desc);
	int64		n = nps_responses(state);
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	values[0] = Int64GetDatum(n);
	values[1] = Int64GetDatum(state->v[NPS_PROMOTERS]);
	values[2] = Int64GetDatum(state->v[NPS_PASSIVES]);
	values[3] = Int64GetDatum(state->v[NPS_DETRACTORS]);
	if (n == 0)
		nulls[4] = true;
	else
		values[4] = Float8GetDatum(100.0 * (double) (state->v[NPS_PROMOTERS] - state->v[NPS_DETRACTORS]) / n);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- shared by CSAT and CES: answers on a 1..scale_max scale ---------- */

enum
{
	SCALE_RESPONSES, SCALE_VALUE, SCALE_MAX
};

/* Default scales when the call names none. */
#define CSAT_DEFAULT_SCALE	5
#define CES_DEFAULT_SCALE	7
/* CSAT's boolean form has no scale; this marks it in the state. */
#define CSAT_BOOLEAN_SCALE	0

/* Describe a scale for messages: "1..5", or "boolean answers". */
static char *
scale_text(int64 scale)
{
	if (scale == CSAT_BOOLEAN_SCALE)
		return pstrdup("boolean answers");
	return psprintf("1.." INT64_FORMAT, scale);
}

static void
scale_mismatch(const RetStateDesc *desc, int field, int64 a, int64 b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s scale changes within one group: %s and %s",
					desc->type_name, scale_text(a), scale_text(b)),
			 errhint("Every answer of a group, and every state merged together, must use the same scale; add the scale to GROUP BY.")));
}

/*
 * The scale argument (argno) of a call, or the default when the call has
 * none; 22004 when NULL, 22023 below 2.
 */
static int32
scale_arg(FunctionCallInfo fcinfo, int argno, int32 dflt)
{
	int32		scale;

	if (PG_NARGS() <= argno)
		return dflt;
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("scale_max must not be null"),
				 errhint("Give the highest answer of the survey's scale, such as 5 or 7.")));
	scale = PG_GETARG_INT32(argno);
	if (scale < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scale_max %d is out of range", scale),
				 errhint("A survey scale runs from 1 to scale_max, and scale_max is at least 2.")));
	return scale;
}

/* An answer checked against 1..scale; 22003 outside. */
static inline int32
scale_score(const char *metric, int32 score, int32 scale)
{
	if (unlikely(score < 1 || score > scale))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s score %d is out of range", metric, score),
				 errhint("Answers on this scale are integers from 1 to %d.", scale)));
	return score;
}

/*
 * A scale state is consistent when value (satisfied answers or the sum of
 * answers) lies between lo and hi answers' worth, and answers imply a scale.
 */
static const char *
scale_problem(const int64 *v, bool params_set, bool is_sum)
{
	int64		n = v[SCALE_RESPONSES];
	int64		scale = v[SCALE_MAX];
	int128		lo,
				hi;

	if (n > 0 && !params_set)
		return "It counts responses but has no scale.";
	if (params_set && scale != CSAT_BOOLEAN_SCALE && (scale < 2 || scale > PG_INT32_MAX))
		return psprintf("scale_max " INT64_FORMAT " is not between 2 and %d.", scale, PG_INT32_MAX);
	if (params_set && is_sum && scale == CSAT_BOOLEAN_SCALE)
		return "CES has no boolean form.";
	lo = is_sum ? (int128) n : 0;
	hi = is_sum ? (int128) n * scale : (int128) n;
	if (v[SCALE_VALUE] < lo || v[SCALE_VALUE] > hi)
		return psprintf("%s " INT64_FORMAT " does not fit " INT64_FORMAT " responses.",
						is_sum ? "The sum of answers" : "satisfied", v[SCALE_VALUE], n);
	return NULL;
}

/*
 * After an inverse transition: removing an answer that was never added (a
 * direct call of the inverse on some state) can leave the counts
 * non-negative but inconsistent, which would give a rate above 100.
 */
static inline void
scale_check_removal(const RetStateDesc *desc, const RetState *state)
{
	const char *problem = desc->check(state->v, true);

	if (unlikely(problem != NULL))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a row that was not added"),
				 errdetail("The result would be inconsistent: %s", problem)));
}

/* ---------- CSAT ---------- */

static const RetField csat_fields[] = {
	{"responses", RF_COUNT}, {"satisfied", RF_COUNT}, {"scale_max", RF_PARAM}
};

static const char *
csat_problem(const int64 *v, bool params_set)
{
	return scale_problem(v, params_set, false);
}

static const RetStateDesc csat_desc = {
	"csat_state", 3, csat_fields, csat_problem, NULL, NULL, scale_mismatch
};

RETENTION_STATE_FUNCTIONS(csat_state, csat_desc)

static pg_noinline void
set_scale_param(const RetStateDesc *desc, RetState *state, int32 scale)
{
	int64		param = scale;

	ret_state_set_params(desc, state, &param);
}

/*
 * Set the group's scale on its first answer, or check it is unchanged: the
 * comparison is inline because it runs on every row, the rest is not (so
 * the per-row code takes no local's address, and needs no stack guard).
 */
static inline void
set_scale(const RetStateDesc *desc, RetState *state, int32 scale)
{
	if (unlikely(!(state->flags & RS_PARAMS_SET) || state->v[SCALE_MAX] != scale))
		set_scale_param(desc, state, scale);
}

/* Count one answer (delta 1) or remove it (delta -1). */
static inline void
csat_count(RetState *state, int32 scale, bool satisfied, int64 delta)
{
	set_scale(&csat_desc, state, scale);
	ret_state_bump(state, SCALE_RESPONSES, delta);
	if (satisfied)
		ret_state_bump(state, SCALE_VALUE, delta);
	if (delta < 0)
		scale_check_removal(&csat_desc, state);
}

/* csat(score) and csat(score, scale_max): satisfied = the top two boxes. */
static Datum
csat_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &csat_desc);

	if (!PG_ARGISNULL(1))
	{
		int32		scale = scale_arg(fcinfo, 2, CSAT_DEFAULT_SCALE);
		int32		score = scale_score("CSAT", PG_GETARG_INT32(1), scale);

		csat_count(state, scale, score >= scale - 1, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(csat_sfunc, csat_inv, csat_step)

/* csat(satisfied boolean) */
static Datum
csat_bool_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &csat_desc);

	if (!PG_ARGISNULL(1))
		csat_count(state, CSAT_BOOLEAN_SCALE, PG_GETARG_BOOL(1), delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(csat_bool_sfunc, csat_bool_inv, csat_bool_step)

PG_FUNCTION_INFO_V1(csat_final);
Datum
csat_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &csat_desc);

	if (state->v[SCALE_RESPONSES] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[SCALE_VALUE] / state->v[SCALE_RESPONSES]);
}

/* ---------- CES ---------- */

static const RetField ces_fields[] = {
	{"responses", RF_COUNT}, {"total", RF_COUNT}, {"scale_max", RF_PARAM}
};

static const char *
ces_problem(const int64 *v, bool params_set)
{
	return scale_problem(v, params_set, true);
}

static const RetStateDesc ces_desc = {
	"ces_state", 3, ces_fields, ces_problem, NULL, NULL, scale_mismatch
};

RETENTION_STATE_FUNCTIONS(ces_state, ces_desc)

static Datum
ces_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &ces_desc);

	if (!PG_ARGISNULL(1))
	{
		int32		scale = scale_arg(fcinfo, 2, CES_DEFAULT_SCALE);
		int32		score = scale_score("CES", PG_GETARG_INT32(1), scale);

		set_scale(&ces_desc, state, scale);
		ret_state_bump(state, SCALE_RESPONSES, delta);
		if (delta > 0)
			ret_state_add(state, SCALE_VALUE, score);
		else
		{
			ret_state_bump(state, SCALE_VALUE, -score);
			scale_check_removal(&ces_desc, state);
		}
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(ces_sfunc, ces_inv, ces_step)

PG_FUNCTION_INFO_V1(ces_final);
Datum
ces_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &ces_desc);

	if (state->v[SCALE_RESPONSES] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) state->v[SCALE_VALUE] / state->v[SCALE_RESPONSES]);
}
