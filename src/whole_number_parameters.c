/*-------------------------------------------------------------------------
 *
 * whole_number_parameters.c
 *	  double precision spellings of integer parameters: loyal_customer_rate's
 *	  min_orders, the scale_max of csat and ces, and the integer arguments
 *	  of the model predictions and cei (periods, counts, months).
 *
 * A bigint (2::bigint, a bigint column) or numeric parameter used to find no
 * aggregate, and a bigint overload would make an untyped parameter ($1,
 * NULL) ambiguous.  double precision takes both, by implicit cast, and is
 * what PostgreSQL picks for an untyped argument, so these forms serve every
 * spelling but int4, which keeps its own.  Each entry point checks that the
 * value is a whole number within int4 and passes it on, in the same fcinfo,
 * to the int4 entry point of the same aggregate, which checks the accepted
 * range and updates the state in place: the int4 hot path is unchanged and
 * both spellings give one state.  A fraction, NaN, infinity or a value
 * beyond int4 is 22023 naming it and the accepted range, like an int4 value
 * outside it.  NULL is passed on untouched, so it is the int4 form's error.
 * The scalar functions (sbg_survival(model, t), cei(..., months), ...) work
 * the same way: each double precision argument that stands for an integer
 * is checked and passed on to the int4 function, which checks its range.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "common/shortest_dec.h"

/* The parameter follows the state and the row's value. */
#define PARAM_ARG 2

/*
 * Double precision argument argno as an int4; 22023 when it is not one
 * (lowest is where the accepted range starts, for the message).
 */
static void
arg_to_int4(FunctionCallInfo fcinfo, int argno, const char *argname, int32 lowest,
			const char *hint)
{
	double		v;

	if (PG_ARGISNULL(argno))
		return;
	v = PG_GETARG_FLOAT8(argno);
	/* the negated test also catches NaN */
	if (!(v >= (double) PG_INT32_MIN && v <= (double) PG_INT32_MAX && v == floor(v)))
	{
		char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(v, buf);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is out of range", argname, buf),
				 errdetail("%s must be a whole number between %d and %d.", argname, lowest, PG_INT32_MAX),
				 hint ? errhint("%s", hint) : 0));
	}
	fcinfo->args[argno].value = Int32GetDatum((int32) v);
}

#define MIN_ORDERS_HINT "min_orders is the number of orders that makes a customer loyal, at least 1."
#define SCALE_MAX_HINT "A survey scale runs from 1 to scale_max, and scale_max is at least 2."

/* name_whole_number: the parameter as an int4, then name. */
#define WHOLE_NUMBER_ENTRY(name, argname, lowest, hint) \
	extern Datum name(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(name##_whole_number); \
	Datum name##_whole_number(PG_FUNCTION_ARGS) \
	{ \
		arg_to_int4(fcinfo, PARAM_ARG, argname, lowest, hint); \
		return name(fcinfo); \
	}

#define MIN_ORDERS_WHOLE(name) WHOLE_NUMBER_ENTRY(name, "min_orders", 1, MIN_ORDERS_HINT)
#define SCALE_MAX_WHOLE(name) WHOLE_NUMBER_ENTRY(name, "scale_max", 2, SCALE_MAX_HINT)

MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_int2)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_int2)
MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_int4)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_int4)
MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_int8)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_int8)
MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_numeric)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_numeric)
MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_text)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_text)
MIN_ORDERS_WHOLE(loyal_customer_rate_sfunc_uuid)
MIN_ORDERS_WHOLE(loyal_customer_rate_inv_uuid)

SCALE_MAX_WHOLE(csat_sfunc)
SCALE_MAX_WHOLE(csat_inv)
SCALE_MAX_WHOLE(csat_sfunc_int2)
SCALE_MAX_WHOLE(csat_inv_int2)
SCALE_MAX_WHOLE(csat_sfunc_int8)
SCALE_MAX_WHOLE(csat_inv_int8)
SCALE_MAX_WHOLE(csat_sfunc_numeric)
SCALE_MAX_WHOLE(csat_inv_numeric)
SCALE_MAX_WHOLE(csat_sfunc_float8)
SCALE_MAX_WHOLE(csat_inv_float8)
SCALE_MAX_WHOLE(ces_sfunc)
SCALE_MAX_WHOLE(ces_inv)
SCALE_MAX_WHOLE(ces_sfunc_int2)
SCALE_MAX_WHOLE(ces_inv_int2)
SCALE_MAX_WHOLE(ces_sfunc_int8)
SCALE_MAX_WHOLE(ces_inv_int8)
SCALE_MAX_WHOLE(ces_sfunc_numeric)
SCALE_MAX_WHOLE(ces_inv_numeric)
SCALE_MAX_WHOLE(ces_sfunc_float8)
SCALE_MAX_WHOLE(ces_inv_float8)

/*
 * The scalar functions: name_whole_number checks its arguments (each
 * arg_to_int4 call: argument number, name, lowest accepted) and calls name.
 */
#define COUNT_HINT "It is a whole number of periods, opportunities or purchases."

#define WHOLE_NUMBER_SCALAR(name, checks) \
	extern Datum name(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(name##_whole_number); \
	Datum name##_whole_number(PG_FUNCTION_ARGS) \
	{ \
		checks; \
		return name(fcinfo); \
	}

/* frequency, recency, periods of a BG/BB pattern, from argument first on */
static void
bgbb_pattern_to_int4(FunctionCallInfo fcinfo, int first)
{
	arg_to_int4(fcinfo, first, "frequency", 0, COUNT_HINT);
	arg_to_int4(fcinfo, first + 1, "recency", 0, COUNT_HINT);
	arg_to_int4(fcinfo, first + 2, "periods", 0, COUNT_HINT);
}

WHOLE_NUMBER_SCALAR(clv_purchase_probability, arg_to_int4(fcinfo, 2, "n", 0, COUNT_HINT))
WHOLE_NUMBER_SCALAR(sbg_survival, arg_to_int4(fcinfo, 1, "t", 0, COUNT_HINT))
WHOLE_NUMBER_SCALAR(sbg_retention, arg_to_int4(fcinfo, 1, "t", 0, COUNT_HINT))
WHOLE_NUMBER_SCALAR(sbg_derl, arg_to_int4(fcinfo, 2, "renewals", 0, COUNT_HINT))
WHOLE_NUMBER_SCALAR(bgbb_p_alive, bgbb_pattern_to_int4(fcinfo, 1))
WHOLE_NUMBER_SCALAR(bgbb_expected_purchases,
					arg_to_int4(fcinfo, 1, "t", 0, COUNT_HINT);
					bgbb_pattern_to_int4(fcinfo, 2))
WHOLE_NUMBER_SCALAR(bgbb_dert, bgbb_pattern_to_int4(fcinfo, 2))
WHOLE_NUMBER_SCALAR(cei_figures,
					arg_to_int4(fcinfo, 4, "months", 1,
								"months is the number of months credit_sales covers, 1 or more."))
