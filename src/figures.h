/*-------------------------------------------------------------------------
 *
 * figures.h
 *	  Checks of the finance-sheet figures the descriptive scalar functions
 *	  take (clv_simple.c, unit_economics.c): one rule, one message, for a
 *	  figure, a gross margin and a result in every function.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_FIGURES_H
#define RETENTION_FIGURES_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"

/* A figure that must be finite and not negative; 22003 otherwise. */
static inline double
nonnegative_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	double		value = PG_GETARG_FLOAT8(argno);

	if (isnan(value) || isinf(value) || value < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g is out of range", name, value),
				 errhint("%s is a finite number, zero or more.", name)));
	return value;
}

/* The optional gross margin at argno, a fraction from 0 to 1; 1 when absent. */
static inline double
margin_arg(FunctionCallInfo fcinfo, int argno)
{
	double		margin;

	if (PG_NARGS() <= argno)
		return 1.0;
	margin = PG_GETARG_FLOAT8(argno);
	if (isnan(margin) || margin < 0 || margin > 1)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("gross_margin %g is out of range", margin),
				 errhint("gross_margin is a fraction from 0 to 1 (0.7 for 70 %%).")));
	return margin;
}

/* A result that overflowed double precision is an error, not infinity. */
static inline double
finite_result(const char *what, double value)
{
	if (isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for type double precision", what)));
	return value;
}

#endif							/* RETENTION_FIGURES_H */
