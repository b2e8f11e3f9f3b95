/*-------------------------------------------------------------------------
 *
 * mrr_cohort.c
 *	  cohort_revenue_retention(customer_id, cohort_start, month, mrr, gross)
 *	  and arpa(customer_id, mrr) (SPEC section 9), on the customer-month
 *	  table of mrr_table.c.
 *
 * cohort_revenue_retention: element k (from 1) is 100 * the MRR of the
 * group's customers in their cohort-start month + (k - 1) / their MRR in
 * the cohort-start month itself; gross = true caps each customer's MRR at
 * its cohort-start MRR (ChartMogul's net and gross MRR retention cohorts).
 * Months are calendar months (any day of the month counts for it).  Each
 * customer's own cohort start is used, so a group may hold several
 * cohorts (a customer in two cohorts counts as two); the table keeps, per
 * customer and cohort start, the MRR per month since the start, so the
 * gross cap is exact after any merge.  A row before its cohort start is
 * an error (22023), a group without MRR in its cohort-start months gives
 * NULL.
 *
 * arpa: the group's MRR / its customers with MRR > 0, a customer's rows
 * added up first; the table keeps one entry per customer, so merged states
 * (customer ranges, parallel workers) count a customer once.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "mrr.h"

static const MrrDesc cohort_desc = {"cohort_revenue_retention_state", MRR_FORM_COHORT};
static const MrrDesc arpa_desc = {"arpa_state", MRR_FORM_ARPA};

MRR_STATE_FUNCTIONS(cohort_revenue_retention_state, cohort_desc)
MRR_STATE_FUNCTIONS(arpa_state, arpa_desc)

/* ---------- cohort_revenue_retention ---------- */

/* Arguments: state, customer_id, cohort_start, month, mrr, gross. */
static Datum
cohort_revenue_step(FunctionCallInfo fcinfo, bool numeric_amount, CustomerKeyType keytype)
{
	MrrFnCache *cache;
	MrrExpanded *e;
	int32		cohort,
				month;
	int64		units;

	if (PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("gross must not be NULL"),
				 errhint("Pass false for net MRR retention, true for gross.")));
	/* a NULL customer, cohort start, month or MRR skips the row */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cache = mrr_fn_cache(fcinfo);
	units = numeric_amount ? amount_from_numeric("mrr", PG_GETARG_DATUM(4))
		: amount_from_float8("mrr", PG_GETARG_FLOAT8(4));
	cohort = mrr_month_arg(fcinfo, 2, cache, 0, "cohort_start");
	month = mrr_month_arg(fcinfo, 3, cache, 1, "month");
	if (month < cohort)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("month %s is before cohort_start %s",
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(3))),
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(2)))),
				 errhint("A customer's revenue counts from its cohort start month on; filter earlier rows out or correct the cohort start.")));
	e = mrr_for_update(fcinfo, &cohort_desc);
	mrr_set_flags(e, PG_GETARG_BOOL(5) ? MRR_FLAG_GROSS : 0);
	mrr_append_row(fcinfo, e, cache, 1, keytype, cohort, month - cohort, units);
	MRR_RETURN(e);
}

CUSTOMER_KEY_ENTRY_POINTS(cohort_revenue_retention_sfunc, cohort_revenue_step, true)
CUSTOMER_KEY_ENTRY_POINTS(cohort_revenue_retention_float8_sfunc, cohort_revenue_step, false)

PG_FUNCTION_INFO_V1(cohort_revenue_retention_final);
Datum
cohort_revenue_retention_final(PG_FUNCTION_ARGS)
{
	MrrView		v;
	bool		gross;
	int32		nmonths = 0;
	int64		i = 0,
				base = 0,
			   *sums;
	Datum	   *elems;
	int32		k;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = mrr_view(fcinfo, 0, &cohort_desc);
	gross = (v.flags & MRR_FLAG_GROSS) != 0;
	for (i = 0; i < v.nentries; i++)
		nmonths = Max(nmonths, v.entries[i].month + 1);
	sums = palloc0(sizeof(int64) * nmonths);

	/* each customer and cohort: its start MRR, then its months */
	i = 0;
	while (i < v.nentries)
	{
		int64		j = i;
		int64		start = v.entries[i].month == 0 ? v.entries[i].units : 0;

		base = mrr_add_units(base, start);
		for (; j < v.nentries && (j == i || mrr_same_customer(&v, &v.entries[j - 1], &v.entries[j])); j++)
		{
			const MrrEntry *en = &v.entries[j];
			int64		u = gross ? Min(en->units, start) : en->units;

			sums[en->month] = mrr_add_units(sums[en->month], u);
		}
		i = j;
	}
	if (base == 0)
		PG_RETURN_NULL();
	elems = palloc(sizeof(Datum) * nmonths);
	for (k = 0; k < nmonths; k++)
		elems[k] = Float8GetDatum(100.0 * (double) sums[k] / (double) base);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nmonths, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* ---------- arpa ---------- */

static Datum
arpa_step(FunctionCallInfo fcinfo, bool numeric_amount, CustomerKeyType keytype)
{
	MrrFnCache *cache;
	MrrExpanded *e;
	int64		units;

	/* a NULL customer or MRR skips the row */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cache = mrr_fn_cache(fcinfo);
	units = numeric_amount ? amount_from_numeric("mrr", PG_GETARG_DATUM(2))
		: amount_from_float8("mrr", PG_GETARG_FLOAT8(2));
	e = mrr_for_update(fcinfo, &arpa_desc);
	mrr_append_row(fcinfo, e, cache, 1, keytype, 0, 0, units);
	MRR_RETURN(e);
}

CUSTOMER_KEY_ENTRY_POINTS(arpa_sfunc, arpa_step, true)
CUSTOMER_KEY_ENTRY_POINTS(arpa_float8_sfunc, arpa_step, false)

PG_FUNCTION_INFO_V1(arpa_final);
Datum
arpa_final(PG_FUNCTION_ARGS)
{
	MrrView		v;
	int64		i,
				total = 0,
				customers = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = mrr_view(fcinfo, 0, &arpa_desc);
	/* compacted: one entry per customer, its rows added up */
	for (i = 0; i < v.nentries; i++)
	{
		if (v.entries[i].units > 0)
		{
			total = mrr_add_units(total, v.entries[i].units);
			customers++;
		}
	}
	if (customers == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										NumericGetDatum(amount_to_numeric(total)),
										NumericGetDatum(int64_to_numeric(customers))));
}
