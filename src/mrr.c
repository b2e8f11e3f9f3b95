/*-------------------------------------------------------------------------
 *
 * mrr.c
 *	  mrr_movements(customer_id, month, mrr) (SPEC section 9): the monthly
 *	  MRR bridge of a group (new, expansion, contraction, churn and
 *	  reactivation per calendar month), without a date spine, and its
 *	  storable state mrr_movements_state.
 *
 * A movement depends on a customer's MRR in the month before and on
 * whether it ever paid earlier, so the state is the customer-month table
 * of mrr_table.c (see mrr.h), which merges exactly.  The final function
 * walks each customer's months once.  A month whose MRR is 0 is kept: it
 * extends the group's months (the bridge runs to the latest month with a
 * row).  The grain is the period of the bridge: the aggregates build
 * monthly states; quarterly and yearly ones (each period's first month and
 * its MRR) read and merge among themselves, never with another grain
 * (22023).
 *
 * No moving-aggregate support: the bridge of a frame is a function of the
 * whole customer-month table, so the final function costs O(frame) per row
 * anyway; a sliding window recomputes each frame.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "mrr.h"

static const MrrDesc mrr_desc = {"mrr_movements_state", MRR_FORM_BRIDGE};

MRR_STATE_FUNCTIONS(mrr_movements_state, mrr_desc)

/* ---------- the transition ---------- */

static Datum
mrr_movements_step(FunctionCallInfo fcinfo, bool numeric_amount, CustomerKeyType keytype)
{
	MrrFnCache *cache;
	MrrExpanded *e;
	int32		month;
	int64		units;

	/* a NULL customer, month or MRR skips the row */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cache = mrr_fn_cache(fcinfo);
	units = numeric_amount ? amount_from_numeric("mrr", PG_GETARG_DATUM(3))
		: amount_from_float8("mrr", PG_GETARG_FLOAT8(3));
	month = mrr_month_arg(fcinfo, 2, cache, 0, "month");
	e = mrr_for_update(fcinfo, &mrr_desc);
	mrr_append_row(fcinfo, e, cache, 1, keytype, 0, month, units);
	MRR_RETURN(e);
}

CUSTOMER_KEY_ENTRY_POINTS(mrr_movements_sfunc, mrr_movements_step, true)
CUSTOMER_KEY_ENTRY_POINTS(mrr_movements_float8_sfunc, mrr_movements_step, false)

/* ---------- the bridge ---------- */
/* Per month of the bridge, in units and customers. */
typedef struct MrrMonth
{
	int64		customers_end;
	int64		mrr_end;
	int64		new_customers;
	int64		new_mrr;
	int64		expansion;
	int64		contraction;
	int64		churned_customers;
	int64		churned_mrr;
	int64		reactivated_customers;
	int64		reactivation_mrr;
} MrrMonth;

#define MRR_MOVEMENT_FIELDS	13

/* The row type mrr_movement, from the final function's result type. */
static TupleDesc
mrr_movement_tupdesc(FunctionCallInfo fcinfo, Oid *elemtype)
{
	Oid			rettype = get_func_rettype(fcinfo->flinfo->fn_oid);
	TupleDesc	tupdesc;

	*elemtype = get_element_type(rettype);
	if (!OidIsValid(*elemtype))
		elog(ERROR, "mrr_movements_final must return an array of mrr_movement");
	tupdesc = lookup_rowtype_tupdesc_copy(*elemtype, -1);
	if (tupdesc->natts != MRR_MOVEMENT_FIELDS)
		elog(ERROR, "mrr_movement has %d fields, expected %d", tupdesc->natts, MRR_MOVEMENT_FIELDS);
	return tupdesc;
}

/* Walk each customer's months and fill the bridge. */
static void
mrr_fill(const MrrView *v, int32 first, int32 last, MrrMonth *months)
{
	int			g = v->grain;
	int64		i = 0;

	while (i < v->nentries)
	{
		int64		j = i;
		bool		paid_before = false;
		int32		prev_month = 0;		/* the last month with MRR > 0 */
		int64		prev_units = 0;

		for (; j < v->nentries &&
			 (j == i || mrr_same_customer(v, &v->entries[j - 1], &v->entries[j]));
			 j++)
		{
			const MrrEntry *en = &v->entries[j];
			MrrMonth   *m;

			if (en->units == 0)
				continue;
			m = &months[(en->month - first) / g];
			if (paid_before && prev_month == en->month - g)
			{
				if (en->units > prev_units)
					m->expansion = mrr_add_units(m->expansion, en->units - prev_units);
				else if (en->units < prev_units)
					m->contraction = mrr_add_units(m->contraction, prev_units - en->units);
			}
			else
			{
				if (paid_before)
				{
					/* a gap: churned the month after it last paid */
					MrrMonth   *c = &months[(prev_month + g - first) / g];

					c->churned_customers++;
					c->churned_mrr = mrr_add_units(c->churned_mrr, prev_units);
					m->reactivated_customers++;
					m->reactivation_mrr = mrr_add_units(m->reactivation_mrr, en->units);
				}
				else
				{
					m->new_customers++;
					m->new_mrr = mrr_add_units(m->new_mrr, en->units);
				}
			}
			m->customers_end++;
			m->mrr_end = mrr_add_units(m->mrr_end, en->units);
			paid_before = true;
			prev_month = en->month;
			prev_units = en->units;
		}
		/* still paying in the latest month: not churned */
		if (paid_before && prev_month < last)
		{
			MrrMonth   *c = &months[(prev_month + g - first) / g];

			c->churned_customers++;
			c->churned_mrr = mrr_add_units(c->churned_mrr, prev_units);
		}
		i = j;
	}
}

PG_FUNCTION_INFO_V1(mrr_movements_final);
Datum
mrr_movements_final(PG_FUNCTION_ARGS)
{
	MrrView		v;
	int32		first = MRR_MONTH_MAX,
				last = MRR_MONTH_MIN,
				k,
				nmonths;
	int64		i;
	MrrMonth   *months;
	TupleDesc	tupdesc;
	Oid			elemtype;
	Datum	   *elems;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = mrr_view(fcinfo, 0, &mrr_desc);
	if (v.nentries == 0)
		PG_RETURN_NULL();
	for (i = 0; i < v.nentries; i++)
	{
		first = Min(first, v.entries[i].month);
		last = Max(last, v.entries[i].month);
	}
	nmonths = (last - first) / v.grain + 1;
	months = palloc0(sizeof(MrrMonth) * nmonths);
	mrr_fill(&v, first, last, months);

	tupdesc = mrr_movement_tupdesc(fcinfo, &elemtype);
	elems = palloc(sizeof(Datum) * nmonths);
	for (k = 0; k < nmonths; k++)
	{
		MrrMonth   *m = &months[k];
		Datum		values[MRR_MOVEMENT_FIELDS];
		bool		nulls[MRR_MOVEMENT_FIELDS] = {0};
		int32		month = first + k * v.grain;
		int64		start_customers = k > 0 ? months[k - 1].customers_end : 0;
		int64		start_mrr = k > 0 ? months[k - 1].mrr_end : 0;

		values[0] = DateADTGetDatum(date2j(month / 12, month % 12 + 1, 1) - POSTGRES_EPOCH_JDATE);
		values[1] = Int64GetDatum(start_customers);
		values[2] = NumericGetDatum(amount_to_numeric(start_mrr));
		values[3] = Int64GetDatum(m->new_customers);
		values[4] = NumericGetDatum(amount_to_numeric(m->new_mrr));
		values[5] = NumericGetDatum(amount_to_numeric(m->expansion));
		values[6] = NumericGetDatum(amount_to_numeric(m->contraction));
		values[7] = Int64GetDatum(m->churned_customers);
		values[8] = NumericGetDatum(amount_to_numeric(m->churned_mrr));
		values[9] = Int64GetDatum(m->reactivated_customers);
		values[10] = NumericGetDatum(amount_to_numeric(m->reactivation_mrr));
		values[11] = Int64GetDatum(m->customers_end);
		values[12] = NumericGetDatum(amount_to_numeric(m->mrr_end));
		elems[k] = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
	}
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nmonths, elemtype, typlen, typbyval, typalign));
}
