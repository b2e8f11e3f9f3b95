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
#include "clv_kind.h"
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
	m->version = CLV_MODEL_VERSION;
	return m;
}

/*
 * The seven parameters in their text order: place in ClvParams (its
 * fields are not an array, so they are reached by offset, never by
 * indexing from the first).  The first four are the purchase model's,
 * named by its kind (r, alpha, a, b; r, alpha, s, beta for Pareto/NBD),
 * the last three Gamma-Gamma's.
 */
#define CM_NPARAMS	7

static const size_t cm_offsets[CM_NPARAMS] = {
	offsetof(ClvParams, r),
	offsetof(ClvParams, alpha),
	offsetof(ClvParams, a),
	offsetof(ClvParams, b),
	offsetof(ClvParams, p),
	offsetof(ClvParams, q),
	offsetof(ClvParams, v)
};

static const char *const gg_names[3] = {"p", "q", "v"};

/* Name of parameter i of a model of kind k. */
static const char *
cm_name(const ClvModelKind *k, int i)
{
	return i < 4 ? k->param_names[i] : gg_names[i - 4];
}

/* Parameter i of the text order (copied: the struct is not cast). */
static inline double
cm_get(const ClvParams *par, int i)
{
	double		value;

	memcpy(&value, (const char *) par + cm_offsets[i], sizeof(double));
	return value;
}

static inline void
cm_set(ClvParams *par, int i, double value)
{
	memcpy((char *) par + cm_offsets[i], &value, sizeof(double));
}

/* Check a model's parameters (22023 naming the value). */
void
clv_model_check(const ClvModel *m)
{
	const ClvModelKind *k = clv_kind(m->kind);
	int			i,
				n = (m->flags & CM_HAS_GG) ? CM_NPARAMS : 4;

	for (i = 0; i < n; i++)
		if (!isfinite(cm_get(&m->par, i)) || !(cm_get(&m->par, i) > 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("clv_model parameter %s = %s is not positive",
							cm_name(k, i), clv_num(cm_get(&m->par, i))),
					 errhint("Every model parameter is a finite number greater than 0.")));
}

/*
 * The model argument, checked; a stored version 1 value (BG/NBD, no
 * standard errors) is read as version 2.
 */
ClvModel *
clv_model_arg(FunctionCallInfo fcinfo, int argno)
{
	ClvModel   *m = (ClvModel *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	/* a value stored by 1.1: version 1, BG/NBD, no spend_excluded, no se */
	if (VARSIZE(m) == CLV_MODEL_SIZE_1_1 && m->version == 1 &&
		m->kind == 0 && m->flags2 == 0 &&
		!(m->flags & ~(CM_KNOWN_FLAGS & ~CM_HAS_SPEND_EXCLUDED)))
	{
		ClvModel   *full = clv_model_new();

		memcpy(full, m, CLV_MODEL_SIZE_1_1);
		SET_VARSIZE(full, sizeof(ClvModel));
		full->version = CLV_MODEL_VERSION;
		return full;
	}
	if (VARSIZE(m) != sizeof(ClvModel) || m->version != CLV_MODEL_VERSION ||
		(m->flags & ~CM_KNOWN_FLAGS) || (m->flags2 & ~CM2_KNOWN_FLAGS) ||
		m->kind >= CLV_NKINDS ||
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
	const ClvModelKind *k = clv_kind(m->kind);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	/* BG/NBD is written as 1.1 wrote it, without "model" */
	if (m->kind != CLV_KIND_BGNBD)
		appendStringInfo(&buf, "\"model\": \"%s\", ", k->name);
	for (i = 0; i < CM_NPARAMS; i++)
	{
		appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "", cm_name(k, i));
		if (i < 4 || (m->flags & CM_HAS_GG))
			state_append_float8(&buf, cm_get(&m->par, i));
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
	appendStringInfo(&buf, ", \"%s\": ", k->ll_key);
	if (m->flags & CM_HAS_LL_BG)
		state_append_float8(&buf, m->ll_bgnbd);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"ll_gg\": ");
	if (m->flags & CM_HAS_LL_GG)
		state_append_float8(&buf, m->ll_gg);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"spend_excluded\": ");
	if (m->flags & CM_HAS_SPEND_EXCLUDED)
		appendStringInfo(&buf, INT64_FORMAT, m->spend_excluded);
	else
		appendStringInfoString(&buf, "null");
	if (m->flags2 & (CM2_HAS_SE | CM2_HAS_SE_GG))
	{
		appendStringInfoString(&buf, ", \"se\": {");
		for (i = 0; i < CM_NPARAMS; i++)
		{
			appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "", cm_name(k, i));
			if (m->flags2 & (i < 4 ? CM2_HAS_SE : CM2_HAS_SE_GG))
				state_append_float8(&buf, m->se[i]);
			else
				appendStringInfoString(&buf, "null");
		}
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* A JSON number as a finite double (22P02 and the like otherwise). */
static double
cm_number(JsonbValue *v, const char *key, const char *T, const char *str, int code)
{
	double		num;

	if (v->type != jbvNumeric)
		state_bad_long_text(T, str, code, psprintf("\"%s\" is not a number.", key), STATE_TEXT_HINT);
	/* no error (and no 400-digit message) for a number out of range */
	num = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow,
											 NumericGetDatum(v->val.numeric)));
	if (!isfinite(num))
		state_bad_long_text(T, str, code,
							psprintf("\"%s\" is beyond the range of double precision (about 1.8e308).", key), STATE_TEXT_HINT);
	return num;
}

/* Index of a parameter name of kind k, or -1. */
static int
cm_param_index(const ClvModelKind *k, const char *key)
{
	int			i;

	for (i = 0; i < CM_NPARAMS; i++)
		if (strcmp(key, cm_name(k, i)) == 0)
			return i;
	return -1;
}

/*
 * The "se" object: a standard error (> 0) or null per parameter; the
 * purchase model's four all given or none, Gamma-Gamma's three likewise.
 */
static void
cm_parse_se(ClvModel *m, const ClvModelKind *k, JsonbValue *sev,
			const char *T, const char *str, int code)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			given[2] = {0, 0},
				i;

	if (sev->type == jbvNull)
		return;
	if (sev->type != jbvBinary || !JsonContainerIsObject(sev->val.binary.data))
		state_bad_long_text(T, str, code, "\"se\" is not an object or null.", STATE_TEXT_HINT);
	it = JsonbIteratorInit(sev->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		double		num;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		(void) JsonbIteratorNext(&it, &v, true);
		i = cm_param_index(k, key);
		if (i < 0)
			state_bad_long_text(T, str, code,
								psprintf("\"se\" has \"%s\", not a parameter of a %s model.", key, k->label), STATE_TEXT_HINT);
		if (v.type == jbvNull)
			continue;
		num = cm_number(&v, key, T, str, code);
		if (!(num > 0))
			state_bad_long_text(T, str, code,
								psprintf("The standard error of \"%s\" is not positive.", key), STATE_TEXT_HINT);
		m->se[i] = num;
		given[i >= 4]++;
	}
	if (given[0] == 4)
		m->flags2 |= CM2_HAS_SE;
	else if (given[0] != 0)
		state_bad_long_text(T, str, code, "The standard errors of the purchase model are given all together or not at all.", STATE_TEXT_HINT);
	if (given[1] == 3 && (m->flags & CM_HAS_GG))
		m->flags2 |= CM2_HAS_SE_GG;
	else if (given[1] != 0)
		state_bad_long_text(T, str, code, "The standard errors of p, q and v are given all together, and only with a Gamma-Gamma model.", STATE_TEXT_HINT);
}

static ClvModel *
cm_parse(const char *str, int code)
{
	const char *T = "clv_model";
	ClvModel   *m = clv_model_new();
	const ClvModelKind *k;
	bool		seen[CM_NPARAMS] = {false};
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v,
				sev,
			   *kv;
	JsonbIteratorToken tok;
	bool		have_se = false;
	int			i,
				ngg = 0,
				ngg_null = 0;

	memset(&sev, 0, sizeof(sev));
	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	if (!JB_ROOT_IS_OBJECT(jb))
		state_bad_long_text(T, str, code, "A clv_model is a JSON object.", STATE_TEXT_HINT);
	/* the kind first: it names the parameters (none given: BG/NBD) */
	kv = getKeyJsonValueFromContainer(&jb->root, "model", 5, NULL);
	if (kv != NULL)
	{
		int			id;

		if (kv->type != jbvString)
			state_bad_long_text(T, str, code, "\"model\" is not a string.", STATE_TEXT_HINT);
		id = clv_kind_lookup(kv->val.string.val, kv->val.string.len);
		if (id < 0)
			state_bad_long_text(T, str, code,
								psprintf("\"model\" \"%.*s\" is not one of %s.",
								  Min(kv->val.string.len, 100), kv->val.string.val,
								  clv_kind_names()), STATE_TEXT_HINT);
		m->kind = (uint8) id;
	}
	k = clv_kind(m->kind);

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
		if (strcmp(key, "model") == 0)
			continue;
		if (strcmp(key, "se") == 0)
		{
			sev = v;
			have_se = true;
			continue;
		}
		if (strcmp(key, "converged") == 0)
		{
			if (is_null)
				continue;
			if (v.type != jbvBool)
				state_bad_long_text(T, str, code, "\"converged\" is not true, false or null.", STATE_TEXT_HINT);
			m->flags |= CM_HAS_CONVERGED | (v.val.boolean ? CM_CONVERGED : 0);
			continue;
		}
		if (!is_null)
			num = cm_number(&v, key, T, str, code);
		i = cm_param_index(k, key);
		if (i >= 0)
		{
			seen[i] = true;
			cm_set(&m->par, i, num);
			if (i >= 4)
			{
				ngg++;
				ngg_null += is_null;
			}
			else if (is_null)
				state_bad_long_text(T, str, code, psprintf("%s parameter \"%s\" is null.", k->label, key), STATE_TEXT_HINT);
		}
		else if (strcmp(key, "customers") == 0)
		{
			if (is_null)
				continue;
			if (num < 0 || num != floor(num) || num > 9e18)
				state_bad_long_text(T, str, code, "\"customers\" is not a non-negative integer.", STATE_TEXT_HINT);
			m->customers = (int64) num;
			m->flags |= CM_HAS_CUSTOMERS;
		}
		else if (strcmp(key, "spend_excluded") == 0)
		{
			if (is_null)
				continue;
			if (num < 0 || num != floor(num) || num > 9e18)
				state_bad_long_text(T, str, code, "\"spend_excluded\" is not a non-negative integer.", STATE_TEXT_HINT);
			m->spend_excluded = (int64) num;
			m->flags |= CM_HAS_SPEND_EXCLUDED;
		}
		else if (strcmp(key, k->ll_key) == 0)
		{
			if (is_null)
				continue;
			m->ll_bgnbd = num;
			m->flags |= CM_HAS_LL_BG;
		}
		else if (strcmp(key, "ll_gg") == 0)
		{
			if (is_null)
				continue;
			m->ll_gg = num;
			m->flags |= CM_HAS_LL_GG;
		}
		else
			state_bad_long_text(T, str, code,
								psprintf("\"%s\" is not a key of a %s clv_model; the keys are model, %s, %s, %s, %s, p, q, v, customers, converged, %s, ll_gg, spend_excluded and se.",
								  key, k->label, k->param_names[0], k->param_names[1],
								  k->param_names[2], k->param_names[3], k->ll_key), STATE_TEXT_HINT);
	}
	for (i = 0; i < 4; i++)
		if (!seen[i])
			state_bad_long_text(T, str, code, psprintf("%s parameter \"%s\" is missing.", k->label, k->param_names[i]), STATE_TEXT_HINT);
	if (ngg == 3 && ngg_null == 0)
		m->flags |= CM_HAS_GG;
	else if (ngg_null != ngg)
		state_bad_long_text(T, str, code, "Gamma-Gamma parameters p, q and v are given all together or not at all (or all null).", STATE_TEXT_HINT);
	else
		m->par.p = m->par.q = m->par.v = 0;
	if ((m->flags & CM_HAS_LL_GG) && !(m->flags & CM_HAS_GG))
		state_bad_long_text(T, str, code, "\"ll_gg\" is given without a Gamma-Gamma model.", STATE_TEXT_HINT);
	if ((m->flags & CM_HAS_SPEND_EXCLUDED) && (m->flags & CM_HAS_CUSTOMERS) &&
		m->spend_excluded > m->customers)
		state_bad_long_text(T, str, code, "\"spend_excluded\" is more than \"customers\".", STATE_TEXT_HINT);
	if (have_se)
		cm_parse_se(m, k, &sev, T, str, code);
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
	 * The model's text, "se" (null when unknown: a hand-written model, or a
	 * Hessian that is not positive definite), and "ll": the log-likelihood
	 * of the purchase model, the figure the literature reports.
	 */
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, txt, strlen(txt) - 1);
	if (!(m->flags2 & (CM2_HAS_SE | CM2_HAS_SE_GG)))
		appendStringInfoString(&buf, ", \"se\": null");
	appendStringInfoString(&buf, ", \"ll\": ");
	if (m->flags & CM_HAS_LL_BG)
		state_append_float8(&buf, m->ll_bgnbd);
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
clv_fit_model_kind(int kind, ClvTriple *t, int nt, ClvPair *p, int np)
{
	const ClvModelKind *k = clv_kind(kind);
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
	bg = clv_fit_purchases(k, t, nt);
	m->kind = (uint8) kind;
	clv_params_set(&m->par, bg.param);
	m->customers = n;
	m->flags |= CM_HAS_CUSTOMERS | CM_HAS_CONVERGED;
	converged = bg.converged;
	if (isfinite(bg.ll))
	{
		m->ll_bgnbd = bg.ll;
		m->flags |= CM_HAS_LL_BG;
	}
	if (bg.has_se)
	{
		memcpy(m->se, bg.se, sizeof(double) * 4);
		m->flags2 |= CM2_HAS_SE;
	}

	/*
	 * A repeat customer whose repeat purchases average 0 stays in the
	 * purchase model (above) and is left out of Gamma-Gamma only, whose
	 * likelihood has no value at 0 (log 0): counted, so that
	 * clv_model_params says how many.
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
		if (gg.has_se)
		{
			memcpy(m->se + 4, gg.se, sizeof(double) * 3);
			m->flags2 |= CM2_HAS_SE_GG;
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

/* The kind of a usable model (0A000 if not available) and its parameters. */
static const ClvModelKind *
model_kind(const ClvModel *m, double *theta)
{
	const ClvModelKind *k = clv_kind(m->kind);

	clv_kind_check_available(k);
	clv_theta_of(&m->par, theta);
	return k;
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

	const ClvModelKind *k;
	double		theta[CLV_MAXPARAMS];

	clv_check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	k = model_kind(m, theta);
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_expected_purchases",
										   k->expected_purchases(theta, t, x, tx, T)));
}

PG_FUNCTION_INFO_V1(clv_p_alive);
Datum
clv_p_alive(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		x = PG_GETARG_FLOAT8(1),
				tx = PG_GETARG_FLOAT8(2),
				T = PG_GETARG_FLOAT8(3);

	const ClvModelKind *k;
	double		theta[CLV_MAXPARAMS];

	clv_check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	k = model_kind(m, theta);
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_p_alive", k->p_alive(theta, x, tx, T)));
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
	const ClvModelKind *k;
	double		theta[CLV_MAXPARAMS];

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
	k = model_kind(m, theta);
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_predict",
										   value * clv_kind_discounted_purchases(k, theta, t, x, tx, T, d)));
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
	const ClvModelKind *k;
	double		theta[CLV_MAXPARAMS];

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of purchases n = %d is negative", n),
				 errhint("n is a count of purchases, 0 or more.")));
	if (m == NULL)
		PG_RETURN_NULL();
	k = model_kind(m, theta);
	if (k->purchase_probability == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("clv_purchase_probability is not available for %s models", k->label)));
	PG_RETURN_FLOAT8(clv_finite_prediction("clv_purchase_probability",
										   k->purchase_probability(theta, t, n)));
}
