/*-------------------------------------------------------------------------
 *
 * sbg.c
 *	  Contractual churn with the shifted-beta-geometric model (Fader &
 *	  Hardie 2007, "How to project customer retention"; SPEC section 11).
 *
 *	  sbg_fit_state  a cohort's survivor counts by period (model_counts.c)
 *	  sbg_model      alpha, beta and the fit's statistics; JSON text
 *
 * Each customer churns at the end of a period with probability theta, and
 * theta varies across customers as Beta(alpha, beta).  With n_t customers
 * still active at the start of period t (t = 0 .. T), the customers lost in
 * period t contribute P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)
 * and the n_T still active S(T) = B(alpha, beta + T) / B(alpha, beta) to the
 * likelihood, computed here by the recursions S(t) = S(t - 1) (beta + t - 1)
 * / (alpha + beta + t - 1) and P(t) = S(t - 1) alpha / (alpha + beta + t - 1).
 *
 * Rows with the same period add up, so a cohort can also be fed one row
 * per customer and period active (customers = 1).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "model_optimise.h"

/* ---------- sbg_fit_state ---------- */

static const char *const sbg_part_names[] = {"period"};

static const char *
sbg_check_key(const int64 *parts)
{
	return NULL;
}

static const ModelCountsDesc sbg_counts_desc = {
	"sbg_fit_state", 1, sbg_part_names, sbg_check_key
};

MODEL_COUNTS_FUNCTIONS(sbg_fit_state, sbg_counts_desc)

/* Add (sign 1) or remove (-1) a row (period, customers). */
static Datum
sbg_fit_step(FunctionCallInfo fcinfo, int sign)
{
	int32		period;
	int64		customers;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	period = PG_GETARG_INT32(1);
	customers = PG_GETARG_INT64(2);
	if (period < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_fit period %d is negative", period),
				 errhint("Periods count from 0, the cohort's start.")));
	if (period > MODEL_KEY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sbg_fit period %d is out of range", period),
				 errhint("Periods are 0 to %d.", MODEL_KEY_MAX)));
	if (customers < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_fit customers " INT64_FORMAT " is negative", customers),
				 errhint("customers is the number still active at the start of the period, 0 or more.")));
	{
		int64		parts[1] = {period};

		PG_RETURN_POINTER(model_counts_step(fcinfo, &sbg_counts_desc, parts, customers, sign));
	}
}

PG_FUNCTION_INFO_V1(sbg_fit_sfunc);
Datum
sbg_fit_sfunc(PG_FUNCTION_ARGS)
{
	return sbg_fit_step(fcinfo, 1);
}

PG_FUNCTION_INFO_V1(sbg_fit_inv);
Datum
sbg_fit_inv(PG_FUNCTION_ARGS)
{
	return sbg_fit_step(fcinfo, -1);
}

/* ---------- sbg_model ---------- */

#define SBG_MODEL_VERSION	1
#define SM_HAS_LL			0x01
#define SM_HAS_SE			0x02
#define SM_HAS_CUSTOMERS	0x04	/* customers and periods */
#define SM_HAS_CONVERGED	0x08
#define SM_CONVERGED		0x10
#define SM_KNOWN_FLAGS		0x1F

typedef struct SbgModel
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;
	uint16		reserved;		/* zero */
	int32		periods;		/* T: the last period fitted */
	double		alpha;
	double		beta;
	double		ll;
	double		se_alpha;
	double		se_beta;
	int64		customers;		/* n_0 */
} SbgModel;

static SbgModel *
sbg_model_new(void)
{
	SbgModel   *m = palloc0(sizeof(SbgModel));

	SET_VARSIZE(m, sizeof(SbgModel));
	m->version = SBG_MODEL_VERSION;
	return m;
}

static SbgModel *
sbg_model_arg(FunctionCallInfo fcinfo, int argno)
{
	SbgModel   *m = (SbgModel *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(m) != sizeof(SbgModel) || m->version != SBG_MODEL_VERSION ||
		(m->flags & ~SM_KNOWN_FLAGS) || !(m->alpha > 0) || !(m->beta > 0) ||
		!isfinite(m->alpha) || !isfinite(m->beta))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid sbg_model value")));
	return m;
}

static void pg_attribute_noreturn()
sbg_bad_text(const char *str, int code, const char *detail)
{
	state_bad_long_text("sbg_model", str, code, detail,
						"An sbg_model is a JSON object such as {\"alpha\": 0.704, \"beta\": 1.182}.");
}

/* The number of a JSON value (false when it is null); 22P02 otherwise. */
static bool
json_number(JsonbValue *v, const char *str, int code, const char *key, double *out)
{
	int			kind = model_json_number(v, out);

	if (kind < 0)
		sbg_bad_text(str, code, psprintf("\"%s\" is not a number.", key));
	return kind > 0;
}

/* A positive finite parameter (22023 naming the value). */
static void
check_param(const char *str, int code, const char *name, double value)
{
	if (!isfinite(value) || !(value > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_model parameter %s = %g is not positive", name, value),
				 errhint("alpha and beta are finite numbers greater than 0.")));
}

static SbgModel *
sbg_model_parse(const char *str, int code)
{
	SbgModel   *m = sbg_model_new();
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		seen_alpha = false,
				seen_beta = false,
				seen_periods = false;

	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	if (!JB_ROOT_IS_OBJECT(jb))
		sbg_bad_text(str, code, "An sbg_model is a JSON object.");
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
			if (v.type != jbvString || v.val.string.len != 3 ||
				strncmp(v.val.string.val, "sbg", 3) != 0)
				sbg_bad_text(str, code, "\"model\" is \"sbg\" when given.");
		}
		else if (strcmp(key, "alpha") == 0 || strcmp(key, "beta") == 0)
		{
			if (!json_number(&v, str, code, key, &num))
				sbg_bad_text(str, code, psprintf("\"%s\" is null.", key));
			check_param(str, code, key, num);
			if (key[0] == 'a')
				m->alpha = num, seen_alpha = true;
			else
				m->beta = num, seen_beta = true;
		}
		else if (strcmp(key, "ll") == 0)
		{
			if (!json_number(&v, str, code, key, &num))
				continue;
			if (!isfinite(num) || num > 0)
				sbg_bad_text(str, code, "\"ll\" is a log-likelihood: finite, 0 or less.");
			m->ll = num;
			m->flags |= SM_HAS_LL;
		}
		else if (strcmp(key, "se") == 0)
		{
			JsonbValue *a,
					   *b;

			if (v.type == jbvNull)
				continue;
			if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data) ||
				JsonContainerSize(v.val.binary.data) != 2 ||
				(a = getKeyJsonValueFromContainer(v.val.binary.data, "alpha", 5, NULL)) == NULL ||
				!json_number(a, str, code, "se.alpha", &m->se_alpha) ||
				(b = getKeyJsonValueFromContainer(v.val.binary.data, "beta", 4, NULL)) == NULL ||
				!json_number(b, str, code, "se.beta", &m->se_beta) ||
				!(m->se_alpha > 0) || !(m->se_beta > 0) ||
				!isfinite(m->se_alpha) || !isfinite(m->se_beta))
				sbg_bad_text(str, code, "\"se\" is null or {\"alpha\": ..., \"beta\": ...} with positive standard errors.");
			m->flags |= SM_HAS_SE;
		}
		else if (strcmp(key, "converged") == 0)
		{
			if (v.type == jbvNull)
				continue;
			if (v.type != jbvBool)
				sbg_bad_text(str, code, "\"converged\" is true, false or null.");
			m->flags |= SM_HAS_CONVERGED | (v.val.boolean ? SM_CONVERGED : 0);
		}
		else if (strcmp(key, "customers") == 0 || strcmp(key, "periods") == 0)
		{
			if (!json_number(&v, str, code, key, &num))
				continue;
			if (key[0] == 'c')
			{
				if (!(num >= 0 && num <= 9.3e18 && num == floor(num)))
					sbg_bad_text(str, code, "\"customers\" is a non-negative integer.");
				/* exactly, from the numeric (a double cannot hold every int8) */
				m->customers = DatumGetInt64(DirectFunctionCall1(numeric_int8,
																 NumericGetDatum(v.val.numeric)));
				m->flags |= SM_HAS_CUSTOMERS;
			}
			else
			{
				if (!(num >= 1 && num <= MODEL_KEY_MAX && num == floor(num)))
					sbg_bad_text(str, code, psprintf("\"periods\" is an integer from 1 to %d.", MODEL_KEY_MAX));
				m->periods = (int32) num;
				seen_periods = true;
			}
		}
		else
			sbg_bad_text(str, code, psprintf("\"%s\" is not an sbg_model key; the keys are model, alpha, beta, ll, se, converged, customers and periods.", key));
	}
	if (!seen_alpha || !seen_beta)
		sbg_bad_text(str, code, "\"alpha\" and \"beta\" are required.");
	if (seen_periods != ((m->flags & SM_HAS_CUSTOMERS) != 0))
		sbg_bad_text(str, code, "\"customers\" and \"periods\" are given together or not at all.");
	return m;
}

static char *
sbg_model_format(const SbgModel *m)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"model\": \"sbg\", \"alpha\": ");
	state_append_float8(&buf, m->alpha);
	appendStringInfoString(&buf, ", \"beta\": ");
	state_append_float8(&buf, m->beta);
	appendStringInfoString(&buf, ", \"ll\": ");
	if (m->flags & SM_HAS_LL)
		state_append_float8(&buf, m->ll);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"se\": ");
	if (m->flags & SM_HAS_SE)
	{
		appendStringInfoString(&buf, "{\"alpha\": ");
		state_append_float8(&buf, m->se_alpha);
		appendStringInfoString(&buf, ", \"beta\": ");
		state_append_float8(&buf, m->se_beta);
		appendStringInfoChar(&buf, '}');
	}
	else
		appendStringInfoString(&buf, "null");
	appendStringInfo(&buf, ", \"converged\": %s",
					 !(m->flags & SM_HAS_CONVERGED) ? "null" :
					 (m->flags & SM_CONVERGED) ? "true" : "false");
	if (m->flags & SM_HAS_CUSTOMERS)
		appendStringInfo(&buf, ", \"customers\": " INT64_FORMAT ", \"periods\": %d",
						 m->customers, m->periods);
	else
		appendStringInfoString(&buf, ", \"customers\": null, \"periods\": null");
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

MODEL_TEXT_FUNCTIONS(sbg_model, sbg_model_parse, sbg_model_arg, sbg_model_format)

/* ---------- the fit ---------- */

typedef struct SbgData
{
	int			periods;		/* T */
	const int64 *survivors;		/* n_0 .. n_T */
} SbgData;

static double
sbg_log_likelihood(const double *param, void *arg)
{
	const SbgData *d = (const SbgData *) arg;
	double		alpha = param[0],
				beta = param[1],
				log_s = 0,		/* log S(t - 1) */
				ll = 0;
	int			t;

	for (t = 1; t <= d->periods; t++)
	{
		int64		lost = d->survivors[t - 1] - d->survivors[t];

		if (lost > 0)
			ll += (double) lost * (log_s + log(alpha / (alpha + beta + t - 1)));
		log_s += log((beta + t - 1) / (alpha + beta + t - 1));
	}
	if (d->survivors[d->periods] > 0)
		ll += (double) d->survivors[d->periods] * log_s;
	return ll;
}

PG_FUNCTION_INFO_V1(sbg_fit_final);
Datum
sbg_fit_final(PG_FUNCTION_ARGS)
{
	ModelCounts *s = model_counts_arg(fcinfo, 0, &sbg_counts_desc);
	int64	   *survivors;
	SbgData		data;
	ModelFit	fit;
	SbgModel   *m;
	static const double start[2] = {1, 1};
	int			t;

	if (s->nentries == 0)
		PG_RETURN_NULL();
	survivors = palloc(sizeof(int64) * s->nentries);
	for (t = 0; t < s->nentries; t++)
	{
		if (s->e[t].key != t)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("sbg_fit has no row for period %d", t),
					 errdetail("The periods given run from " INT64_FORMAT " to " INT64_FORMAT " with gaps.",
							   s->e[0].key, s->e[s->nentries - 1].key),
					 errhint("Give the customers still active at the start of every period from 0 to the last.")));
		survivors[t] = s->e[t].customers;
		if (t > 0 && survivors[t] > survivors[t - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("sbg_fit customers rise from " INT64_FORMAT " in period %d to " INT64_FORMAT " in period %d",
							survivors[t - 1], t - 1, survivors[t], t),
					 errhint("The customers still active can only stay the same or fall: one cohort, counted at the start of each period.")));
	}
	if (survivors[0] == 0)
		PG_RETURN_NULL();
	if (s->nentries < 3)
	{
		ereport(WARNING,
				(errmsg("sbg_fit needs at least periods 0, 1 and 2; returning NULL"),
				 errdetail("With periods 0 to %d only, alpha and beta cannot be told apart.",
						   s->nentries - 1)));
		PG_RETURN_NULL();
	}
	data.periods = s->nentries - 1;
	data.survivors = survivors;
	model_fit_ml(2, sbg_log_likelihood, &data, start, &fit);
	/* a flat direction (no positive definite information) is no maximum either */
	if (!fit.converged || !fit.has_se)
	{
		ereport(WARNING,
				(errmsg("sbg_fit did not converge; returning NULL"),
				 errdetail("The likelihood has no maximum at finite alpha and beta (last values alpha = %g, beta = %g).",
						   fit.param[0], fit.param[1]),
				 errhint("The sBG model needs some churn and some customers who stay: a cohort that loses nobody, or everybody at once, has no fit.")));
		PG_RETURN_NULL();
	}
	m = sbg_model_new();
	m->alpha = fit.param[0];
	m->beta = fit.param[1];
	m->ll = fit.ll;
	m->customers = survivors[0];
	m->periods = data.periods;
	m->flags = SM_HAS_LL | SM_HAS_CUSTOMERS | SM_HAS_CONVERGED | SM_CONVERGED;
	m->se_alpha = fit.se[0];
	m->se_beta = fit.se[1];
	m->flags |= SM_HAS_SE;
	PG_RETURN_POINTER(m);
}

/* ---------- predictions ---------- */

PG_FUNCTION_INFO_V1(sbg_survival);
Datum
sbg_survival(PG_FUNCTION_ARGS)
{
	SbgModel   *m = sbg_model_arg(fcinfo, 0);
	int32		t = PG_GETARG_INT32(1);

	if (t < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_survival period %d is negative", t),
				 errhint("t is a period from 0 (the cohort's start, survival 1).")));
	if (!model_may_predict(fcinfo, (m->flags & SM_HAS_CONVERGED) && !(m->flags & SM_CONVERGED), "sbg_model"))
		PG_RETURN_NULL();
	/* for small t the product of the retention rates is more accurate */
	if (t <= 1000)
	{
		double		survival = 1;
		int			j;

		for (j = 1; j <= t; j++)
			survival *= (m->beta + j - 1) / (m->alpha + m->beta + j - 1);
		PG_RETURN_FLOAT8(survival);
	}
	PG_RETURN_FLOAT8(exp(model_lbeta(m->alpha, m->beta + t) - model_lbeta(m->alpha, m->beta)));
}

PG_FUNCTION_INFO_V1(sbg_retention);
Datum
sbg_retention(PG_FUNCTION_ARGS)
{
	SbgModel   *m = sbg_model_arg(fcinfo, 0);
	int32		t = PG_GETARG_INT32(1);

	if (t < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_retention period %d is less than 1", t),
				 errhint("The retention rate of period t is S(t) / S(t - 1), for t from 1.")));
	if (!model_may_predict(fcinfo, (m->flags & SM_HAS_CONVERGED) && !(m->flags & SM_CONVERGED), "sbg_model"))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((m->beta + t - 1) / (m->alpha + m->beta + t - 1));
}

PG_FUNCTION_INFO_V1(sbg_derl);
Datum
sbg_derl(PG_FUNCTION_ARGS)
{
	SbgModel   *m = sbg_model_arg(fcinfo, 0);
	double		discount = PG_GETARG_FLOAT8(1);
	int32		renewals = PG_GETARG_INT32(2);
	double		b = m->beta + renewals;

	if (!(discount == 0 || (discount >= MODEL_MIN_DISCOUNT && isfinite(discount))))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_derl discount rate %g is out of range", discount),
				 errhint("The discount rate per period is 0 or a finite number from %g, e.g. 0.1 for 10%%.",
						 MODEL_MIN_DISCOUNT)));
	if (renewals < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sbg_derl renewals %d is negative", renewals),
				 errhint("renewals is the number of times the customer has renewed, 0 or more.")));
	if (!model_may_predict(fcinfo, (m->flags & SM_HAS_CONVERGED) && !(m->flags & SM_CONVERGED), "sbg_model"))
		PG_RETURN_NULL();
	if (discount == 0)
	{
		/* sum of S(n + k) / S(n): finite only when alpha > 1 */
		if (m->alpha <= 1)
			PG_RETURN_NULL();
		PG_RETURN_FLOAT8(b / (m->alpha - 1));
	}
	PG_RETURN_FLOAT8(b / (m->alpha + b) *
					 model_hyp2f1_one(b + 1, m->alpha + b + 1, 1 / (1 + discount)));
}
