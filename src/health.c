/*-------------------------------------------------------------------------
 *
 * health.c
 *	  health_score(components double precision[], weights double precision[]):
 *	  the weighted mean of customer-health components, each on 0-100.
 *
 * NULL components are skipped and the remaining weights renormalised, so a
 * customer with no NPS answer yet is scored on what is known.  Everything
 * else that does not fit is an error (SPEC section 1): arrays of different
 * lengths or more than one dimension, NULL, negative, NaN or infinite
 * weights, and all usable weights zero are 22023 (invalid parameter); a
 * component outside 0..100 or NaN is 22003 (out of range).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"

/* The elements of a one-dimensional float8 array (nulls may be NULL). */
static int
float8_elements(ArrayType *arr, const char *name, Datum **values, bool **nulls)
{
	int			n;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has %d dimensions", name, ARR_NDIM(arr)),
				 errhint("health_score takes one-dimensional arrays.")));
	if (ARR_ELEMTYPE(arr) != FLOAT8OID)
		elog(ERROR, "%s is not a double precision array", name);
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  values, nulls, &n);
	return n;
}

PG_FUNCTION_INFO_V1(health_score);
Datum
health_score(PG_FUNCTION_ARGS)
{
	ArrayType  *carr = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *warr = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *cvals,
			   *wvals;
	bool	   *cnulls,
			   *wnulls;
	int			nc,
				nw,
				i;
	int			usable = 0;
	double		wmax = 0,
				wsum = 0,
				total = 0;

	nc = float8_elements(carr, "components", &cvals, &cnulls);
	nw = float8_elements(warr, "weights", &wvals, &wnulls);
	if (nc != nw)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("components has %d elements but weights has %d", nc, nw),
				 errhint("Give one weight per component.")));

	/* check everything first, and find the largest usable weight */
	for (i = 0; i < nc; i++)
	{
		double		w,
					c;

		if (wnulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weight %d is null", i + 1),
					 errhint("Weights are finite numbers, zero or more; a component without data is given as a NULL component.")));
		w = DatumGetFloat8(wvals[i]);
		if (isnan(w) || isinf(w) || w < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weight %d is %g", i + 1, w),
					 errhint("Weights are finite numbers, zero or more, and not all zero.")));
		if (cnulls[i])
			continue;
		c = DatumGetFloat8(cvals[i]);
		if (isnan(c) || c < 0 || c > 100)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("component %d is %g, out of range", i + 1, c),
					 errhint("Each component is a score from 0 to 100, or NULL when unknown.")));
		usable++;
		if (w > wmax)
			wmax = w;
	}
	if (usable == 0)
		PG_RETURN_NULL();
	if (wmax == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("every weight of a non-null component is zero"),
				 errhint("At least one component with data needs a weight above zero.")));

	/* weights scaled by the largest, so their sum cannot overflow */
	for (i = 0; i < nc; i++)
	{
		double		w;

		if (cnulls[i])
			continue;
		w = DatumGetFloat8(wvals[i]) / wmax;
		wsum += w;
		total += w * DatumGetFloat8(cvals[i]);
	}
	/* a weighted mean of values in 0..100 stays there despite rounding */
	PG_RETURN_FLOAT8(Min(100.0, Max(0.0, total / wsum)));
}
