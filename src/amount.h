/*-------------------------------------------------------------------------
 *
 * amount.h
 *	  Exact money amounts: numeric or double precision arguments turned into
 *	  int64 fixed-point units of 1/10000, and units turned back into numeric.
 *
 * Metrics that sum money (revenue retention, DSO, days to pay) keep their
 * sums as integers so that adding a row and removing it again (sliding
 * windows), merging parallel workers and merging stored states are all
 * exact.  An amount is rounded half away from zero to four decimals, as
 * round(x, 4) does, which keeps fractions of a cent that prices and
 * prorations produce while int64 still holds 922337203685477.5807.  An
 * amount that is negative, NaN, infinite or beyond that is an error (22003),
 * never a wrong number.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_AMOUNT_H
#define RETENTION_AMOUNT_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/numeric.h"

/* One unit is 1/AMOUNT_SCALE of the currency: four decimal places. */
#define AMOUNT_SCALE		10000
#define AMOUNT_SCALE_LOG10	4

/* The largest amount, and the largest sum, in units. */
#define AMOUNT_MAX_UNITS	PG_INT64_MAX

/*
 * A numeric or double precision amount in units; "what" names the argument
 * in messages.  22003 when negative, NaN, infinite or above
 * AMOUNT_MAX_UNITS.  The numeric form decodes the digits in place: no
 * palloc and no numeric arithmetic per row.
 */
extern int64 amount_from_numeric(const char *what, Datum numeric);
extern int64 amount_from_float8(const char *what, float8 x);

/*
 * Argument argno, an amount of the signature's type (double precision when
 * float8_amount, else numeric; never read from the call expression), in
 * units: the one place the invoice metrics turn either type into units.
 */
static inline int64
amount_arg(FunctionCallInfo fcinfo, int argno, bool float8_amount)
{
	if (float8_amount)
		return amount_from_float8("amount", PG_GETARG_FLOAT8(argno));
	return amount_from_numeric("amount", PG_GETARG_DATUM(argno));
}

/*
 * A numeric as double precision, the same double as the ::float8 cast
 * (numeric_float8) gives, decoded in place instead of through its text
 * when it has up to 15 significant digits (NaN and infinities as the cast).
 */
extern double numeric_to_double(Datum numeric);

/*
 * A numeric that is a whole number within bigint, as that int64, read in
 * place (no numeric arithmetic): false for a fraction, NaN, an infinity or
 * a value beyond bigint.
 */
extern bool numeric_to_int64_exact(Datum numeric, int64 *result);

/* Units back as a numeric with four decimals (results and messages). */
extern Numeric amount_to_numeric(int64 units);
extern char *amount_to_cstring(int64 units);

#endif							/* RETENTION_AMOUNT_H */
