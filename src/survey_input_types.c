/*-------------------------------------------------------------------------
 *
 * survey_input_types.c
 *	  Survey scores (NPS, CSAT, CES) given as smallint, bigint, numeric or
 *	  double precision.
 *
 * pandas writes integer columns as bigint and a column with missing answers
 * as double precision; migrations leave numeric.  Each overload here has its
 * own C entry point (the argument type is a constant of the entry point,
 * never read from the call expression, which Citus does not supply): it
 * turns the score into the int4 that the int4 entry point of survey.c
 * takes, in the same fcinfo, and calls it, so the state is still updated in
 * place and every other check stays in one place.  A score that is not a
 * whole number is an error (22023) naming it, never rounded; one beyond the
 * range of int4 is out of range (22003) like any score outside its scale.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

/* The int4 entry points of survey.c that the overloads here call. */
extern Datum nps_sfunc(PG_FUNCTION_ARGS);
extern Datum nps_inv(PG_FUNCTION_ARGS);
extern Datum csat_sfunc(PG_FUNCTION_ARGS);
extern Datum csat_inv(PG_FUNCTION_ARGS);
extern Datum ces_sfunc(PG_FUNCTION_ARGS);
extern Datum ces_inv(PG_FUNCTION_ARGS);

/* The argument types an overload converts from. */
typedef enum ScoreType
{
	SCORE_INT2,
	SCORE_INT8,
	SCORE_NUMERIC,
	SCORE_FLOAT8
} ScoreType;

/* What a metric accepts, for the messages. */
typedef struct SurveyMetric
{
	const char *name;			/* as in survey.c's messages: "NPS" */
	int32		low;			/* lowest answer */
	int32		default_high;	/* highest answer without scale_max */
	bool		has_scale;		/* takes scale_max as argument 2 */
} SurveyMetric;

static const SurveyMetric nps_metric = {"NPS", 0, 10, false};
static const SurveyMetric csat_metric = {"CSAT", 1, 5, true};
static const SurveyMetric ces_metric = {"CES", 1, 7, true};

/*
 * The accepted answers of a call, for a HINT, worded as survey.c words
 * them; the scale is valid here (see score_call).
 */
static char *
accepted_scores(FunctionCallInfo fcinfo, const SurveyMetric *metric)
{
	if (!metric->has_scale)
		return psprintf("An %s answer is an integer from %d to %d.",
						metric->name, metric->low, metric->default_high);
	return psprintf("Answers on this scale are integers from %d to %d.", metric->low,
					PG_NARGS() > 2 ? PG_GETARG_INT32(2) : metric->default_high);
}

/* Whether the call has a scale_max that survey.c will refuse. */
static inline bool
scale_is_bad(FunctionCallInfo fcinfo, const SurveyMetric *metric)
{
	return metric->has_scale && PG_NARGS() > 2 &&
		(PG_ARGISNULL(2) || PG_GETARG_INT32(2) < 2);
}

/* 22023: the score is not a whole number. */
static pg_noinline void
score_not_whole(FunctionCallInfo fcinfo, const SurveyMetric *metric, const char *text)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s score %s is not a whole number", metric->name, text),
			 errhint("%s Round the answers first if rounding is what you mean.",
					 accepted_scores(fcinfo, metric))));
}

/* 22003: the score is beyond every scale. */
static pg_noinline void
score_out_of_range(FunctionCallInfo fcinfo, const SurveyMetric *metric, const char *text)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s score %s is out of range", metric->name, text),
			 errhint("%s", accepted_scores(fcinfo, metric))));
}

/* A bigint score as int4; 22003 beyond int4 (beyond every scale). */
static int32
score_from_int8(FunctionCallInfo fcinfo, const SurveyMetric *metric, int64 score)
{
	if (score < PG_INT32_MIN || score > PG_INT32_MAX)
		score_out_of_range(fcinfo, metric, psprintf(INT64_FORMAT, score));
	return (int32) score;
}

/* A numeric score as int4: 22023 unless whole, 22003 beyond int4. */
static int32
score_from_numeric(FunctionCallInfo fcinfo, const SurveyMetric *metric, Numeric score)
{
	Datum		value = NumericGetDatum(score);
	bool		have_error = false;
	int32		whole;

	if (numeric_is_nan(score))
		score_not_whole(fcinfo, metric, "NaN");
	if (numeric_is_inf(score))
		score_out_of_range(fcinfo, metric,
						   DatumGetCString(DirectFunctionCall1(numeric_out, value)));
	if (!DatumGetBool(DirectFunctionCall2(numeric_eq, value,
										  DirectFunctionCall2(numeric_trunc, value,
															  Int32GetDatum(0)))))
		score_not_whole(fcinfo, metric,
						DatumGetCString(DirectFunctionCall1(numeric_out, value)));
	whole = numeric_int4_opt_error(score, &have_error);
	if (have_error)
		score_out_of_range(fcinfo, metric,
						   DatumGetCString(DirectFunctionCall1(numeric_out, value)));
	return whole;
}

/* A double precision score as int4: 22023 unless whole, 22003 beyond int4. */
static int32
score_from_float8(FunctionCallInfo fcinfo, const SurveyMetric *metric, float8 score)
{
	if (isnan(score))
		score_not_whole(fcinfo, metric, "NaN");
	if (score != floor(score) && !isinf(score))
		score_not_whole(fcinfo, metric, float8out_internal(score));
	if (!(score >= (float8) PG_INT32_MIN && score <= (float8) PG_INT32_MAX))
		score_out_of_range(fcinfo, metric, float8out_internal(score));
	return (int32) score;
}

/*
 * Replace argument 1 (the score) by its int4 value, then call the int4
 * entry point with the same fcinfo.  The scale comes first, as in
 * survey.c: a NULL or too small one is left for survey.c to report, and a
 * valid one is named in the hint of a score error.
 */
static Datum
score_call(FunctionCallInfo fcinfo, const SurveyMetric *metric, ScoreType type,
		   PGFunction int4_entry)
{
	if (!PG_ARGISNULL(1) && scale_is_bad(fcinfo, metric))
	{
		/* any score: survey.c checks the scale first and reports it */
		fcinfo->args[1].value = Int32GetDatum(metric->low);
	}
	else if (!PG_ARGISNULL(1))
	{
		int32		score = 0;

		switch (type)
		{
			case SCORE_INT2:
				score = PG_GETARG_INT16(1);
				break;
			case SCORE_INT8:
				score = score_from_int8(fcinfo, metric, PG_GETARG_INT64(1));
				break;
			case SCORE_NUMERIC:
				score = score_from_numeric(fcinfo, metric, PG_GETARG_NUMERIC(1));
				break;
			case SCORE_FLOAT8:
				score = score_from_float8(fcinfo, metric, PG_GETARG_FLOAT8(1));
				break;
		}
		fcinfo->args[1].value = Int32GetDatum(score);
	}
	return int4_entry(fcinfo);
}

/* name_<type>: the score of that type, scale_max (if any) int4 */
#define SCORE_ENTRY(name, suffix, metric, type) \
	PG_FUNCTION_INFO_V1(name##_##suffix); \
	Datum name##_##suffix(PG_FUNCTION_ARGS) \
	{ return score_call(fcinfo, &(metric), type, name); }

/* The overloads of a transition function (or its inverse) per score type. */
#define SCORE_ENTRY_POINTS(name, metric) \
	SCORE_ENTRY(name, int2, metric, SCORE_INT2) \
	SCORE_ENTRY(name, int8, metric, SCORE_INT8) \
	SCORE_ENTRY(name, numeric, metric, SCORE_NUMERIC) \
	SCORE_ENTRY(name, float8, metric, SCORE_FLOAT8)

SCORE_ENTRY_POINTS(nps_sfunc, nps_metric)
SCORE_ENTRY_POINTS(nps_inv, nps_metric)
SCORE_ENTRY_POINTS(csat_sfunc, csat_metric)
SCORE_ENTRY_POINTS(csat_inv, csat_metric)
SCORE_ENTRY_POINTS(ces_sfunc, ces_metric)
SCORE_ENTRY_POINTS(ces_inv, ces_metric)
