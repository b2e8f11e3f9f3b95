/*-------------------------------------------------------------------------
 *
 * bgbb.c
 *	  Discrete opportunities without a contract, with the beta-geometric/
 *	  beta-Bernoulli model (Fader, Hardie & Shang 2010, "Customer-base
 *	  analysis in a discrete-time noncontractual setting"; SPEC section 11).
 *
 *	  bgbb_fit_state  customers by pattern (frequency, recency, periods)
 *	                  (model_counts.c)
 *	  bgbb_model      alpha, beta, gamma, delta and the fit's statistics;
 *	                  JSON text
 *
 * While alive, a customer transacts at each opportunity with probability p,
 * p ~ Beta(alpha, beta) across customers; before each opportunity after the
 * first, an alive customer dies with probability theta, theta ~ Beta(gamma,
 * delta).  A customer is summarised by x transactions in n opportunities, the
 * last at opportunity t_x (0 when x = 0).  The likelihood (the paper's
 * equation 5) is
 *
 *	 L = B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
 *	   + sum_{i=0}^{n-t_x-1} B(a + x, b + t_x - x + i) / B(a, b)
 *	                         * B(g + 1, d + t_x + i) / B(g, d)
 *
 * computed in logarithms, the terms of the sum by their ratios.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "common/int.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "model_optimise.h"

/* Opportunities per customer: the likelihood costs O(n - t_x) per pattern. */
#define BGBB_MAX_PERIODS	10000

/* ---------- patterns ---------- */

/* NULL when (x, t_x, n) is a possible pattern, else why not. */
static const char *
bgbb_pattern_problem(int64 x, int64 tx, int64 n)
{
	if (x < 0 || tx < 0 || n < 0)
		return "frequency, recency and periods are 0 or more";
	if (n > BGBB_MAX_PERIODS)
		return psprintf("periods is at most %d", BGBB_MAX_PERIODS);
	if (tx > n)
		return "recency (the opportunity of the last transaction) is at most periods";
	if (x > tx)
		return "frequency (transactions) is at most recency: one transaction per opportunity";
	if (x == 0 && tx != 0)
		return "recency is 0 when frequency is 0";
	return NULL;
}

static const char *const bgbb_part_names[] = {"frequency", "recency", "periods"};

static const char *
bgbb_check_key(const int64 *parts)
{
	const char *why = bgbb_pattern_problem(parts[0], parts[1], parts[2]);

	return why ? psprintf("In pattern %lld,%lld,%lld: %s.", (long long) parts[0],
						  (long long) parts[1], (long long) parts[2], why) : NULL;
}

static const ModelCountsDesc bgbb_counts_desc = {
	"bgbb_fit_state", 3, bgbb_part_names, bgbb_check_key
};

MODEL_COUNTS_FUNCTIONS(bgbb_fit_state, bgbb_counts_desc)

/* Check a pattern given to a function (22023, or 22003 for too many periods). */
static void
check_pattern(const char *fn, int32 x, int32 tx, int32 n)
{
	const char *why = bgbb_pattern_problem(x, tx, n);

	if (why)
		ereport(ERROR,
				(errcode(n > BGBB_MAX_PERIODS ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
						 : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s pattern frequency %d, recency %d, periods %d is not possible", fn, x, tx, n),
				 errhint("In BG/BB, %s.", why)));
}

static Datum
bgbb_fit_step(FunctionCallInfo fcinfo, int sign)
{
	int64		parts[3];
	int64		customers;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	check_pattern("bgbb_fit", PG_GETARG_INT32(1), PG_GETARG_INT32(2), PG_GETARG_INT32(3));
	customers = PG_GETARG_INT64(4);
	if (customers < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bgbb_fit customers " INT64_FORMAT " is negative", customers),
				 errhint("customers is the number of customers with the pattern (1 for a row per customer), 0 or more.")));
	parts[0] = PG_GETARG_INT32(1);
	parts[1] = PG_GETARG_INT32(2);
	parts[2] = PG_GETARG_INT32(3);
	PG_RETURN_POINTER(model_counts_step(fcinfo, &bgbb_counts_desc, parts, customers, sign));
}

PG_FUNCTION_INFO_V1(bgbb_fit_sfunc);
Datum
bgbb_fit_sfunc(PG_FUNCTION_ARGS)
{
	return bgbb_fit_step(fcinfo, 1);
}

PG_FUNCTION_INFO_V1(bgbb_fit_inv);
Datum
bgbb_fit_inv(PG_FUNCTION_ARGS)
{
	return bgbb_fit_step(fcinfo, -1);
}

/* ---------- bgbb_model ---------- */

#define BGBB_MODEL_VERSION	1
#define BM_HAS_LL			0x01
#define BM_HAS_SE			0x02
#define BM_HAS_CUSTOMERS	0x04
#define BM_HAS_CONVERGED	0x08
#define BM_CONVERGED		0x10
#define BM_KNOWN_FLAGS		0x1F
#define BGBB_NPARAMS		4

static const char *const bgbb_param_names[BGBB_NPARAMS] = {"alpha", "beta", "gamma", "delta"};

typedef struct BgbbModel
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;
	uint16		reserved;		/* zero */
	int32		reserved2;		/* zero */
	double		param[BGBB_NPARAMS];	/* alpha, beta, gamma, delta */
	double		se[BGBB_NPARAMS];
	double		ll;
	int64		customers;
} BgbbModel;

static BgbbModel *
bgbb_model_new(void)
{
	BgbbModel  *m = palloc0(sizeof(BgbbModel));

	SET_VARSIZE(m, sizeof(BgbbModel));
	m->version = BGBB_MODEL_VERSION;
	return m;
}

static BgbbModel *
bgbb_model_arg(FunctionCallInfo fcinfo, int argno)
{
	BgbbModel  *m = (BgbbModel *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	int			i;

	if (VARSIZE(m) != sizeof(BgbbModel) || m->version != BGBB_MODEL_VERSION ||
		(m->flags & ~BM_KNOWN_FLAGS))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid bgbb_model value")));
	for (i = 0; i < BGBB_NPARAMS; i++)
		if (!(m->param[i] > 0) || !isfinite(m->param[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid bgbb_model value")));
	return m;
}

static void pg_attribute_noreturn()
bgbb_bad_text(const char *str, int code, const char *detail)
{
	state_bad_long_text("bgbb_model", str, code, detail,
						"A bgbb_model is a JSON object such as {\"alpha\": 1.204, \"beta\": 0.750, \"gamma\": 0.657, \"delta\": 2.783}.");
}

/* The number of a JSON value (false when it is null); 22P02 otherwise. */
static bool
json_number(JsonbValue *v, const char *str, int code, const char *key, double *out)
{
	int			kind = model_json_number(v, out);

	if (kind < 0)
		bgbb_bad_text(str, code, psprintf("\"%s\" is not a number.", key));
	return kind > 0;
}

static int
param_index(const char *key)
{
	int			i;

	for (i = 0; i < BGBB_NPARAMS; i++)
		if (strcmp(key, bgbb_param_names[i]) == 0)
			return i;
	return -1;
}

static BgbbModel *
bgbb_model_parse(const char *str, int code)
{
	BgbbModel  *m = bgbb_model_new();
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		seen[BGBB_NPARAMS] = {false};
	int			i;

	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	if (!JB_ROOT_IS_OBJECT(jb))
		bgbb_bad_text(str, code, "A bgbb_model is a JSON object.");
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		double		num = 0;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		(void) JsonbIteratorNext(&it, &v, true);
		if (strcmp(key, "model") == 0)
		{
			if (v.type != jbvString || v.val.string.len != 4 ||
				strncmp(v.val.string.val, "bgbb", 4) != 0)
				bgbb_bad_text(str, code, "\"model\" is \"bgbb\" when given.");
		}
		else if ((i = param_index(key)) >= 0)
		{
			if (!json_number(&v, str, code, key, &num))
				bgbb_bad_text(str, code, psprintf("\"%s\" is null.", key));
			if (!isfinite(num) || !(num > 0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("bgbb_model parameter %s = %g is not positive", key, num),
						 errhint("alpha, beta, gamma and delta are finite numbers greater than 0.")));
			m->param[i] = num;
			seen[i] = true;
		}
		else if (strcmp(key, "ll") == 0)
		{
			if (!json_number(&v, str, code, key, &num))
				continue;
			if (!isfinite(num) || num > 0)
				bgbb_bad_text(str, code, "\"ll\" is a log-likelihood: finite, 0 or less.");
			m->ll = num;
			m->flags |= BM_HAS_LL;
		}
		else if (strcmp(key, "se") == 0)
		{
			if (v.type == jbvNull)
				continue;
			if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data) ||
				JsonContainerSize(v.val.binary.data) != BGBB_NPARAMS)
				bgbb_bad_text(str, code, "\"se\" is null or an object of the four parameters' positive standard errors.");
			for (i = 0; i < BGBB_NPARAMS; i++)
			{
				JsonbValue *e = getKeyJsonValueFromContainer(v.val.binary.data, bgbb_param_names[i],
															 strlen(bgbb_param_names[i]), NULL);

				if (e == NULL || !json_number(e, str, code, "se", &m->se[i]) ||
					!(m->se[i] > 0) || !isfinite(m->se[i]))
					bgbb_bad_text(str, code, "\"se\" is null or an object of the four parameters' positive standard errors.");
			}
			m->flags |= BM_HAS_SE;
		}
		else if (strcmp(key, "converged") == 0)
		{
			if (v.type == jbvNull)
				continue;
			if (v.type != jbvBool)
				bgbb_bad_text(str, code, "\"converged\" is true, false or null.");
			m->flags |= BM_HAS_CONVERGED | (v.val.boolean ? BM_CONVERGED : 0);
		}
		else if (strcmp(key, "customers") == 0)
		{
			if (!json_number(&v, str, code, key, &num))
				continue;
			if (!(num >= 0 && num <= 9.3e18 && num == floor(num)))
				bgbb_bad_text(str, code, "\"customers\" is a non-negative integer.");
			/* exactly, from the numeric (a double cannot hold every int8) */
			m->customers = DatumGetInt64(DirectFunctionCall1(numeric_int8,
															 NumericGetDatum(v.val.numeric)));
			m->flags |= BM_HAS_CUSTOMERS;
		}
		else
			bgbb_bad_text(str, code, psprintf("\"%s\" is not a bgbb_model key; the keys are model, alpha, beta, gamma, delta, ll, se, converged and customers.", key));
	}
	for (i = 0; i < BGBB_NPARAMS; i++)
		if (!seen[i])
			bgbb_bad_text(str, code, psprintf("\"%s\" is required.", bgbb_param_names[i]));
	return m;
}

static char *
bgbb_model_format(const BgbbModel *m)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"model\": \"bgbb\"");
	for (i = 0; i < BGBB_NPARAMS; i++)
	{
		appendStringInfo(&buf, ", \"%s\": ", bgbb_param_names[i]);
		state_append_float8(&buf, m->param[i]);
	}
	appendStringInfoString(&buf, ", \"ll\": ");
	if (m->flags & BM_HAS_LL)
		state_append_float8(&buf, m->ll);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"se\": ");
	if (m->flags & BM_HAS_SE)
	{
		for (i = 0; i < BGBB_NPARAMS; i++)
		{
			appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "{", bgbb_param_names[i]);
			state_append_float8(&buf, m->se[i]);
		}
		appendStringInfoChar(&buf, '}');
	}
	else
		appendStringInfoString(&buf, "null");
	appendStringInfo(&buf, ", \"converged\": %s",
					 !(m->flags & BM_HAS_CONVERGED) ? "null" :
					 (m->flags & BM_CONVERGED) ? "true" : "false");
	if (m->flags & BM_HAS_CUSTOMERS)
		appendStringInfo(&buf, ", \"customers\": " INT64_FORMAT "}", m->customers);
	else
		appendStringInfoString(&buf, ", \"customers\": null}");
	return buf.data;
}

MODEL_TEXT_FUNCTIONS(bgbb_model, bgbb_model_parse, bgbb_model_arg, bgbb_model_format)

/* ---------- the likelihood ---------- */

/* log(exp(a) + exp(b)) without overflow */
static inline double
log_add(double a, double b)
{
	if (a < b)
	{
		double		t = a;

		a = b;
		b = t;
	}
	if (b == -INFINITY)
		return a;
	return a + log1p(exp(b - a));
}

/* log L(alpha, beta, gamma, delta | x, t_x, n), the paper's equation (5) */
static double
bgbb_log_lik(const double *p, int64 x, int64 tx, int64 n)
{
	double		a = p[0],
				b = p[1],
				g = p[2],
				d = p[3];
	double		lbab = model_lbeta(a, b),
				lbgd = model_lbeta(g, d);
	double		alive = model_lbeta(a + x, b + n - x) - lbab + model_lbeta(g, d + n) - lbgd;
	double		first,
				sum = 0,
				term = 1;
	int64		i;

	if (n - tx - 1 < 0)
		return alive;
	first = model_lbeta(a + x, b + tx - x) - lbab + model_lbeta(g + 1, d + tx) - lbgd;
	for (i = 0; i <= n - tx - 1; i++)
	{
		sum += term;
		term *= (b + tx - x + i) / (a + b + tx + i) * (d + tx + i) / (g + 1 + d + tx + i);
	}
	return log_add(alive, first + log(sum));
}

typedef struct BgbbData
{
	const ModelCounts *counts;
} BgbbData;

static double
bgbb_log_likelihood(const double *param, void *arg)
{
	const ModelCounts *s = ((const BgbbData *) arg)->counts;
	double		ll = 0;
	int			i;

	for (i = 0; i < s->nentries; i++)
	{
		int64		parts[3];

		if (s->e[i].customers == 0)
			continue;
		model_key_unpack(&bgbb_counts_desc, s->e[i].key, parts);
		ll += (double) s->e[i].customers * bgbb_log_lik(param, parts[0], parts[1], parts[2]);
	}
	return ll;
}

PG_FUNCTION_INFO_V1(bgbb_fit_final);
Datum
bgbb_fit_final(PG_FUNCTION_ARGS)
{
	ModelCounts *s = model_counts_arg(fcinfo, 0, &bgbb_counts_desc);
	static const double start[BGBB_NPARAMS] = {1, 1, 1, 1};
	BgbbData	data = {s};
	ModelFit	fit;
	BgbbModel  *m;
	int64		customers = 0;
	int			i;

	for (i = 0; i < s->nentries; i++)
		if (pg_add_s64_overflow(customers, s->e[i].customers, &customers))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("bgbb_fit customer count out of range")));
	if (customers == 0)
		PG_RETURN_NULL();
	model_fit_ml(BGBB_NPARAMS, bgbb_log_likelihood, &data, start, &fit);
	/* a flat direction (no positive definite information) is no maximum either */
	if (!fit.converged || !fit.has_se)
	{
		ereport(WARNING,
				(errmsg("bgbb_fit did not converge; returning NULL"),
				 errdetail("The likelihood has no maximum at finite parameters (last values alpha = %g, beta = %g, gamma = %g, delta = %g).",
						   fit.param[0], fit.param[1], fit.param[2], fit.param[3]),
				 errhint("BG/BB needs customers with different patterns over two or more opportunities: some who transact again, some who stop.")));
		PG_RETURN_NULL();
	}
	m = bgbb_model_new();
	for (i = 0; i < BGBB_NPARAMS; i++)
	{
		m->param[i] = fit.param[i];
		m->se[i] = fit.se[i];
	}
	m->ll = fit.ll;
	m->customers = customers;
	m->flags = BM_HAS_LL | BM_HAS_SE | BM_HAS_CUSTOMERS | BM_HAS_CONVERGED | BM_CONVERGED;
	PG_RETURN_POINTER(m);
}

/* ---------- per customer ---------- */

PG_FUNCTION_INFO_V1(bgbb_p_alive);
Datum
bgbb_p_alive(PG_FUNCTION_ARGS)
{
	BgbbModel  *m = bgbb_model_arg(fcinfo, 0);
	int32		x = PG_GETARG_INT32(1),
				tx = PG_GETARG_INT32(2),
				n = PG_GETARG_INT32(3);
	const double *p = m->param;

	check_pattern("bgbb_p_alive", x, tx, n);
	if (!model_may_predict(fcinfo, (m->flags & BM_HAS_CONVERGED) && !(m->flags & BM_CONVERGED), "bgbb_model"))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(exp(model_lbeta(p[0] + x, p[1] + n - x) - model_lbeta(p[0], p[1]) +
						 model_lbeta(p[2], p[3] + n + 1) - model_lbeta(p[2], p[3]) -
						 bgbb_log_lik(p, x, tx, n)));
}

PG_FUNCTION_INFO_V1(bgbb_expected_purchases);
Datum
bgbb_expected_purchases(PG_FUNCTION_ARGS)
{
	BgbbModel  *m = bgbb_model_arg(fcinfo, 0);
	int32		t = PG_GETARG_INT32(1),
				x = PG_GETARG_INT32(2),
				tx = PG_GETARG_INT32(3),
				n = PG_GETARG_INT32(4);
	const double *p = m->param;
	double		g = p[2],
				d = p[3],
				scale,
				sum = 0;

	check_pattern("bgbb_expected_purchases", x, tx, n);
	if (t < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bgbb_expected_purchases opportunities %d is negative", t),
				 errhint("t is the number of future opportunities, 0 or more.")));
	if (!model_may_predict(fcinfo, (m->flags & BM_HAS_CONVERGED) && !(m->flags & BM_CONVERGED), "bgbb_model"))
		PG_RETURN_NULL();
	/* P(transact | alive) under the posterior, times P(alive at n + 1) */
	scale = exp(model_lbeta(p[0] + x + 1, p[1] + n - x) - model_lbeta(p[0], p[1]) +
				model_lbeta(g, d + n + 1) - model_lbeta(g, d) - bgbb_log_lik(p, x, tx, n));
	if (t > 100000 && fabs(g - 1) > 1e-6)
	{
		/*
		 * The paper's closed form (equation 13), divided by the scale's
		 * B(g, d + n + 1) / B(g, d): sum_{k=1}^{t} B(g, d + n + k) / B(g, d +
		 * n + 1) = (d + n) / (g - 1) * [1 - Gamma(g + d + n) Gamma(1 + d + n +
		 * t) / (Gamma(1 + d + n) Gamma(g + d + n + t))] * (g + d + n) / (d +
		 * n), i.e. (g + d + n) / (g - 1) * [1 - exp(...)].
		 */
		double		ratio = exp(lgamma(g + d + n) - lgamma(1 + d + n) +
								lgamma(1 + d + n + t) - lgamma(g + d + n + t));

		sum = (g + d + n) / (g - 1) * (1 - ratio);
	}
	else
	{
		double		term = 1;	/* B(g, d + n + k) / B(g, d + n + 1) */
		int32		k;

		for (k = 1; k <= t; k++)
		{
			sum += term;
			term *= (d + n + k) / (g + d + n + k);
			if ((k & 0xFFFFF) == 0)
				CHECK_FOR_INTERRUPTS();
		}
	}
	PG_RETURN_FLOAT8(scale * sum);
}

PG_FUNCTION_INFO_V1(bgbb_dert);
Datum
bgbb_dert(PG_FUNCTION_ARGS)
{
	BgbbModel  *m = bgbb_model_arg(fcinfo, 0);
	double		discount = PG_GETARG_FLOAT8(1);
	int32		x = PG_GETARG_INT32(2),
				tx = PG_GETARG_INT32(3),
				n = PG_GETARG_INT32(4);
	const double *p = m->param;
	double		g = p[2],
				d = p[3],
				scale;

	check_pattern("bgbb_dert", x, tx, n);
	if (!(discount == 0 || (discount >= MODEL_MIN_DISCOUNT && isfinite(discount))))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bgbb_dert discount rate %g is out of range", discount),
				 errhint("The discount rate per opportunity is 0 or a finite number from %g, e.g. 0.1 for 10%%.",
						 MODEL_MIN_DISCOUNT)));
	if (!model_may_predict(fcinfo, (m->flags & BM_HAS_CONVERGED) && !(m->flags & BM_CONVERGED), "bgbb_model"))
		PG_RETURN_NULL();
	scale = exp(model_lbeta(p[0] + x + 1, p[1] + n - x) - model_lbeta(p[0], p[1]) +
				model_lbeta(g, d + n + 1) - model_lbeta(g, d) - bgbb_log_lik(p, x, tx, n));
	if (discount == 0)
	{
		/* 2F1(1, d + n + 1; g + d + n + 1; 1): finite only when g > 1 */
		if (g <= 1)
			PG_RETURN_NULL();
		PG_RETURN_FLOAT8(scale * (g + d + n) / (g - 1));
	}
	PG_RETURN_FLOAT8(scale / (1 + discount) *
					 model_hyp2f1_one(d + n + 1, g + d + n + 1, 1 / (1 + discount)));
}
