/*-------------------------------------------------------------------------
 *
 * dso_input_types.c
 *	  dso(amount, ...) and avg_days_to_pay(amount, ...) with a double
 *	  precision amount.
 *
 * SPEC section 1 takes every amount as numeric and as double precision;
 * the invoice metrics of dso.c take numeric.  Each overload here has its
 * own C entry point (the type is never read from the call expression, which
 * Citus does not supply): it replaces the amount by the numeric that
 * amount::numeric gives (the shortest decimal that reads back as the same
 * double) and calls the numeric entry point in the same fcinfo, so the state
 * is updated in place and every check (negative, NaN or infinite amounts
 * are 22003, naming the amount) stays in dso.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/fmgrprotos.h"

/* The amount is argument 1 (after the state). */
#define AMOUNT_ARG 1

/* name_float8: the double precision amount as numeric, then name. */
#define AMOUNT_FLOAT8_ENTRY(name) \
	extern Datum name(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(name##_float8); \
	Datum name##_float8(PG_FUNCTION_ARGS) \
	{ \
		if (!PG_ARGISNULL(AMOUNT_ARG)) \
			fcinfo->args[AMOUNT_ARG].value = \
				DirectFunctionCall1(float8_numeric, PG_GETARG_DATUM(AMOUNT_ARG)); \
		return name(fcinfo); \
	}

AMOUNT_FLOAT8_ENTRY(dso_sfunc)
AMOUNT_FLOAT8_ENTRY(dso_inv)
AMOUNT_FLOAT8_ENTRY(dso_tstz_sfunc)
AMOUNT_FLOAT8_ENTRY(dso_tstz_inv)
AMOUNT_FLOAT8_ENTRY(avg_days_to_pay_sfunc)
AMOUNT_FLOAT8_ENTRY(avg_days_to_pay_inv)
