/*-------------------------------------------------------------------------
 *
 * clv_simple.c
 *	  Descriptive customer lifetime value: the textbook product
 *	  clv_simple(avg_order_value, purchases_per_year, lifespan_years
 *	  [, gross_margin]) and the subscription form saas_ltv(arpa, churn_rate
 *	  [, gross_margin]) = ARPA * margin / (churn_rate / 100).
 *
 * Scalar functions on double precision.  The gross margin is a fraction
 * from 0 to 1 (SPEC writes ARPA x margin); the churn rate is a percentage
 * like every rate of the extension.  Every input must be finite and in
 * range (22003 otherwise): a lifetime value computed from a negative or
 * NaN figure would be a number nobody can trust.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"

#include "figures.h"

PG_FUNCTION_INFO_V1(clv_simple);
Datum
clv_simple(PG_FUNCTION_ARGS)
{
	double		aov = nonnegative_arg(fcinfo, 0, "avg_order_value");
	double		ppy = nonnegative_arg(fcinfo, 1, "purchases_per_year");
	double		years = nonnegative_arg(fcinfo, 2, "lifespan_years");
	double		margin = margin_arg(fcinfo, 3);

	/* a zero factor makes the product 0, also when the others overflow */
	if (aov == 0 || ppy == 0 || years == 0 || margin == 0)
		PG_RETURN_FLOAT8(0.0);
	PG_RETURN_FLOAT8(finite_result("clv_simple", aov * ppy * years * margin));
}

PG_FUNCTION_INFO_V1(saas_ltv);
Datum
saas_ltv(PG_FUNCTION_ARGS)
{
	double		arpa = nonnegative_arg(fcinfo, 0, "arpa");
	double		churn = PG_GETARG_FLOAT8(1);
	double		margin = margin_arg(fcinfo, 2);

	if (isnan(churn) || churn < 0 || churn > 100)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("churn_rate %g is out of range", churn),
				 errhint("churn_rate is a percentage from 0 to 100 per period (5 for 5 %%).")));
	/* no churn: an infinite lifetime is not a value */
	if (churn == 0)
		PG_RETURN_NULL();
	/* no revenue: 0, also when the churn rate is too small to divide by */
	if (arpa == 0 || margin == 0)
		PG_RETURN_FLOAT8(0.0);
	/* 100 / churn first: churn / 100 of a subnormal churn rate would be 0 */
	PG_RETURN_FLOAT8(finite_result("saas_ltv", arpa * margin * (100.0 / churn)));
}
