/*-------------------------------------------------------------------------
 *
 * receivables.c
 *	  Receivables beyond the simple DSO (SPEC section 12): the aging report
 *	  ar_aging, the countback DSO dso_countback, best_possible_dso and the
 *	  collection effectiveness index cei, as scalars on known figures and
 *	  as aggregates over invoices.
 *
 * The aggregates reduce a group of invoices (amount, issued_on, due_on,
 * paid_on) to a few exact sums in a fixed-size state (state.h), amounts in
 * int64 units of 1/10000 (amount.h), so that parallel workers, rollups and
 * sliding windows are exact; numeric and double precision amounts give the
 * same units.  An invoice is outstanding at a date d when it was issued on
 * or before d and not paid on or before d; it is current at d when d -
 * due_on <= 0 (not yet past due).  A period [start, end) is measured at the
 * close of its last day, end - 1: that is dso's "issued before the end and
 * not paid by then".
 *
 * Rows: an amount, issued_on or due_on that is NULL skips the row (as avg()
 * skips NULL); paid_on NULL is an unpaid invoice.  Due or paid before issue
 * is 22023, a negative amount 22003, a NULL as_of or period 22004.
 *
 * The timestamptz forms read every timestamptz as its calendar day in the
 * session TimeZone (as ::date does) and then compute exactly what the date
 * form computes: due dates, aging buckets and countback months are calendar
 * notions.  A tstzrange period must have midnights of that zone as bounds.
 * So they are STABLE, and each state records the zone it was built under
 * (zone=none for the date forms): states of two zones, or of the date and
 * the timestamptz forms, do not merge (22023), as cohort states do not.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "amount.h"
#include "period.h"
#include "receivables_common.h"
#include "state.h"

/* ---------- shared by the invoice aggregates ---------- */

static char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/*
 * An invoice's dates, checked: finite, due and paid not before issue.
 * paid_null says the invoice is unpaid.
 */
static void
check_invoice_dates(DateADT issued, DateADT due, DateADT paid, bool paid_null)
{
	if (DATE_NOT_FINITE(issued) || DATE_NOT_FINITE(due) ||
		(!paid_null && DATE_NOT_FINITE(paid)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invoice dates issued_on %s, due_on %s, paid_on %s are not all finite",
						date_text(issued), date_text(due),
						paid_null ? "NULL" : date_text(paid)),
				 errhint("Invoice dates are finite; an unpaid invoice has paid_on NULL.")));
	if (due < issued)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("due date %s is before the invoice's issue on %s",
						date_text(due), date_text(issued)),
				 errhint("due_on must be on or after issued_on.")));
	if (!paid_null && paid < issued)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("payment on %s is before the invoice's issue on %s",
						date_text(paid), date_text(issued)),
				 errhint("paid_on must be on or after issued_on, or NULL for an unpaid invoice.")));
}

/* Outstanding at the close of day d: issued on or before d, not paid by d. */
static inline bool
outstanding_at(DateADT d, DateADT issued, DateADT paid, bool paid_null)
{
	return issued <= d && (paid_null || paid > d);
}

/*
 * The SQL-callable transition functions of an invoice aggregate and their
 * inverses, one per signature (prefix_numeric_sfunc, prefix_float8_sfunc,
 * prefix_tstz_numeric_sfunc, prefix_tstz_float8_sfunc and the _inv ones),
 * each calling step with the constant variant of its signature.
 */
#define RECEIVABLES_STEP_FUNCTIONS(prefix, step) \
	RETENTION_VARIANT_STEP_FUNCTIONS(prefix##_numeric_sfunc, prefix##_numeric_inv, step, 0) \
	RETENTION_VARIANT_STEP_FUNCTIONS(prefix##_float8_sfunc, prefix##_float8_inv, step, RV_FLOAT8_AMOUNT) \
	RETENTION_VARIANT_STEP_FUNCTIONS(prefix##_tstz_numeric_sfunc, prefix##_tstz_numeric_inv, step, \
									 RV_TIMESTAMPTZ) \
	RETENTION_VARIANT_STEP_FUNCTIONS(prefix##_tstz_float8_sfunc, prefix##_tstz_float8_inv, step, \
									 RV_TIMESTAMPTZ | RV_FLOAT8_AMOUNT)

/* ---------- the timestamptz forms: calendar days of the session TimeZone ---------- */

/* The calendar day of a timestamptz in the session TimeZone, as ::date. */
static inline DateADT
tstz_day(Datum t)
{
	return DatumGetDateADT(DirectFunctionCall1(timestamptz_date, t));
}

/* Date argument argno: a date, or the day of a timestamptz (variant). */
static inline DateADT
day_arg(FunctionCallInfo fcinfo, int argno, int variant)
{
	if (variant & RV_TIMESTAMPTZ)
		return tstz_day(PG_GETARG_DATUM(argno));
	return PG_GETARG_DATEADT(argno);
}

/*
 * The zone field of every state here: ZONE_NONE for the date forms, else an
 * identifier of the session TimeZone's name (64-bit FNV-1a, never 0),
 * computed once per TimeZone setting.  A name, not the offsets: two zones
 * with the same offset today can differ on another day.
 */
#define ZONE_NONE	0

static int64
session_zone(void)
{
	static pg_tz *zone_tz = NULL;
	static int64 zone_id;

	if (unlikely(zone_tz != session_timezone))
	{
		const unsigned char *c = (const unsigned char *) pg_get_timezone_name(session_timezone);
		uint64		h = UINT64CONST(0xcbf29ce484222325);

		for (; *c != '\0'; c++)
			h = (h ^ *c) * UINT64CONST(0x100000001b3);
		zone_id = h == 0 ? 1 : (int64) h;
		zone_tz = session_timezone;
	}
	return zone_id;
}

static inline int64
variant_zone(int variant)
{
	return (variant & RV_TIMESTAMPTZ) ? session_zone() : ZONE_NONE;
}

/* A zone field's text: "none", or the identifier as 16 lowercase hex digits. */
static void
zone_format(StringInfo buf, int64 value)
{
	if (value == ZONE_NONE)
		appendStringInfoString(buf, "none");
	else
		appendStringInfo(buf, "%016" INT64_MODIFIER "x", (uint64) value);
}

static bool
zone_parse(const char *text, int64 *value)
{
	uint64		h = 0;
	int			i;

	if (strcmp(text, "none") == 0)
	{
		*value = ZONE_NONE;
		return true;
	}
	for (i = 0; i < 16; i++)
	{
		if (text[i] >= '0' && text[i] <= '9')
			h = h * 16 + (text[i] - '0');
		else if (text[i] >= 'a' && text[i] <= 'f')
			h = h * 16 + (text[i] - 'a' + 10);
		else
			return false;
	}
	if (text[16] != '\0' || h == 0)
		return false;
	*value = (int64) h;
	return true;
}

/*
 * The parameters of a state here are dates (as_of, a period's bounds: in
 * microseconds of their midnight, as period.h stores them) and last the zone.
 */
#define RECEIVABLES_PARAM_FORMATS(prefix, zone_field) \
static void \
prefix##_format_param(StringInfo buf, int field, int64 value) \
{ \
	if (field == (zone_field)) \
		zone_format(buf, value); \
	else \
		period_format_bound(buf, value); \
} \
static bool \
prefix##_parse_param(int field, const char *text, int64 *value) \
{ \
	if (field == (zone_field)) \
		return zone_parse(text, value); \
	return period_parse_bound(text, value); \
}

/* 22023 for states of two TimeZone settings, or of the date and timestamptz forms. */
static void
zone_mismatch(const RetStateDesc *desc, int field, int64 a, int64 b)
{
	StringInfoData za,
				zb;

	if (strcmp(desc->fields[field].name, "zone") != 0)
		return;					/* the generic message */
	initStringInfo(&za);
	initStringInfo(&zb);
	zone_format(&za, a);
	zone_format(&zb, b);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("zone changes within one %s: %s and %s", desc->type_name, za.data, zb.data),
			 errdetail("The timestamptz forms count calendar days in the TimeZone setting the rows were added under (zone identifies it; none is the date form), and %s is now \"%s\".",
					   "TimeZone", pg_get_timezone_name(session_timezone)),
			 errhint("Build every state of a group, and every state merged together, with one form under one TimeZone setting, or pass dates such as (issued_at AT TIME ZONE 'Europe/Paris')::date to the date form.")));
}

/*
 * The period argument: a daterange, or a tstzrange read as the calendar days
 * of its bounds, which must be midnights of the session TimeZone (a period
 * that cuts a day would count part of it as a whole: an error, not a
 * guess).  The last tstzrange converted is kept, per TimeZone setting, so
 * the usual constant period costs two comparisons per row.
 */
static const Period *
invoice_period(FunctionCallInfo fcinfo, int argno, int variant)
{
	static Period days;
	static int64 days_lo,
				days_hi;
	static pg_tz *days_tz = NULL;
	const Period *p;
	DateADT		bound[2];
	const char *problem;
	int			i;

	if (!(variant & RV_TIMESTAMPTZ))
		return period_arg(fcinfo, argno,
						  period_cache(fcinfo, argno, DATERANGEOID, ERRCODE_NULL_VALUE_NOT_ALLOWED));
	p = period_arg(fcinfo, argno,
				   period_cache(fcinfo, argno, TSTZRANGEOID, ERRCODE_NULL_VALUE_NOT_ALLOWED));
	if (likely(days_tz == session_timezone && days_lo == p->lo && days_hi == p->hi))
		return &days;
	for (i = 0; i < 2; i++)
	{
		TimestampTz t = i == 0 ? p->lo : p->hi;

		bound[i] = tstz_day(TimestampTzGetDatum(t));
		if (DatumGetTimestampTz(DirectFunctionCall1(date_timestamptz, DateADTGetDatum(bound[i]))) != t)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period bound %s is not a midnight in the TimeZone %s",
							DatumGetCString(DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(t))),
							pg_get_timezone_name(session_timezone)),
					 errhint("The timestamptz forms count whole calendar days of the session TimeZone: give bounds at midnight there, such as tstzrange(date_trunc('month', t), date_trunc('month', t) + interval '1 month').")));
	}
	days.lo = bound[0];
	days.hi = bound[1];
	days.start = (int64) bound[0] * USECS_PER_DAY;
	days.end = (int64) bound[1] * USECS_PER_DAY;
	problem = period_problem(PERIOD_DATE, days.start, days.end);
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period [%s, %s) is out of range", date_text(bound[0]), date_text(bound[1])),
				 errdetail("%s", problem),
				 errhint("A period lies within the years 1 to 9999.")));
	days_lo = p->lo;
	days_hi = p->hi;
	days_tz = session_timezone;
	return &days;
}

/*
 * The as_of argument, checked: not NULL (22004), a date of the years 1 to
 * 9999 (22023).  what says what it measures, for the hint.
 */
static DateADT
as_of_arg(FunctionCallInfo fcinfo, int argno, int variant, const char *what)
{
	DateADT		as_of;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("as_of must not be null"),
				 errhint("as_of is the date the receivables are %s at, the same in every row of a group.", what)));
	as_of = day_arg(fcinfo, argno, variant);
	if (DATE_NOT_FINITE(as_of) || (int64) as_of * USECS_PER_DAY < PERIOD_MIN_USEC ||
		(int64) as_of * USECS_PER_DAY >= PERIOD_END_USEC)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of %s is out of range", date_text(as_of)),
				 errhint("as_of is a date of the years 1 to 9999.")));
	return as_of;
}

/* Set or check the state's as_of and zone (fields first_param, first_param + 1). */
static inline void
set_as_of(const RetStateDesc *desc, RetState *state, int first_param, DateADT as_of, int variant)
{
	int64		params[2];

	params[0] = (int64) as_of * USECS_PER_DAY;
	params[1] = variant_zone(variant);
	if (unlikely(!(state->flags & RS_PARAMS_SET) ||
				 state->v[first_param] != params[0] || state->v[first_param + 1] != params[1]))
		ret_state_set_params(desc, state, params);
}

/* An exact sum of units as numeric: int128 when fields are added up. */
static Datum
units_sum_numeric(const int64 *v, int n)
{
	Datum		sum = NumericGetDatum(amount_to_numeric(0));
	int			i;

	for (i = 0; i < n; i++)
		sum = DirectFunctionCall2(numeric_add, sum, NumericGetDatum(amount_to_numeric(v[i])));
	return sum;
}

/* 22003 for a result that overflowed to infinity. */
static inline double
finite_result(const char *what, double value)
{
	if (isinf(value) || isnan(value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range", what),
				 errhint("The figures give a %s beyond double precision.", what)));
	return value;
}

/*
 * One invoice's amount and dates (days), arguments 1 to 4 of ar_aging,
 * best_possible_dso and cei, checked; false when the row is skipped.  The
 * aggregates read their as_of or period first: a NULL one is 22004 on
 * every row.
 */
typedef struct Invoice
{
	int64		units;
	DateADT		issued,
				due,
				paid;
	bool		paid_null;
} Invoice;

static bool
invoice_arg(FunctionCallInfo fcinfo, int variant, Invoice *inv)
{
	inv->units = 0;
	if (!PG_ARGISNULL(1))
		inv->units = amount_arg(fcinfo, 1, (variant & RV_FLOAT8_AMOUNT) != 0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		return false;
	inv->issued = day_arg(fcinfo, 2, variant);
	inv->due = day_arg(fcinfo, 3, variant);
	inv->paid_null = PG_ARGISNULL(4);
	inv->paid = inv->paid_null ? 0 : day_arg(fcinfo, 4, variant);
	check_invoice_dates(inv->issued, inv->due, inv->paid, inv->paid_null);
	return true;
}

/* ---------- ar_aging ---------- */

enum
{
	AGE_INVOICES, AGE_CURRENT, AGE_1_30, AGE_31_60, AGE_61_90, AGE_OVER_90, AGE_AS_OF, AGE_ZONE
};

#define AGE_BUCKETS		5

static const RetField ar_aging_fields[] = {
	{"invoices", RF_COUNT}, {"current", RF_COUNT}, {"days_1_30", RF_COUNT},
	{"days_31_60", RF_COUNT}, {"days_61_90", RF_COUNT}, {"days_over_90", RF_COUNT},
	{"as_of", RF_PARAM}, {"zone", RF_PARAM}
};

/*
 * Amounts need invoices and a date; the buckets add up to a total that
 * fits; as_of is a date of the years 1 to 9999.
 */
static const char *
ar_aging_check(const int64 *v, bool params_set)
{
	int64		total = 0;
	int			i;

	for (i = AGE_CURRENT; i <= AGE_OVER_90; i++)
		if (pg_add_s64_overflow(total, v[i], &total))
			return "The buckets add up beyond the largest total.";
	if (v[AGE_INVOICES] == 0 && total != 0)
		return "It has amounts but no invoices.";
	if (!params_set)
		return v[AGE_INVOICES] != 0 ? "It counts invoices but has no as_of date." : NULL;
	if (v[AGE_AS_OF] < PERIOD_MIN_USEC || v[AGE_AS_OF] >= PERIOD_END_USEC ||
		v[AGE_AS_OF] % USECS_PER_DAY != 0)
		return "as_of is not a date of the years 1 to 9999.";
	return NULL;
}

RECEIVABLES_PARAM_FORMATS(ar_aging, AGE_ZONE)

static const RetStateDesc ar_aging_desc = {
	"ar_aging_state", 8, ar_aging_fields, ar_aging_check,
	ar_aging_format_param, ar_aging_parse_param, zone_mismatch
};

RETENTION_STATE_FUNCTIONS(ar_aging_state, ar_aging_desc)

/* The bucket of an invoice days_past_due = as_of - due_on. */
static inline int
aging_bucket(int64 days_past_due)
{
	if (days_past_due <= 0)
		return AGE_CURRENT;
	if (days_past_due <= 30)
		return AGE_1_30;
	if (days_past_due <= 60)
		return AGE_31_60;
	if (days_past_due <= 90)
		return AGE_61_90;
	return AGE_OVER_90;
}

/* 22003 when the buckets add up beyond the largest total. */
static inline void
check_aging_total(const RetState *state)
{
	int64		total = 0;
	int			i;

	for (i = AGE_CURRENT; i <= AGE_OVER_90; i++)
		if (unlikely(pg_add_s64_overflow(total, state->v[i], &total)))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("total of the aging report is out of range"),
					 errhint("A group's receivables add up to %s at most; split the group, for example by currency or region.",
							 amount_to_cstring(AMOUNT_MAX_UNITS))));
}

/* ar_aging(amount, issued_on, due_on, paid_on, as_of) */
static Datum
ar_aging_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	RetState   *state = ret_state_for_update(fcinfo, &ar_aging_desc);
	DateADT		as_of = as_of_arg(fcinfo, 5, variant, "aged");
	Invoice		inv;

	set_as_of(&ar_aging_desc, state, AGE_AS_OF, as_of, variant);
	if (!invoice_arg(fcinfo, variant, &inv))
		PG_RETURN_POINTER(state);

	ret_state_bump(state, AGE_INVOICES, delta);
	if (outstanding_at(as_of, inv.issued, inv.paid, inv.paid_null))
	{
		sum_step(state, aging_bucket((int64) as_of - (int64) inv.due), inv.units, delta);
		if (delta > 0)
			check_aging_total(state);
	}
	PG_RETURN_POINTER(state);
}

RECEIVABLES_STEP_FUNCTIONS(ar_aging, ar_aging_step)

/* The aging report: the five buckets and the total, numeric; NULL without invoices. */
PG_FUNCTION_INFO_V1(ar_aging_final);
Datum
ar_aging_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &ar_aging_desc);
	TupleDesc	tupdesc;
	Datum		values[AGE_BUCKETS + 1];
	bool		nulls[AGE_BUCKETS + 1] = {false, false, false, false, false, false};
	int			i;

	if (state->v[AGE_INVOICES] == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	for (i = 0; i < AGE_BUCKETS; i++)
		values[i] = NumericGetDatum(amount_to_numeric(state->v[AGE_CURRENT + i]));
	values[AGE_BUCKETS] = units_sum_numeric(&state->v[AGE_CURRENT], AGE_BUCKETS);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- best_possible_dso ---------- */

enum
{
	BP_CURRENT, BP_CREDIT_SALES, BP_PERIOD_START, BP_PERIOD_END, BP_ZONE
};

static const RetField best_possible_dso_fields[] = {
	{"current_receivables", RF_COUNT}, {"credit_sales", RF_COUNT},
	{"period_start", RF_PARAM}, {"period_end", RF_PARAM}, {"zone", RF_PARAM}
};

/* Sums need a period; the period is a daterange period.c accepts. */
static const char *
best_possible_dso_check(const int64 *v, bool params_set)
{
	if (!params_set)
		return v[BP_CURRENT] != 0 || v[BP_CREDIT_SALES] != 0 ? "It has sums but no period." : NULL;
	return period_problem(PERIOD_DATE, v[BP_PERIOD_START], v[BP_PERIOD_END]);
}

RECEIVABLES_PARAM_FORMATS(best_possible_dso, BP_ZONE)

static const RetStateDesc best_possible_dso_desc = {
	"best_possible_dso_state", 5, best_possible_dso_fields, best_possible_dso_check,
	best_possible_dso_format_param, best_possible_dso_parse_param, zone_mismatch
};

RETENTION_STATE_FUNCTIONS(best_possible_dso_state, best_possible_dso_desc)

/* Set or check the state's period and zone (fields first_param to first_param + 2). */
static inline void
set_period(const RetStateDesc *desc, RetState *state, int first_param, const Period *p,
		   int variant)
{
	int64		zone = variant_zone(variant);

	if (unlikely(!(state->flags & RS_PARAMS_SET) ||
				 state->v[first_param] != p->start || state->v[first_param + 1] != p->end ||
				 state->v[first_param + 2] != zone))
	{
		int64		params[3];

		params[0] = p->start;
		params[1] = p->end;
		params[2] = zone;
		ret_state_set_params(desc, state, params);
	}
}

/* best_possible_dso(amount, issued_on, due_on, paid_on, period) */
static Datum
best_possible_dso_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	RetState   *state = ret_state_for_update(fcinfo, &best_possible_dso_desc);
	const Period *p = invoice_period(fcinfo, 5, variant);
	Invoice		inv;
	DateADT		last = (DateADT) (p->hi - 1);	/* the period's last day */

	set_period(&best_possible_dso_desc, state, BP_PERIOD_START, p, variant);
	if (!invoice_arg(fcinfo, variant, &inv))
		PG_RETURN_POINTER(state);
	if (outstanding_at(last, inv.issued, inv.paid, inv.paid_null) && inv.due >= last)
		sum_step(state, BP_CURRENT, inv.units, delta);
	if (inv.issued >= p->lo && inv.issued < p->hi)
		sum_step(state, BP_CREDIT_SALES, inv.units, delta);
	PG_RETURN_POINTER(state);
}

RECEIVABLES_STEP_FUNCTIONS(best_possible_dso, best_possible_dso_step)

PG_FUNCTION_INFO_V1(best_possible_dso_final);
Datum
best_possible_dso_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &best_possible_dso_desc);
	int64		days;

	if (!(state->flags & RS_PARAMS_SET) || state->v[BP_CREDIT_SALES] == 0)
		PG_RETURN_NULL();
	days = (state->v[BP_PERIOD_END] - state->v[BP_PERIOD_START]) / USECS_PER_DAY;
	PG_RETURN_FLOAT8((double) state->v[BP_CURRENT] / (double) state->v[BP_CREDIT_SALES] * (double) days);
}

/* best_possible_dso(current_receivables, credit_sales, days) */
PG_FUNCTION_INFO_V1(best_possible_dso_figures);
Datum
best_possible_dso_figures(PG_FUNCTION_ARGS)
{
	double		current = PG_GETARG_FLOAT8(0);
	double		credit_sales = PG_GETARG_FLOAT8(1);
	double		days = PG_GETARG_FLOAT8(2);

	check_figure("current_receivables", current);
	check_figure("credit_sales", credit_sales);
	if (isnan(days) || isinf(days) || days <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("days %g is out of range", days),
				 errhint("days is the length of the period, a finite number above zero.")));
	if (credit_sales == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_result("best possible DSO", current / credit_sales * days));
}

/* ---------- cei ---------- */

enum
{
	CEI_BEGINNING, CEI_CREDIT_SALES, CEI_ENDING_TOTAL, CEI_ENDING_CURRENT,
	CEI_PERIOD_START, CEI_PERIOD_END, CEI_ZONE
};

static const RetField cei_fields[] = {
	{"beginning_receivables", RF_COUNT}, {"credit_sales", RF_COUNT},
	{"ending_receivables", RF_COUNT}, {"ending_current_receivables", RF_COUNT},
	{"period_start", RF_PARAM}, {"period_end", RF_PARAM}, {"zone", RF_PARAM}
};

/*
 * Every invoice outstanding at the end was outstanding at the start or
 * issued in the period, so ending <= beginning + sales; the current part of
 * the ending receivables is at most all of them.
 */
static const char *
cei_check(const int64 *v, bool params_set)
{
	if (!params_set)
	{
		if (v[CEI_BEGINNING] != 0 || v[CEI_CREDIT_SALES] != 0 ||
			v[CEI_ENDING_TOTAL] != 0 || v[CEI_ENDING_CURRENT] != 0)
			return "It has sums but no period.";
		return NULL;
	}
	if (v[CEI_ENDING_CURRENT] > v[CEI_ENDING_TOTAL])
		return "Its current ending receivables exceed its ending receivables.";
	if ((int128) v[CEI_ENDING_TOTAL] > (int128) v[CEI_BEGINNING] + v[CEI_CREDIT_SALES])
		return "Its ending receivables exceed its beginning receivables plus credit sales.";
	return period_problem(PERIOD_DATE, v[CEI_PERIOD_START], v[CEI_PERIOD_END]);
}

RECEIVABLES_PARAM_FORMATS(cei, CEI_ZONE)

static const RetStateDesc cei_desc = {
	"cei_state", 7, cei_fields, cei_check, cei_format_param, cei_parse_param, zone_mismatch
};

RETENTION_STATE_FUNCTIONS(cei_state, cei_desc)

/* cei(amount, issued_on, due_on, paid_on, period) */
static Datum
cei_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	RetState   *state = ret_state_for_update(fcinfo, &cei_desc);
	const Period *p = invoice_period(fcinfo, 5, variant);
	Invoice		inv;
	DateADT		before = (DateADT) (p->lo - 1);	/* the day before the period */
	DateADT		last = (DateADT) (p->hi - 1);	/* the period's last day */

	set_period(&cei_desc, state, CEI_PERIOD_START, p, variant);
	if (!invoice_arg(fcinfo, variant, &inv))
		PG_RETURN_POINTER(state);
	if (outstanding_at(before, inv.issued, inv.paid, inv.paid_null))
		sum_step(state, CEI_BEGINNING, inv.units, delta);
	if (inv.issued >= p->lo && inv.issued < p->hi)
		sum_step(state, CEI_CREDIT_SALES, inv.units, delta);
	if (outstanding_at(last, inv.issued, inv.paid, inv.paid_null))
	{
		sum_step(state, CEI_ENDING_TOTAL, inv.units, delta);
		if (inv.due >= last)
			sum_step(state, CEI_ENDING_CURRENT, inv.units, delta);
	}
	PG_RETURN_POINTER(state);
}

RECEIVABLES_STEP_FUNCTIONS(cei, cei_step)

/* 100 * (BR + CS/N - ETR) / (BR + CS/N - ECR); NULL for a zero denominator. */
static Datum
cei_result(FunctionCallInfo fcinfo, double beginning, double sales_per_month,
		   double ending, double ending_current)
{
	double		denominator = beginning + sales_per_month - ending_current;

	if (denominator == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_result("collection effectiveness index",
								   100.0 * (beginning + sales_per_month - ending) / denominator));
}

PG_FUNCTION_INFO_V1(cei_final);
Datum
cei_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &cei_desc);
	int64	   *v = state->v;

	if (!(state->flags & RS_PARAMS_SET))
		PG_RETURN_NULL();
	/* exact in int128, then one division */
	if ((int128) v[CEI_BEGINNING] + v[CEI_CREDIT_SALES] - v[CEI_ENDING_CURRENT] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 *
					 (double) ((int128) v[CEI_BEGINNING] + v[CEI_CREDIT_SALES] - v[CEI_ENDING_TOTAL]) /
					 (double) ((int128) v[CEI_BEGINNING] + v[CEI_CREDIT_SALES] - v[CEI_ENDING_CURRENT]));
}

/* cei(beginning_receivables, credit_sales, ending_receivables, ending_current_receivables, months) */
PG_FUNCTION_INFO_V1(cei_figures);
Datum
cei_figures(PG_FUNCTION_ARGS)
{
	double		beginning = PG_GETARG_FLOAT8(0);
	double		sales = PG_GETARG_FLOAT8(1);
	double		ending = PG_GETARG_FLOAT8(2);
	double		ending_current = PG_GETARG_FLOAT8(3);
	int32		months = PG_GETARG_INT32(4);

	check_figure("beginning_receivables", beginning);
	check_figure("credit_sales", sales);
	check_figure("ending_receivables", ending);
	check_figure("ending_current_receivables", ending_current);
	if (months < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("months %d is out of range", months),
				 errhint("months is the number of months credit_sales covers, 1 or more.")));
	if (ending_current > ending)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ending_current_receivables %g exceed ending_receivables %g", ending_current, ending),
				 errhint("The current (not yet due) receivables are part of the ending receivables.")));
	if (beginning + sales / months - ending_current < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ending_current_receivables %g exceed beginning_receivables %g plus credit_sales / months %g",
						ending_current, beginning, sales / months),
				 errhint("The current receivables at the end were outstanding at the start or sold in the period.")));
	return cei_result(fcinfo, beginning, sales / months, ending, ending_current);
}

/* ---------- dso_countback(receivables, sales[], days[]) ---------- */

/*
 * The countback: walk the months from the newest, taking each month's
 * sales whole while the receivables exceed them (its days all count), then
 * the fraction of the month that absorbs the rest.  When the months cannot
 * absorb the receivables: 22023 if strict (the scalar form, whose caller
 * gave too few months), else false (the aggregate, see its final function).
 */
static bool
countback(double receivables, const double *sales, const int32 *days, int n,
		  bool strict, double *result_out)
{
	double		remaining = receivables;
	double		result = 0;
	int			i;

	for (i = 0; i < n && remaining > 0; i++)
	{
		if (remaining > sales[i])
		{
			result += days[i];
			remaining -= sales[i];
		}
		else
		{
			result += remaining / sales[i] * days[i];
			remaining = 0;
		}
	}
	if (remaining > 0 && !strict)
		return false;
	if (remaining > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("receivables %g exceed the sales of the %d months given", receivables, n),
				 errdetail("%g of the receivables remain after counting back over every month.", remaining),
				 errhint("Give more months of sales, newest first; the countback DSO is then more than the days given.")));
	*result_out = result;
	return true;
}

/* An array argument as n non-NULL elements of a one-dimensional array. */
static void
deconstruct_figures(ArrayType *a, Oid elemtype, const char *name, Datum **elems, int *n)
{
	bool	   *nulls;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has %d dimensions", name, ARR_NDIM(a)),
				 errhint("%s is a one-dimensional array, newest month first.", name)));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(a, elemtype, typlen, typbyval, typalign, elems, &nulls, n);
	for (i = 0; i < *n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s[%d] is null", name, i + 1),
					 errhint("Every month has its sales (0 when none) and its number of days.")));
}

static Datum
dso_countback_figures(FunctionCallInfo fcinfo, bool float8_amount)
{
	ArrayType  *sales_array = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *days_array = PG_GETARG_ARRAYTYPE_P(2);
	Datum	   *sales_datums,
			   *days_datums;
	int			nsales,
				ndays,
				i;
	double		receivables,
			   *sales,
				result;
	int32	   *days;

	receivables = float8_amount ? PG_GETARG_FLOAT8(0) : numeric_to_double(PG_GETARG_DATUM(0));
	check_figure("receivables", receivables);
	deconstruct_figures(sales_array, float8_amount ? FLOAT8OID : NUMERICOID, "sales", &sales_datums, &nsales);
	deconstruct_figures(days_array, INT4OID, "days", &days_datums, &ndays);
	if (nsales != ndays)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sales has %d months and days %d", nsales, ndays),
				 errhint("sales and days have one element per month, newest first.")));
	sales = palloc(sizeof(double) * Max(nsales, 1));
	days = palloc(sizeof(int32) * Max(ndays, 1));
	for (i = 0; i < nsales; i++)
	{
		sales[i] = float8_amount ? DatumGetFloat8(sales_datums[i]) : numeric_to_double(sales_datums[i]);
		check_figure(psprintf("sales[%d]", i + 1), sales[i]);
		days[i] = DatumGetInt32(days_datums[i]);
		if (days[i] < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("days[%d] %d is out of range", i + 1, days[i]),
					 errhint("A month has one day or more (28 to 31 for a calendar month).")));
	}
	(void) countback(receivables, sales, days, nsales, true, &result);
	PG_RETURN_FLOAT8(result);
}

PG_FUNCTION_INFO_V1(dso_countback_numeric_figures);
Datum
dso_countback_numeric_figures(PG_FUNCTION_ARGS)
{
	return dso_countback_figures(fcinfo, false);
}

PG_FUNCTION_INFO_V1(dso_countback_float8_figures);
Datum
dso_countback_float8_figures(PG_FUNCTION_ARGS)
{
	return dso_countback_figures(fcinfo, true);
}

/* ---------- dso_countback(amount, issued_on, paid_on, as_of) ---------- */

/*
 * The months the aggregate counts back over: as_of's month (from its first
 * day to as_of) and the COUNTBACK_MONTHS - 1 calendar months before it,
 * each with its sales (amounts issued in it) in a field of its own.  Three
 * years: a countback that needs more means a DSO above about 1 100 days,
 * which is NULL (not a number of days the state can give), not guessed.
 */
#define COUNTBACK_MONTHS	36

enum
{
	CB_INVOICES, CB_RECEIVABLES, CB_SALES_0,
	CB_AS_OF = CB_SALES_0 + COUNTBACK_MONTHS,
	CB_ZONE,
	CB_NFIELDS
};

#define CB_SALES_FIELD(k) {"sales_" #k, RF_COUNT}

static const RetField dso_countback_fields[CB_NFIELDS] = {
	{"invoices", RF_COUNT}, {"receivables", RF_COUNT},
	CB_SALES_FIELD(0), CB_SALES_FIELD(1), CB_SALES_FIELD(2), CB_SALES_FIELD(3),
	CB_SALES_FIELD(4), CB_SALES_FIELD(5), CB_SALES_FIELD(6), CB_SALES_FIELD(7),
	CB_SALES_FIELD(8), CB_SALES_FIELD(9), CB_SALES_FIELD(10), CB_SALES_FIELD(11),
	CB_SALES_FIELD(12), CB_SALES_FIELD(13), CB_SALES_FIELD(14), CB_SALES_FIELD(15),
	CB_SALES_FIELD(16), CB_SALES_FIELD(17), CB_SALES_FIELD(18), CB_SALES_FIELD(19),
	CB_SALES_FIELD(20), CB_SALES_FIELD(21), CB_SALES_FIELD(22), CB_SALES_FIELD(23),
	CB_SALES_FIELD(24), CB_SALES_FIELD(25), CB_SALES_FIELD(26), CB_SALES_FIELD(27),
	CB_SALES_FIELD(28), CB_SALES_FIELD(29), CB_SALES_FIELD(30), CB_SALES_FIELD(31),
	CB_SALES_FIELD(32), CB_SALES_FIELD(33), CB_SALES_FIELD(34), CB_SALES_FIELD(35),
	{"as_of", RF_PARAM}, {"zone", RF_PARAM}
};

StaticAssertDecl(CB_NFIELDS == COUNTBACK_MONTHS + 4, "one sales field per month");

/* Amounts need invoices and a date; as_of is a date of the years 1 to 9999. */
static const char *
dso_countback_check(const int64 *v, bool params_set)
{
	int			i;

	if (v[CB_INVOICES] == 0)
		for (i = CB_RECEIVABLES; i < CB_AS_OF; i++)
			if (v[i] != 0)
				return "It has amounts but no invoices.";
	if (!params_set)
		return v[CB_INVOICES] != 0 ? "It counts invoices but has no as_of date." : NULL;
	if (v[CB_AS_OF] < PERIOD_MIN_USEC || v[CB_AS_OF] >= PERIOD_END_USEC ||
		v[CB_AS_OF] % USECS_PER_DAY != 0)
		return "as_of is not a date of the years 1 to 9999.";
	return NULL;
}

RECEIVABLES_PARAM_FORMATS(dso_countback, CB_ZONE)

static const RetStateDesc dso_countback_desc = {
	"dso_countback_state", CB_NFIELDS, dso_countback_fields, dso_countback_check,
	dso_countback_format_param, dso_countback_parse_param, zone_mismatch
};

RETENTION_STATE_FUNCTIONS(dso_countback_state, dso_countback_desc)

/* Calendar month number (year * 12 + month - 1) of a date. */
static inline int64
month_number(DateADT d)
{
	int			year,
				month,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	return (int64) year * 12 + month - 1;
}

/* dso_countback(amount, issued_on, paid_on, as_of) */
static Datum
dso_countback_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	RetState   *state = ret_state_for_update(fcinfo, &dso_countback_desc);
	DateADT		as_of = as_of_arg(fcinfo, 4, variant, "measured");
	DateADT		issued,
				paid = 0;
	bool		paid_null = PG_ARGISNULL(3);
	int64		units = 0,
				back;

	set_as_of(&dso_countback_desc, state, CB_AS_OF, as_of, variant);
	if (!PG_ARGISNULL(1))
		units = amount_arg(fcinfo, 1, (variant & RV_FLOAT8_AMOUNT) != 0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(state);
	issued = day_arg(fcinfo, 2, variant);
	if (!paid_null)
		paid = day_arg(fcinfo, 3, variant);
	/* no due date here: the issue date stands in for it */
	check_invoice_dates(issued, issued, paid, paid_null);

	ret_state_bump(state, CB_INVOICES, delta);
	if (outstanding_at(as_of, issued, paid, paid_null))
		sum_step(state, CB_RECEIVABLES, units, delta);
	if (issued <= as_of)
	{
		back = month_number(as_of) - month_number(issued);
		if (back < COUNTBACK_MONTHS)
			sum_step(state, CB_SALES_0 + (int) back, units, delta);
	}
	PG_RETURN_POINTER(state);
}

RECEIVABLES_STEP_FUNCTIONS(dso_countback, dso_countback_step)

/*
 * The countback over the months of the state, newest first, each with its
 * real number of days (as_of's month up to as_of); NULL without invoices,
 * and NULL when the receivables exceed the sales of all 36 months (a DSO
 * above about 1 100 days is not one the state can give: documented, and
 * every state the aggregate writes has a result, as stored states must).
 */
PG_FUNCTION_INFO_V1(dso_countback_final);
Datum
dso_countback_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &dso_countback_desc);
	double		sales[COUNTBACK_MONTHS];
	int32		days[COUNTBACK_MONTHS];
	double		result;
	int			year,
				month,
				day,
				k;

	if (state->v[CB_INVOICES] == 0)
		PG_RETURN_NULL();
	j2date((int) (state->v[CB_AS_OF] / USECS_PER_DAY) + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	for (k = 0; k < COUNTBACK_MONTHS; k++)
	{
		sales[k] = (double) state->v[CB_SALES_0 + k];	/* currency below */
		days[k] = k == 0 ? day : day_tab[isleap(year)][month - 1];
		if (--month == 0)
		{
			month = 12;
			year--;
		}
	}
	for (k = 0; k < COUNTBACK_MONTHS; k++)
		sales[k] /= AMOUNT_SCALE;
	if (!countback((double) state->v[CB_RECEIVABLES] / AMOUNT_SCALE, sales, days,
				   COUNTBACK_MONTHS, false, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}
