/*-------------------------------------------------------------------------
 *
 * model_optimise.h
 *	  Maximum-likelihood fitting for the small customer-base models (sBG,
 *	  BG/BB): a Nelder-Mead minimiser over log-parameters, standard errors
 *	  from the inverse Hessian, the 2F1(1, b; c; x) series their discounted
 *	  expectations need, and the weighted count lists their fit states hold.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_MODEL_OPTIMISE_H
#define RETENTION_MODEL_OPTIMISE_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "state.h"

#define MODEL_MAX_PARAMS	4

/* Log-likelihood at positive parameters (may return -Inf or NaN). */
typedef double (*ModelLogLikelihood) (const double *param, void *arg);

typedef struct ModelFit
{
	int			nparams;
	double		param[MODEL_MAX_PARAMS];
	double		ll;				/* log-likelihood at param */
	double		se[MODEL_MAX_PARAMS];
	bool		has_se;			/* the Hessian was positive definite */
	bool		converged;
	int			evaluations;
} ModelFit;

/*
 * Maximise ll over positive parameters from start; fills fit.  A fit whose
 * parameters run off towards 0 or infinity, or that exhausts its evaluation
 * budget, has converged = false.
 */
extern void model_fit_ml(int nparams, ModelLogLikelihood ll, void *arg,
						 const double *start, ModelFit *fit);

/* log B(a, b) */
static inline double
model_lbeta(double a, double b)
{
	return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/*
 * sum over k >= 0 of (b)_k / (c)_k x^k = 2F1(1, b; c; x) for 0 < b < c and
 * 0 <= x < 1 (every term ratio is below x, so it converges geometrically).
 */
extern double model_hyp2f1_one(double b, double c, double x);

/* The smallest discount rate model_hyp2f1_one is asked to sum for. */
#define MODEL_MIN_DISCOUNT	1e-6

/* ---------- model_text.c: the model types' JSON text ---------- */

struct JsonbValue;

extern Datum model_text_jsonb(const char *txt);
extern int	model_json_number(const struct JsonbValue *v, double *out);
extern bool model_may_predict(FunctionCallInfo fcinfo, bool unconverged,
							  const char *type);

/*
 * Define <prefix>_in, _out, _recv, _send and _params of a model type whose
 * binary form is its text: parse(str, sqlstate) reads the text, arg(fcinfo,
 * argno) checks a value and format(model) writes it.
 */
#define MODEL_TEXT_FUNCTIONS(prefix, parse, arg, format) \
	PG_FUNCTION_INFO_V1(prefix##_in); \
	Datum prefix##_in(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_POINTER(parse(PG_GETARG_CSTRING(0), ERRCODE_INVALID_TEXT_REPRESENTATION)); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	Datum prefix##_out(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_CSTRING(format(arg(fcinfo, 0))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum prefix##_recv(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_POINTER(parse(state_recv_text((StringInfo) PG_GETARG_POINTER(0)), \
								ERRCODE_INVALID_BINARY_REPRESENTATION)); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	Datum prefix##_send(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BYTEA_P(state_send_text(format(arg(fcinfo, 0)))); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_params); \
	Datum prefix##_params(PG_FUNCTION_ARGS) \
	{ \
		return model_text_jsonb(format(arg(fcinfo, 0))); \
	}

/* ---------- weighted count lists (the fit states) ---------- */

/*
 * A fit state: a list of observation patterns (a key of 1 to 3 small
 * non-negative integers: a period; or frequency, recency, periods), each
 * with the number of customers and the number of input rows that gave it,
 * sorted by key.  The row count lets a sliding window remove rows exactly
 * (an entry goes when its last row leaves) and tells a pattern with 0
 * customers from an absent one.  Variable size with spare capacity: a
 * transition function inserts in place while there is room.
 */
#define MODEL_KEY_MAX		1000000 /* largest value of one key part */
#define MODEL_COUNTS_VERSION 1

typedef struct ModelCountEntry
{
	int64		key;
	int64		customers;
	int64		rows;
} ModelCountEntry;

typedef struct ModelCounts
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;			/* zero; reserved */
	uint16		reserved;
	int32		nentries;
	int32		capacity;
	ModelCountEntry e[FLEXIBLE_ARRAY_MEMBER];
} ModelCounts;

typedef struct ModelCountsDesc
{
	const char *type_name;		/* the SQL state type, for messages */
	int			nparts;			/* key parts: 1 or 3 */
	const char *const *part_names;	/* for messages */

	/*
	 * Whole-key check (parts already in 0..MODEL_KEY_MAX): NULL when valid,
	 * else a sentence for errdetail.
	 */
	const char *(*check_key) (const int64 *parts);
} ModelCountsDesc;

extern int64 model_key_pack(const ModelCountsDesc *desc, const int64 *parts);
extern void model_key_unpack(const ModelCountsDesc *desc, int64 key, int64 *parts);

/* Add (sign 1) or remove (sign -1) customers under the row's key parts. */
extern ModelCounts *model_counts_step(FunctionCallInfo fcinfo, const ModelCountsDesc *desc,
									  const int64 *parts, int64 customers, int sign);
extern ModelCounts *model_counts_arg(FunctionCallInfo fcinfo, int argno,
									 const ModelCountsDesc *desc);
extern Datum model_counts_in(FunctionCallInfo fcinfo, const ModelCountsDesc *desc);
extern Datum model_counts_out(FunctionCallInfo fcinfo, const ModelCountsDesc *desc);
extern Datum model_counts_recv(FunctionCallInfo fcinfo, const ModelCountsDesc *desc);
extern Datum model_counts_send(FunctionCallInfo fcinfo, const ModelCountsDesc *desc);
extern Datum model_counts_combine(FunctionCallInfo fcinfo, const ModelCountsDesc *desc, int sign);

/* Define <prefix>_in, _out, _recv, _send, _combine and _uncombine. */
#define MODEL_COUNTS_FUNCTIONS(prefix, desc) \
	PG_FUNCTION_INFO_V1(prefix##_in); \
	Datum prefix##_in(PG_FUNCTION_ARGS) { return model_counts_in(fcinfo, &(desc)); } \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	Datum prefix##_out(PG_FUNCTION_ARGS) { return model_counts_out(fcinfo, &(desc)); } \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum prefix##_recv(PG_FUNCTION_ARGS) { return model_counts_recv(fcinfo, &(desc)); } \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	Datum prefix##_send(PG_FUNCTION_ARGS) { return model_counts_send(fcinfo, &(desc)); } \
	PG_FUNCTION_INFO_V1(prefix##_combine); \
	Datum prefix##_combine(PG_FUNCTION_ARGS) { return model_counts_combine(fcinfo, &(desc), 1); } \
	PG_FUNCTION_INFO_V1(prefix##_uncombine); \
	Datum prefix##_uncombine(PG_FUNCTION_ARGS) { return model_counts_combine(fcinfo, &(desc), -1); }

#endif							/* RETENTION_MODEL_OPTIMISE_H */
