/*-------------------------------------------------------------------------
 *
 * clv_model.c
 *	  clv_model (the fitted or hand-written parameters, JSON text),
 *	  clv_model_params, and the per-customer predictions: P(alive),
 *	  expected purchases, expected order value, clv_predict.
 *
 * A model whose fit did not converge predicts NULL with a WARNING; a
 * prediction beyond double precision is 22003.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "amount.h"
#include "clv.h"
#include "clv_internal.h"
#include "expanded.h"
#include "state.h"


/* ==================================================================
 * clv_model
 * ================================================================== */

/* the layout 1.1 stored, which clv_model_arg still reads */
StaticAssertDecl(CLV_MODEL_SIZE_1_1 == 88, "clv_model's 1.1 layout changed");

ClvModel *
clv_model_new(void)
{
	ClvModel   *m = palloc0(sizeof(ClvModel));

	SET_VARSIZE(m, sizeof(ClvModel));
	m->version = CLV_VERSION;
	return m;
}

/*
 * The seven parameters in their text order: name and place in ClvParams
 * (its fields are not an array, so they are reached by offset, never by
 * indexing from the first).
 */
#define CM_NPARAMS	7

static const struct
{
	const char *name;
	size_t		offset;
}			cm_params[CM_NPARAMS] = {
	{"r", offsetof(ClvParams, r)},
	{"alpha", offsetof(ClvParams, alpha)},
	{"a", offsetof(ClvParams, a)},
	{"b", offsetof(ClvParams, b)},
	{"p", offsetof(ClvParams, p)},
	{"q", offsetof(ClvParams, q)},
	{"v", offsetof(ClvParams, v)}
};

/* Parameter i of the text order (copied: the struct is not cast). */
static inline double
cm_get(const ClvParams *par, int i)
{
	double		value;

	memcpy(&value, (const char *) par + cm_params[i].offset, sizeof(double));
	return value;
}

static inline void
cm_set(ClvParams *par, int i, double value)
{
	memcpy((char *) par + cm_params[i].offset, &value, sizeof(double));
}

/* Check a model's parameters (22023 naming the value). */
void
clv_model_check(const ClvModel *m)
{
	int			i,
				n = (m->flags & CM_HAS_GG) ? CM_NPARAMS : 4;

	for (i = 0; i < n; i++)
		if (!isfinite(cm_get(&m->par, i)) || !(cm_get(&m->par, i) > 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("clv_model parameter %s = %s is not positive",
							cm_params[i].name, clv_num(cm_get(&m->par, i))),
					 errhint("Every model parameter is a finite number greater than 0.")));
}

ClvModel *
clv_model_arg(FunctionCallInfo fcinfo, int argno)
{
	ClvModel   *m = (ClvModel *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	/* a value stored by 1.1 is shorter: no spend_excluded */
	if (VARSIZE(m) == CLV_MODEL_SIZE_1_1 && m->version == CLV_VERSION &&
		!(m->flags & ~(CM_KNOWN_FLAGS & ~CM_HAS_SPEND_EXCLUDED)))
	{
		ClvModel   *full = clv_model_new();

		memcpy(full, m, CLV_MODEL_SIZE_1_1);
		SET_VARSIZE(full, sizeof(ClvModel));
		return full;
	}
	if (VARSIZE(m) != sizeof(ClvModel) || m->version != CLV_VERSION ||
		(m->flags & ~CM_KNOWN_FLAGS) ||
		(!(m->flags & CM_HAS_SPEND_EXCLUDED) && m->spend_excluded != 0) ||
		m->spend_excluded < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_model value")));
	return m;
}

PG_FUNCTION_INFO_V1(clv_model_out);
Datum
clv_model_out(PG_FUNCTION_ARGS)
{
	ClvModel   *m = clv_model_arg(fcinfo, 0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < CM_NPARAMS; i++)
	{
		appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "", cm_params[i].name);
		if (i < 4 || (m->flags & CM_HAS_GG))
			clv_append_double(&buf, cm_get(&m->par, i));
		else
			appendStringInfoString(&buf, "null");
	}
	appendStringInfoString(&buf, ", \"customers\": ");
	if (m->flags & CM_HAS_CUSTOMERS)
		appendStringInfo(&buf, INT64_FORMAT, m->customers);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"converged\": ");
	appendStringInfoString(&buf, !(m->flags & CM_HAS_CONVERGED) ? "null" :
						   (m->flags & CM_CONVERGED) ? "true" : "false");
	appendStringInfoString(&buf, ", \"ll_bgnbd\": ");
	if (m->flags & CM_HAS_LL_BG)
		clv_append_double(&buf, m->ll_bgnbd);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"ll_gg\": ");
	if (m->flags & CM_HAS_LL_GG)
		clv_append_double(&buf, m->ll_gg);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"spend_excluded\": ");
	if (m->flags & CM_HAS_SPEND_EXCLUDED)
		appendStringInfo(&buf, INT64_FORMAT, m->spend_excluded);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

static ClvModel *
cm_parse(const char *str, int code)
{
	const char *T = "clv_model";
	ClvModel   *m = clv_model_new();
	bool		seen[CM_NPARAMS] = {false};
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			i,
				ngg = 0,
				ngg_null = 0;

	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	if (!JB_ROOT_IS_OBJECT(jb))
		clv_bad_text(T, str, code, "A clv_model is a JSON object.");
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		double		num = 0;
		bool		is_null;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		/* the key's value: a WJB_VALUE token, read from v */
		(void) JsonbIteratorNext(&it, &v, true);
		is_null = (v.type == jbvNull);
		if (strcmp(key, "converged") == 0)
		{
			if (is_null)
				continue;
			if (v.type != jbvBool)
				clv_bad_text(T, str, code, "\"converged\" is not true, false or null.");
			m->flags |= CM_HAS_CONVERGED | (v.val.boolean ? CM_CONVERGED : 0);
			continue;
		}
		if (!is_null)
		{
			if (v.type != jbvNumeric)
				clv_bad_text(T, str, code, psprintf("\"%s\" is not a number.", key));
			/* no error (and no 400-digit message) for a number out of range */
			num = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow,
													 NumericGetDatum(v.val.numeric)));
			if (!isfinite(num))
				clv_bad_text(T, str, code,
						 psprintf("\"%s\" is beyond the range of double precision (about 1.8e308).", key));
		}
		for (i = 0; i < CM_NPARAMS; i++)
			if (strcmp(key, cm_params[i].name) == 0)
				break;
		if (i < CM_NPARAMS)
		{
			seen[i] = true;
			cm_set(&m->par, i, num);
			if (i >= 4)
			{
				ngg++;
				ngg_null += is_null;
			}
			else if (is_null)
				clv_bad_text(T, str, code, psprintf("BG/NBD parameter \"%s\" is null.", key));
		}
		else if (strcmp(key, "customers") == 0)
		{
			if (is_null)
				continue;
			if (num < 0 || num != floor(num) || num > 9e18)
				clv_bad_text(T, str, code, "\"customers\" is not a non-negative integer.");
			m->customers = (int64) num;
			m->flags |= CM_HAS_CUSTOMERS;
		}
		else if (strcmp(key, "spend_excluded") == 0)
		{
			if (is_null)
				continue;
			if (num < 0 || num != floor(num) || num > 9e18)
				clv_bad_text(T, str, code, "\"spend_excluded\" is not a non-negative integer.");
			m->spend_excluded = (int64) num;
			m->flags |= CM_HAS_SPEND_EXCLUDED;
		}
		else if (strcmp(key, "ll_bgnbd") == 0 || strcmp(key, "ll_gg") == 0)
		{
			if (is_null)
				continue;
			if (!isfinite(num))
				clv_bad_text(T, str, code, psprintf("\"%s\" is not a finite number.", key));
			if (key[3] == 'b')
			{
				m->ll_bgnbd = num;
				m->flags |= CM_HAS_LL_BG;
			}
			else
			{
				m->ll_gg = num;
				m->flags |= CM_HAS_LL_GG;
			}
		}
		else
			clv_bad_text(T, str, code, psprintf("\"%s\" is not a clv_model key; the keys are r, alpha, a, b, p, q, v, customers, converged, ll_bgnbd, ll_gg and spend_excluded.", key));
	}
	for (i = 0; i < 4; i++)
		if (!seen[i])
			clv_bad_text(T, str, code, psprintf("BG/NBD parameter \"%s\" is missing.", cm_params[i].name));
	if (ngg == 3 && ngg_null == 0)
		m->flags |= CM_HAS_GG;
	else if (ngg_null != ngg)
		clv_bad_text(T, str, code, "Gamma-Gamma parameters p, q and v are given all together or not at all (or all null).");
	else
		m->par.p = m->par.q = m->par.v = 0;
	if ((m->flags & CM_HAS_LL_GG) && !(m->flags & CM_HAS_GG))
		clv_bad_text(T, str, code, "\"ll_gg\" is given without a Gamma-Gamma model.");
	if ((m->flags & CM_HAS_SPEND_EXCLUDED) && (m->flags & CM_HAS_CUSTOMERS) &&
		m->spend_excluded > m->customers)
		clv_bad_text(T, str, code, "\"spend_excluded\" is more than \"customers\".");
	clv_model_check(m);
	return m;
}

CLV_TEXT_IO(clv_model, cm_parse)

PG_FUNCTION_INFO_V1(clv_model_params);
Datum
clv_model_params(PG_FUNCTION_ARGS)
{
	ClvModel   *m = clv_model_arg(fcinfo, 0);
	char	   *txt = DatumGetCString(DirectFunctionCall1(clv_model_out, PG_GETARG_DATUM(0)));
	StringInfoData buf;

	/*
	 * The model's text, and "ll": the log-likelihood of the purchase model
	 * (BG/NBD), the figure the literature reports (ll_bgnbd and ll_gg are
	 * the two models' own).
	 */
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, txt, strlen(txt) - 1);
	appendStringInfoString(&buf, ", \"ll\": ");
	if (m->flags & CM_HAS_LL_BG)
		clv_append_double(&buf, m->ll_bgnbd);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/*
 * The pairs of a positive mean repeat amount (a new array when some are 0;
 * the order, by frequency then monetary, is kept), and the number of
 * customers of those that are 0 in *excluded.
 */
static int
spend_pairs(ClvPair **pairs, int np, int64 *excluded)
{
	ClvPair    *p = *pairs,
			   *kept;
	int			i,
				nk = 0;

	*excluded = 0;
	for (i = 0; i < np; i++)
		if (p[i].m == 0)
			break;
	if (i == np)
		return np;
	kept = palloc(sizeof(ClvPair) * np);
	for (i = 0; i < np; i++)
	{
		if (p[i].m == 0)
		{
			if (pg_add_s64_overflow(*excluded, p[i].w, excluded))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("clv_fit customer count out of range")));
		}
		else
			kept[nk++] = p[i];
	}
	*pairs = kept;
	return nk;
}

int
clv_spend_pairs(ClvPair **pairs, int np)
{
	int64		excluded;

	return spend_pairs(pairs, np, &excluded);
}

/* Fit both models to compacted observations; NULL-free result. */
ClvModel *
clv_fit_model(ClvTriple *t, int nt, ClvPair *p, int np)
{
	ClvModel   *m = clv_model_new();
	ClvFitResult bg,
				gg;
	int64		n = 0;
	int			i;
	bool		converged;

	for (i = 0; i < nt; i++)
		if (pg_add_s64_overflow(n, t[i].w, &n))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("clv_fit customer count out of range")));
	bg = clv_fit_bgnbd(t, nt);
	m->par.r = bg.param[0];
	m->par.alpha = bg.param[1];
	m->par.a = bg.param[2];
	m->par.b = bg.param[3];
	m->customers = n;
	m->flags |= CM_HAS_CUSTOMERS | CM_HAS_CONVERGED;
	converged = bg.converged;
	if (isfinite(bg.ll))
	{
		m->ll_bgnbd = bg.ll;
		m->flags |= CM_HAS_LL_BG;
	}
	/*
	 * A repeat customer whose repeat purchases average 0 stays in BG/NBD
	 * (above) and is left out of Gamma-Gamma only, whose likelihood has no
	 * value at 0 (log 0): counted, so that clv_model_params says how many.
	 */
	m->flags |= CM_HAS_SPEND_EXCLUDED;
	np = spend_pairs(&p, np, &m->spend_excluded);
	if (np > 0)
	{
		gg = clv_fit_gg(p, np);
		m->par.p = gg.param[0];
		m->par.q = gg.param[1];
		m->par.v = gg.param[2];
		m->flags |= CM_HAS_GG;
		converged = converged && gg.converged;
		if (isfinite(gg.ll))
		{
			m->ll_gg = gg.ll;
			m->flags |= CM_HAS_LL_GG;
		}
	}
	if (converged)
		m->flags |= CM_CONVERGED;
	return m;
}

/* ---------- per-customer functions ---------- */

/* A horizon argument t >= 0, finite (22023). */
static double
horizon_arg(FunctionCallInfo fcinfo, int argno)
{
	double		t = PG_GETARG_FLOAT8(argno);

	if (!isfinite(t) || t < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon t = %s is not a non-negative number", clv_num(t)),
				 errhint("t is a number of time units, 0 or more.")));
	return t;
}

/*
 * The model argument of a prediction, checked; NULL when its fit did not
 * converge ("converged": false), with a WARNING once per query and call
 * site: a model that is not an optimum gives numbers that look fine and
 * are not (every customer alive, say).  clv() does the same.
 */
static ClvModel *
usable_model(FunctionCallInfo fcinfo, int argno)
{
	ClvModel   *m = clv_model_arg(fcinfo, argno);

	clv_model_check(m);
	if ((m->flags & CM_HAS_CONVERGED) && !(m->flags & CM_CONVERGED))
	{
		if (fcinfo->flinfo->fn_extra == NULL)
		{
			ereport(WARNING,
					(errmsg("the clv_model's fit did not converge; its predictions are NULL"),
					 errhint("Fit again with more customers, or check the summaries (clv_model_params shows \"converged\").")));
			fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, 1);
		}
		return NULL;
	}
	return m;
}

/* A prediction that overflowed double precision is 22003, never infinity. */
inline double
clv_finite_prediction(const char *what, double value)
{
	if (unlikely(!isfinite(value)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for type double precision", what),
				 errhint("The model's parameters are too extreme for this customer.")));
	return value;
}

PG_FUNCTION_INFO_V1(clv_expected_purchases);
Datum
clv_expected_purchases(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		t = horizon_arg(fcinfo, 1);
	double		x = PG_GETARG_FLOAT8(2),
				tx = PG_GETARG_FLOAT8(3),
				T = PG_GETARG_FLOAT8(4);

	clv_check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_expected_purchases",
									   clv_expected_purchases_calc(&m->par, t, x, tx, T)));
}

PG_FUNCTION_INFO_V1(clv_p_alive);
Datum
clv_p_alive(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		x = PG_GETARG_FLOAT8(1),
				tx = PG_GETARG_FLOAT8(2),
				T = PG_GETARG_FLOAT8(3);

	clv_check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_p_alive", clv_p_alive_calc(&m->par, x, tx, T)));
}

PG_FUNCTION_INFO_V1(clv_expected_order_value);
Datum
clv_expected_order_value(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		x = PG_GETARG_FLOAT8(1),
				mon = PG_GETARG_FLOAT8(2),
				result;

	clv_check_summary(x, 0, 1, true, mon);
	if (m == NULL || !(m->flags & CM_HAS_GG) ||
		!clv_expected_value_calc(&m->par, x, mon, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_expected_order_value", result));
}

PG_FUNCTION_INFO_V1(clv_predict);
Datum
clv_predict(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		t = horizon_arg(fcinfo, 1);
	double		x = PG_GETARG_FLOAT8(2),
				tx = PG_GETARG_FLOAT8(3),
				T = PG_GETARG_FLOAT8(4),
				mon = PG_GETARG_FLOAT8(5),
				d = PG_GETARG_FLOAT8(6),
				value;

	clv_check_summary(x, tx, T, true, mon);
	if (!isfinite(d) || d < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("discount_rate %s is not a non-negative number", clv_num(d)),
				 errhint("discount_rate is per time unit, e.g. 0.01 for 1%% a week; 0 for none.")));
	if (d > 0 && t > 1e6)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon t = %s is too long to discount unit by unit", clv_num(t)),
				 errhint("Use at most 1000000 time units with a discount rate.")));
	if (m == NULL || !(m->flags & CM_HAS_GG) ||
		!clv_expected_value_calc(&m->par, x, mon, &value))
		PG_RETURN_NULL();
	value = clv_finite_prediction("clv_predict expected order value", value);
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_predict",
									   value * clv_discounted_purchases(&m->par, t, x, tx, T, d)));
}

/*
 * clv_purchase_probability(model, t, n): P(X(t) = n), the probability that
 * a new customer makes exactly n purchases in the first t time units.
 */
PG_FUNCTION_INFO_V1(clv_purchase_probability);
Datum
clv_purchase_probability(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		t = horizon_arg(fcinfo, 1);
	int32		n = PG_GETARG_INT32(2);

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of purchases n = %d is negative", n),
				 errhint("n is a count of purchases, 0 or more.")));
	if (m == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_purchase_probability",
										   clv_purchase_probability_calc(&m->par, t, n)));
}
