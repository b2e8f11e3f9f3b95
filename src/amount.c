/*-------------------------------------------------------------------------
 *
 * amount.c
 *	  Exact money amounts as int64 units of 1/10000: conversion of numeric
 *	  and double precision arguments, with the 22003 errors, and back to
 *	  numeric.  See amount.h for why amounts are fixed-point.  The numeric
 *	  decoding here also reads numeric customer keys as the int64 they
 *	  equal (numeric_to_int64_exact).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "amount.h"

/* 22003 for an amount that cannot be counted; "value" is how it prints. */
static void pg_attribute_noreturn()
bad_amount(const char *what, const char *value, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is %s", what, value, why),
			 errhint("An amount is a finite number from 0 to %s, kept to four decimals; a missing amount is NULL.",
					 amount_to_cstring(AMOUNT_MAX_UNITS))));
}

int64
amount_from_float8(const char *what, float8 x)
{
	float8		y,
				u;

	if (isnan(x) || isinf(x))
		bad_amount(what, isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity", "not a finite amount");
	if (x < 0)
		bad_amount(what, psprintf("%g", x), "negative");
	y = x * AMOUNT_SCALE;

	/*
	 * A decimal tie such as 538.44315 is not exact in binary, so round(y)
	 * can go either way where round(x::numeric, 4) rounds up.  Near a tie,
	 * round the decimal form, as the numeric cast writes it, instead: the
	 * same units as the numeric argument would give.
	 */
	if (fabs(y - floor(y) - 0.5) <= y * 1e-13 && y < 1e15)
		return amount_from_numeric(what, DirectFunctionCall1(float8_numeric, Float8GetDatum(x)));
	u = round(y);
	/* 2^63 is the first double beyond int64 */
	if (!(u < 9223372036854775808.0))
		bad_amount(what, psprintf("%g", x), "too large");
	return (int64) u;
}

/*
 * numeric's storage format, as numeric.c defines it (it is the on-disk
 * format, stable since PostgreSQL 9.1): a uint16 header word, then for the
 * long form a signed 16-bit weight, then base-10000 digits, most
 * significant first, the first of weight "weight" (value = sum of digit[i]
 * * 10000^(weight - i)).  The short form packs sign, display scale and
 * weight into the header word.  Since our unit is 1/10000, the amount in
 * units is the digits down to weight -1, rounded by the digit of weight -2
 * (half away from zero: a digit of 5000 or more is at least half a unit).
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

StaticAssertDecl(NUM_NBASE == AMOUNT_SCALE,
				 "the decoding below relies on one numeric digit per unit scale");

/* Base-10000 digit i of a numeric's digit array (unaligned). */
static inline int64
numeric_digit(const char *digits, int i)
{
	int16		digit;

	memcpy(&digit, digits + i * sizeof(int16), sizeof(int16));
	return digit;
}

/* A finite numeric's digits, read in place. */
typedef struct NumericDigits
{
	bool		negative;
	int			weight;			/* of the first digit */
	int			ndigits;
	const char *digits;			/* base-10000 int16s, unaligned */
} NumericDigits;

/*
 * Decode a numeric's header; false for NaN and the infinities.  A packed
 * (short-header) value is read in place, not copied.
 */
static bool
numeric_digits(Datum numeric, NumericDigits *nd)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(numeric);
	const char *data = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);
	uint16		header;

	if (len < sizeof(uint16))
		elog(ERROR, "invalid numeric value");
	memcpy(&header, data, sizeof(uint16));
	if ((header & NUM_SIGN_MASK) == NUM_SPECIAL)
		return false;
	if ((header & NUM_SIGN_MASK) == NUM_SHORT)
	{
		nd->negative = (header & NUM_SHORT_SIGN_MASK) != 0;
		nd->weight = header & NUM_SHORT_WEIGHT_MASK;
		if (header & NUM_SHORT_WEIGHT_SIGN)
			nd->weight |= ~NUM_SHORT_WEIGHT_MASK;
		nd->digits = data + sizeof(uint16);
	}
	else
	{
		int16		w;

		if (len < sizeof(uint16) + sizeof(int16))
			elog(ERROR, "invalid numeric value");
		nd->negative = (header & NUM_SIGN_MASK) == NUM_NEG;
		memcpy(&w, data + sizeof(uint16), sizeof(int16));
		nd->weight = w;
		nd->digits = data + sizeof(uint16) + sizeof(int16);
	}
	nd->ndigits = (len - (nd->digits - data)) / sizeof(int16);
	return true;
}

int64
amount_from_numeric(const char *what, Datum numeric)
{
	NumericDigits nd;
	int			e,
				i;
	int64		units = 0;

	if (!numeric_digits(numeric, &nd))
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "not a finite amount");

	/* zero has no digits, and is never negative */
	if (nd.negative && nd.ndigits > 0)
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "negative");

	/*
	 * Digit i is worth 10000^(weight + 1 - i) units: take the digits worth
	 * 10000^e for e from weight + 1 down to 0 (missing trailing digits are
	 * zero), then round by the digit worth 10000^-1 units.
	 */
	for (e = nd.weight + 1; e >= 0; e--)
	{
		i = nd.weight + 1 - e;
		if (pg_mul_s64_overflow(units, NUM_NBASE, &units) ||
			pg_add_s64_overflow(units, i < nd.ndigits ? numeric_digit(nd.digits, i) : 0, &units))
			bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "too large");
	}
	i = nd.weight + 2;
	if (i >= 0 && i < nd.ndigits && numeric_digit(nd.digits, i) >= NUM_NBASE / 2 &&
		pg_add_s64_overflow(units, 1, &units))
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "too large");
	return units;
}

bool
numeric_to_int64_exact(Datum numeric, int64 *result)
{
	NumericDigits nd;
	int64		value = 0;
	int			i;

	if (!numeric_digits(numeric, &nd))
		return false;
	/* a digit after the one worth 10000^0 that is not zero: a fraction */
	for (i = Max(nd.weight + 1, 0); i < nd.ndigits; i++)
		if (numeric_digit(nd.digits, i) != 0)
			return false;
	/* negated while summing, so that -2^63 fits */
	for (i = 0; i <= nd.weight; i++)
		if (pg_mul_s64_overflow(value, NUM_NBASE, &value) ||
			pg_sub_s64_overflow(value, i < nd.ndigits ? numeric_digit(nd.digits, i) : 0, &value))
			return false;
	if (!nd.negative)
	{
		if (value == PG_INT64_MIN)
			return false;
		value = -value;
	}
	*result = value;
	return true;
}

/*
 * The powers of ten that are exact doubles.  An integer m below 2^53 is an
 * exact double too, and IEEE multiplication and division round correctly,
 * so m * 10^k and m / 10^k are the double nearest the decimal value: what
 * strtod gives for its text, and so what numeric_float8 gives.
 */
static const double exact_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

#define EXACT_POW10_MAX		22
#define EXACT_INT_LIMIT		(INT64CONST(1) << 53)

double
numeric_to_double(Datum numeric)
{
	NumericDigits nd;
	int64		m = 0;
	int			i,
				k;
	double		x;

	if (!numeric_digits(numeric, &nd))
		return DatumGetFloat8(DirectFunctionCall1(numeric_float8, numeric));
	for (i = 0; i < nd.ndigits; i++)
	{
		/* stays below 2^53: another digit only while m < 2^53 / 10000 */
		m = m * NUM_NBASE + numeric_digit(nd.digits, i);
		if (m >= EXACT_INT_LIMIT / NUM_NBASE && i + 1 < nd.ndigits)
			return DatumGetFloat8(DirectFunctionCall1(numeric_float8, numeric));
	}
	/* value = m * 10000^(weight + 1 - ndigits) = m * 10^k */
	k = 4 * (nd.weight + 1 - nd.ndigits);
	if (k > EXACT_POW10_MAX || k < -EXACT_POW10_MAX)
		return DatumGetFloat8(DirectFunctionCall1(numeric_float8, numeric));
	x = k >= 0 ? (double) m * exact_pow10[k] : (double) m / exact_pow10[-k];
	return nd.negative ? -x : x;
}

Numeric
amount_to_numeric(int64 units)
{
	return int64_div_fast_to_numeric(units, AMOUNT_SCALE_LOG10);
}

char *
amount_to_cstring(int64 units)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   NumericGetDatum(amount_to_numeric(units))));
}
