/*-------------------------------------------------------------------------
 *
 * revenue.c
 *	  Revenue retention over (start_mrr, end_mrr) rows, one per customer:
 *	  net_revenue_retention, gross_revenue_retention, revenue_churn_rate and
 *	  revenue_churn (SPEC section 3).
 *
 * The four share one state, revenue_state: the number of customers and
 * three sums, sum of start, sum of end and sum of lost revenue
 * max(start - end, 0).  The retained revenue, sum of min(start, end), is
 * start - lost, so it needs no field of its own.
 *
 * The sums are exact: every amount is converted to an integer number of
 * 1/10000 currency units (rounded half away from zero, as numeric's
 * rounding does) and summed in int64, so adding and removing a row (the
 * inverse transition of sliding windows) is exact, and the total does not
 * depend on the row order, on parallel workers or on rollups.  Four decimals
 * keep fractions of a cent that prices and prorations produce, while int64
 * still holds a total of 922 337 203 685 477.5807 units, far beyond any
 * recurring revenue; an amount or a sum beyond that is an error (22003),
 * never a wrong number.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "state.h"

/* Amounts are stored in units of 1/REV_SCALE. */
#define REV_SCALE		10000
#define REV_SCALE_LOG10	4

enum
{
	REV_CUSTOMERS, REV_START, REV_END, REV_LOST
};

static const RetField revenue_fields[] = {
	{"customers", RF_COUNT}, {"start_mrr", RF_COUNT}, {"end_mrr", RF_COUNT},
	{"lost_mrr", RF_COUNT}
};

/*
 * Whole-state rule: every customer brings a positive start amount, and no
 * more is lost than there was at start.
 */
static const char *
revenue_check(const int64 *v, bool params_set)
{
	if (v[REV_CUSTOMERS] == 0 &&
		(v[REV_START] != 0 || v[REV_END] != 0 || v[REV_LOST] != 0))
		return "It has amounts but no customers.";
	if (v[REV_START] < v[REV_CUSTOMERS])
		return "Its start amount is smaller than one unit per customer.";
	if (v[REV_LOST] > v[REV_START])
		return "More revenue is lost than there was at start.";
	return NULL;
}

static const RetStateDesc revenue_desc = {
	"revenue_state", 4, revenue_fields, revenue_check
};

RETENTION_STATE_FUNCTIONS(revenue_state, revenue_desc)

/* ---------- amounts ---------- */

/* 22003 for an amount that cannot be counted. */
static void pg_attribute_noreturn()
bad_amount(const char *name, const char *value, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is %s", name, value, what),
			 errhint("Recurring revenue is a finite amount from 0 to 922337203685477.5807; a missing amount is NULL.")));
}

/* A double precision amount in units; 22003 when negative or not finite. */
static int64
float8_units(const char *name, float8 x)
{
	float8		u;

	if (isnan(x) || isinf(x))
		bad_amount(name, isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity", "not a finite amount");
	if (x < 0)
		bad_amount(name, psprintf("%g", x), "negative");
	u = round(x * REV_SCALE);
	/* 2^63 is the first double beyond int64 */
	if (!(u < 9223372036854775808.0))
		bad_amount(name, psprintf("%g", x), "too large");
	return (int64) u;
}

/*
 * numeric's storage format, as numeric.c defines it (it is the on-disk
 * format, stable since PostgreSQL 9.1): a uint16 header word, then for the
 * long form a signed 16-bit weight, then base-10000 digits, most
 * significant first, the first of weight "weight" (value = sum of digit[i]
 * * 10000^(weight - i)).  The short form packs sign, display scale and
 * weight into the header word.  Since our unit is 1/10000, the amount in
 * units is the digits down to weight -1, rounded by the digit of weight -2.
 */
#define NUM_SIGN_MASK			0xC000
#define NUM_POS					0x0000
#define NUM_NEG					0x4000
#define NUM_SHORT				0x8000
#define NUM_SPECIAL				0xC000
#define NUM_SHORT_SIGN_MASK		0x2000
#define NUM_SHORT_WEIGHT_SIGN	0x0040
#define NUM_SHORT_WEIGHT_MASK	0x003F
#define NUM_NBASE				10000

/* Base-10000 digit i of a numeric's digit array (unaligned). */
static inline int64
numeric_digit(const char *digits, int i)
{
	int16		digit;

	memcpy(&digit, digits + i * sizeof(int16), sizeof(int16));
	return digit;
}

/*
 * A numeric amount in units; 22003 when negative, NaN, infinite or too
 * large.  Decoded from the digits: no palloc and no numeric arithmetic per
 * row.
 */
static int64
numeric_units(const char *name, Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *data = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);
	uint16		header;
	int			weight,
				ndigits,
				e,
				i;
	const char *digits;
	bool		negative;
	int64		units = 0;

	if (len < sizeof(uint16))
		elog(ERROR, "invalid numeric value");
	memcpy(&header, data, sizeof(uint16));
	if ((header & NUM_SIGN_MASK) == NUM_SPECIAL)
		bad_amount(name, numeric_normalize(DatumGetNumeric(d)), "not a finite amount");
	if ((header & NUM_SIGN_MASK) == NUM_SHORT)
	{
		negative = (header & NUM_SHORT_SIGN_MASK) != 0;
		weight = header & NUM_SHORT_WEIGHT_MASK;
		if (header & NUM_SHORT_WEIGHT_SIGN)
			weight |= ~NUM_SHORT_WEIGHT_MASK;
		digits = data + sizeof(uint16);
	}
	else
	{
		int16		w;

		if (len < sizeof(uint16) + sizeof(int16))
			elog(ERROR, "invalid numeric value");
		negative = (header & NUM_SIGN_MASK) == NUM_NEG;
		memcpy(&w, data + sizeof(uint16), sizeof(int16));
		weight = w;
		digits = data + sizeof(uint16) + sizeof(int16);
	}
	ndigits = (len - (digits - data)) / sizeof(int16);

	/* zero has no digits, and is never negative */
	if (negative && ndigits > 0)
		bad_amount(name, numeric_normalize(DatumGetNumeric(d)), "negative");

	/*
	 * Digit i is worth 10000^(weight + 1 - i) units: take the digits worth
	 * 10000^e for e from weight + 1 down to 0 (missing trailing digits are
	 * zero), then round by the digit worth 10000^-1 units.
	 */
	for (e = weight + 1; e >= 0; e--)
	{
		i = weight + 1 - e;
		if (pg_mul_s64_overflow(units, NUM_NBASE, &units) ||
			pg_add_s64_overflow(units, i < ndigits ? numeric_digit(digits, i) : 0, &units))
			bad_amount(name, numeric_normalize(DatumGetNumeric(d)), "too large");
	}
	i = weight + 2;
	if (i >= 0 && i < ndigits && numeric_digit(digits, i) >= NUM_NBASE / 2 &&
		pg_add_s64_overflow(units, 1, &units))
		bad_amount(name, numeric_normalize(DatumGetNumeric(d)), "too large");
	return units;
}

/* ---------- transition ---------- */

/* Add an amount to a sum; 22003 when the sum leaves the int64 range. */
static inline void
revenue_add(RetState *state, int field, int64 units)
{
	if (unlikely(pg_add_s64_overflow(state->v[field], units, &state->v[field])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of %s is out of range", revenue_fields[field].name),
				 errhint("A group's revenue sums up to 922337203685477.5807; split the group, for example by currency or region, and add the results.")));
}

/*
 * Count one customer with start and end in units (delta 1) or remove it
 * (delta -1).  A zero start is not a customer.
 */
static void
revenue_count(RetState *state, int64 start, int64 end, int64 delta)
{
	int64		lost = start > end ? start - end : 0;

	if (start == 0)
		return;
	ret_state_bump(state, REV_CUSTOMERS, delta);
	if (delta > 0)
	{
		revenue_add(state, REV_START, start);
		revenue_add(state, REV_END, end);
		revenue_add(state, REV_LOST, lost);
	}
	else
	{
		ret_state_bump(state, REV_START, -start);
		ret_state_bump(state, REV_END, -end);
		ret_state_bump(state, REV_LOST, -lost);
	}
}

/*
 * Both amounts are checked whenever given, even when the row is skipped for
 * a NULL or zero start: a negative amount is an error wherever it is.
 */
static Datum
revenue_numeric_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &revenue_desc);
	int64		start = 0,
				end = 0;

	if (!PG_ARGISNULL(1))
		start = numeric_units("start_mrr", PG_GETARG_DATUM(1));
	if (!PG_ARGISNULL(2))
		end = numeric_units("end_mrr", PG_GETARG_DATUM(2));
	revenue_count(state, start, end, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(revenue_numeric_sfunc, revenue_numeric_inv, revenue_numeric_step)

static Datum
revenue_float8_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &revenue_desc);
	int64		start = 0,
				end = 0;

	if (!PG_ARGISNULL(1))
		start = float8_units("start_mrr", PG_GETARG_FLOAT8(1));
	if (!PG_ARGISNULL(2))
		end = float8_units("end_mrr", PG_GETARG_FLOAT8(2));
	revenue_count(state, start, end, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(revenue_float8_sfunc, revenue_float8_inv, revenue_float8_step)

/* ---------- final functions ---------- */

/* 100 * part / start, or NULL without customers. */
static Datum
revenue_percent(FunctionCallInfo fcinfo, int field)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &revenue_desc);
	int64		part;

	if (state->v[REV_CUSTOMERS] == 0)
		PG_RETURN_NULL();
	part = field == REV_START ? state->v[REV_START] - state->v[REV_LOST] : state->v[field];
	PG_RETURN_FLOAT8(100.0 * (double) part / (double) state->v[REV_START]);
}

/* 100 * sum(end) / sum(start) */
PG_FUNCTION_INFO_V1(nrr_final);
Datum
nrr_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_END);
}

/* 100 * sum(min(start, end)) / sum(start) = 100 * (start - lost) / start */
PG_FUNCTION_INFO_V1(grr_final);
Datum
grr_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_START);
}

/* 100 * sum(max(start - end, 0)) / sum(start) */
PG_FUNCTION_INFO_V1(revenue_churn_rate_final);
Datum
revenue_churn_rate_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_LOST);
}

/* sum(max(start - end, 0)), exact, as numeric with four decimals. */
PG_FUNCTION_INFO_V1(revenue_churn_final);
Datum
revenue_churn_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &revenue_desc);

	if (state->v[REV_CUSTOMERS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(int64_div_fast_to_numeric(state->v[REV_LOST], REV_SCALE_LOG10));
}
