/*-------------------------------------------------------------------------
 *
 * amount.c
 *	  Exact money amounts as int64 units of 1/10000: conversion of numeric
 *	  and double precision arguments, with the 22003 errors, and back to
 *	  numeric.  See amount.h for why amounts are fixed-point.
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

int64
amount_from_numeric(const char *what, Datum numeric)
{
	/* packed: a short-header value is read in place, not copied */
	struct varlena *v = PG_DETOAST_DATUM_PACKED(numeric);
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
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "not a finite amount");
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
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "negative");

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
			bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "too large");
	}
	i = weight + 2;
	if (i >= 0 && i < ndigits && numeric_digit(digits, i) >= NUM_NBASE / 2 &&
		pg_add_s64_overflow(units, 1, &units))
		bad_amount(what, numeric_normalize(DatumGetNumeric(numeric)), "too large");
	return units;
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
