/*-------------------------------------------------------------------------
 *
 * receivables_common.h
 *	  What the invoice metrics of dso.c and receivables.c share: adding or
 *	  removing an amount in a sum field, and the check of a known figure of
 *	  their scalar forms.
 *
 * Inline, as the per-row code they replace was, so sharing them costs
 * nothing.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_RECEIVABLES_COMMON_H
#define RETENTION_RECEIVABLES_COMMON_H

#include "postgres.h"

#include <math.h>

#include "state.h"

/* Add (delta 1) or remove (delta -1) units to a sum field. */
static inline void
sum_step(RetState *state, int field, int64 units, int64 delta)
{
	if (delta > 0)
		ret_state_add(state, field, units);
	else
		ret_state_bump(state, field, -units);
}

/* 22003 for a figure of the scalar forms that is negative, NaN or infinite. */
static inline void
check_figure(const char *name, double value)
{
	if (isnan(value) || isinf(value) || value < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g is out of range", name, value),
				 errhint("%s is a finite number, zero or more.", name)));
}

#endif							/* RETENTION_RECEIVABLES_COMMON_H */
