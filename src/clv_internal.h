/*-------------------------------------------------------------------------
 *
 * clv_internal.h
 *	  What the files of the predictive CLV share (not an interface of the
 *	  extension): the text-form helpers, the double-double amount sum, the
 *	  expanded-state helpers, the clv_model type and the checks of a
 *	  customer summary.
 *
 *	  clv_common.c   the helpers declared here
 *	  clv_summary.c  clv_summary_state and clv_summary()
 *	  clv_fit.c      clv_fit_state and clv_fit()
 *	  clv_model.c    clv_model, clv_model_params and the predictions
 *	  clv_orders.c   clv_state and clv()
 *
 * The numbers (likelihoods, fits, predictions) are in clv_math.c and
 * clv_optimise.c, declared in clv.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_CLV_INTERNAL_H
#define RETENTION_CLV_INTERNAL_H

#include "postgres.h"

#include <math.h>

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/expandeddatum.h"
#include "utils/timestamp.h"

#include "amount.h"
#include "clv.h"
#include "state.h"

#define CLV_VERSION			1
#define CLV_PARAMS_SET		0x01
/* the clv aggregate's time unit: the literature's week */
#define CLV_UNIT_DAYS		7.0

/*
 * A sum of amounts as a double-double: hi + lo with hi = fl(hi + lo), about
 * 106 bits.  Summing the repeat amounts this way makes monetary values
 * exact to the last bit of a double for any realistic customer, and the
 * same whatever order rows and merged states arrive in (serial, parallel,
 * Citus): the rounding of single doubles would differ in the last digits.
 */
typedef struct ClvSum
{
	double		hi,
				lo;
} ClvSum;

/* Add b to *a (the accurate double-double addition; 22003 on overflow). */
static inline void
clv_sum_add(ClvSum *a, ClvSum b)
{
	double		s1 = a->hi + b.hi,
				bp = s1 - a->hi,
				s2 = (a->hi - (s1 - bp)) + (b.hi - bp),
				t1 = a->lo + b.lo,
				tp = t1 - a->lo,
				t2 = (a->lo - (t1 - tp)) + (b.lo - tp),
				h;

	s2 += t1;
	h = s1 + s2;
	s2 = s2 - (h - s1);
	s1 = h;
	s2 += t2;
	h = s1 + s2;
	a->lo = s2 - (h - s1);
	a->hi = h;
	if (unlikely(!isfinite(a->hi) || !isfinite(a->lo)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of order amounts is out of range for type double precision"),
				 errhint("The amounts of one customer must add up to less than about 1.8e308.")));
	if (a->hi == 0.0)
	{
		/* one spelling of zero: no -0, no remainder */
		a->hi = 0.0;
		a->lo = 0.0;
	}
}

/* The same, adding one double. */
static inline void
clv_sum_add1(ClvSum *a, double x)
{
	ClvSum		b = {x, 0.0};

	clv_sum_add(a, b);
}

#define CM_HAS_GG			0x01	/* p, q, v present */
#define CM_HAS_CUSTOMERS	0x02
#define CM_HAS_CONVERGED	0x04
#define CM_CONVERGED		0x08
#define CM_HAS_LL_BG		0x10	/* the purchase model's log-likelihood */
#define CM_HAS_LL_GG		0x20
#define CM_HAS_SPEND_EXCLUDED 0x40	/* spend_excluded is known */
#define CM_KNOWN_FLAGS		0x7f
/* flags2 */
#define CM2_HAS_SE			0x01	/* se[0..3]: the purchase model's */
#define CM2_HAS_SE_GG		0x02	/* se[4..6]: Gamma-Gamma's */
#define CM2_KNOWN_FLAGS		0x03

/*
 * Version 2 adds the model kind (in what version 1 kept zero: BG/NBD),
 * spend_excluded and the standard errors; a version 1 value stored by 1.1
 * is read as version 2.
 */
#define CLV_MODEL_VERSION	2

typedef struct ClvModel
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint8		kind;			/* ClvKindId: its purchase model */
	uint8		flags2;			/* CM2_* */
	int64		customers;
	ClvParams	par;			/* r, alpha, a, b: the kind's parameters in order */
	double		ll_bgnbd;		/* the purchase model's log-likelihood */
	double		ll_gg;
	/* repeat customers of mean repeat amount 0, left out of Gamma-Gamma */
	int64		spend_excluded;
	double		se[7];			/* standard errors, in the order of par */
} ClvModel;

/* A clv_model as 1.1 stored it (version 1, before spend_excluded): still read. */
#define CLV_MODEL_SIZE_1_1	offsetof(ClvModel, spend_excluded)

/* ---------- clv_common.c ---------- */

/*
 * Text forms: canonical writing and reading of their parts (doubles, the
 * "vN name=value" fields and the errors are state.h's).
 */
extern const char *clv_num(double d);
extern void clv_append_sum(StringInfo buf, ClvSum v);
extern void clv_append_day(StringInfo buf, DateADT d);
extern bool clv_parse_day(const char *s, DateADT *result);
extern bool clv_parse_sum(char *s, ClvSum *v);
extern bool clv_split_colons(char *tok, char **parts, int n);

/* Arguments. */
extern double clv_interval_days(const Interval *iv);
extern double clv_positive_interval_arg(FunctionCallInfo fcinfo, int argno,
										const char *name);
extern DateADT clv_ts_day_cached(FunctionCallInfo fcinfo, TimestampTz ts);

/* Expanded states (clv_fit_state, clv_state). */
extern ExpandedObjectHeader *clv_own_state(FunctionCallInfo fcinfo,
										   const ExpandedObjectMethods *methods,
										   MemoryContext *parent);
extern ExpandedObjectHeader *clv_new_state(MemoryContext parent, Size size,
										   const ExpandedObjectMethods *methods);

/*
 * The input, send and receive functions of a clv type: the binary form is
 * the text form, so one validating parser serves both paths (a forged
 * binary state is checked exactly like a forged text).
 */
#define CLV_TEXT_IO(type, parse) \
PG_FUNCTION_INFO_V1(type##_in); \
Datum \
type##_in(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_POINTER(parse(PG_GETARG_CSTRING(0), ERRCODE_INVALID_TEXT_REPRESENTATION)); \
} \
PG_FUNCTION_INFO_V1(type##_send); \
Datum \
type##_send(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BYTEA_P(state_send_text(DatumGetCString(DirectFunctionCall1(type##_out, \
																		  PG_GETARG_DATUM(0))))); \
} \
PG_FUNCTION_INFO_V1(type##_recv); \
Datum \
type##_recv(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_POINTER(parse(state_recv_text((StringInfo) PG_GETARG_POINTER(0)), \
							ERRCODE_INVALID_BINARY_REPRESENTATION)); \
}

/* Is the first argument a read-write value this aggregate call may update? */
static inline bool
clv_in_aggregate(FunctionCallInfo fcinfo)
{
	return AggCheckCallContext(fcinfo, NULL) != 0;
}

/* The calendar day (session time zone) of a finite timestamptz. */
static inline DateADT
clv_ts_day(TimestampTz ts)
{
	return DatumGetDateADT(DirectFunctionCall1(timestamptz_date,
											   TimestampTzGetDatum(ts)));
}

/* An amount: finite (22003). */
static inline double
clv_finite_amount(double amount)
{
	if (unlikely(!isfinite(amount)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("order amount %s is out of range", clv_num(amount)),
				 errhint("An amount is a finite number.")));
	return amount;
}

/* A double precision amount argument: finite (22003). */
static inline double
clv_amount_arg(FunctionCallInfo fcinfo, int argno)
{
	return clv_finite_amount(PG_GETARG_FLOAT8(argno));
}

/*
 * The amount argument of a clv_summary or clv row, double precision or
 * numeric (decoded in place: the ::float8 cast goes through text, a third
 * of clv_summary's time).  Both round the same; an infinite amount is 22003.
 */
static inline double
clv_order_amount_arg(FunctionCallInfo fcinfo, int argno, bool numeric)
{
	if (!numeric)
		return clv_amount_arg(fcinfo, argno);
	return clv_finite_amount(numeric_to_double(PG_GETARG_DATUM(argno)));
}

/* ---------- clv_fit.c ---------- */

/* Check one customer summary (22023 naming the value). */
extern void clv_check_summary(double x, double tx, double T, bool have_m, double m);

/* ---------- clv_model.c ---------- */

extern ClvModel *clv_model_new(void);
extern ClvModel *clv_model_arg(FunctionCallInfo fcinfo, int argno);
extern void clv_model_check(const ClvModel *m);
/*
 * Fit the purchase model of kind (ClvKindId) and Gamma-Gamma to compacted
 * observations.
 */
extern ClvModel *clv_fit_model_kind(int kind, ClvTriple *t, int nt, ClvPair *p, int np);
/* The pairs the spend model fits: those of a positive monetary value. */
extern int	clv_spend_pairs(ClvPair **pairs, int np);
/* A prediction beyond double precision is 22003. */
extern double clv_finite_prediction(const char *what, double value);

#endif							/* RETENTION_CLV_INTERNAL_H */
