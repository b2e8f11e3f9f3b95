/*-------------------------------------------------------------------------
 *
 * clv_kind.c
 *	  The table of purchase-count models (clv_kind.h), the fit of any of
 *	  them, their standard errors, and the discounted expectation every
 *	  kind shares.
 *
 * The standard errors are the square roots of the diagonal of the inverse
 * of the observed information: the Hessian of the negative log-likelihood
 * at the optimum, in the natural parameters (as lifetimes and CLVTools
 * report them), by central differences of the analytic gradient.  Where
 * that Hessian is not positive definite the optimum is not a proper
 * maximum (a flat direction, a parameter at a boundary) and there are no
 * standard errors: NULL, not a number that looks fine.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "clv.h"
#include "clv_kind.h"

/* By id: the order of ClvKindId. */
static const ClvModelKind *const kinds[CLV_NKINDS] = {
	&clv_kind_bgnbd,
	&clv_kind_mbgnbd,
	&clv_kind_pareto_nbd
};

const ClvModelKind *
clv_kind(int id)
{
	if (id < 0 || id >= CLV_NKINDS)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv model kind %d", id)));
	return kinds[id];
}

int
clv_kind_lookup(const char *name, int len)
{
	int			i;

	for (i = 0; i < CLV_NKINDS; i++)
		if ((int) strlen(kinds[i]->name) == len &&
			memcmp(kinds[i]->name, name, len) == 0)
			return i;
	return -1;
}

const char *
clv_kind_names(void)
{
	return "'bgnbd', 'mbgnbd' and 'pareto_nbd'";
}

int
clv_kind_arg(const char *name, int len)
{
	int			id = clv_kind_lookup(name, len);

	if (id < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown clv model \"%.*s\"", Min(len, 100), name),
				 errhint("The models are %s.", clv_kind_names())));
	return id;
}

int
clv_kind_fcinfo_arg(FunctionCallInfo fcinfo, int argno, const char *fname)
{
	text	   *name;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s model must not be null", fname),
				 errhint("The models are %s.", clv_kind_names())));
	name = PG_GETARG_TEXT_PP(argno);
	return clv_kind_arg(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
}

void
clv_kind_check_available(const ClvModelKind *k)
{
	if (k->loglik == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("clv model \"%s\" is not available", k->name)));
}

void
clv_theta_of(const ClvParams *par, double *theta)
{
	theta[0] = par->r;
	theta[1] = par->alpha;
	theta[2] = par->a;
	theta[3] = par->b;
}

void
clv_params_set(ClvParams *par, const double *theta)
{
	par->r = theta[0];
	par->alpha = theta[1];
	par->a = theta[2];
	par->b = theta[3];
}

/* ---------- the fit ---------- */

typedef struct KindData
{
	const ClvModelKind *kind;
	const void *data;
} KindData;

/*
 * The objective of clv_minimise: the negative log-likelihood at
 * log-parameters, its gradient with respect to them
 * (d/d log(theta) = theta d/d theta).
 */
static double
kind_objective(const double *lp, const void *data, double *grad)
{
	const KindData *kd = data;
	int			dim = kd->kind->nparams,
				i;
	double		theta[CLV_MAXPARAMS] = {0},
				g[CLV_MAXPARAMS] = {0},
				f;

	for (i = 0; i < dim; i++)
		theta[i] = exp(lp[i]);
	if (grad == NULL)
		return -kd->kind->loglik(theta, kd->data, NULL);
	f = -kd->kind->loglik(theta, kd->data, g);
	for (i = 0; i < dim; i++)
		grad[i] = -g[i] * theta[i];
	return f;
}

ClvFitResult
clv_fit_purchases(const ClvModelKind *k, const ClvTriple *t, int n)
{
	KindData	kd;
	int			evals = 0,
				i;
	Objective	o = {kind_objective, &kd, n, 0.0, k->nparams, &evals};
	double		x[CLV_MAXPARAMS] = {0};
	ClvFitResult res;

	clv_kind_check_available(k);
	kd.kind = k;
	kd.data = k->prepare(t, n);
	for (i = 0; i < n; i++)
		o.weight += (double) t[i].w;
	k->start(t, n, x);
	for (i = 0; i < k->nparams; i++)
		x[i] = log(x[i]);
	res = clv_minimise(&o, x, k->label);
	res.has_se = isfinite(res.ll) &&
		clv_standard_errors(k->loglik, kd.data, k->nparams, res.param, res.se);

	/*
	 * Pareto/NBD: a flat likelihood (no customer ever repeats: r runs to 0
	 * while the gradient vanishes) can meet the optimiser's gradient test
	 * without a proper maximum.  Where the observed information is not
	 * positive definite the fit is not reported as converged.
	 */
	if (k == &clv_kind_pareto_nbd && !res.has_se)
		res.converged = false;
	return res;
}

/* ---------- standard errors ---------- */

bool
clv_standard_errors(ClvLoglikFn fn, const void *data, int dim,
					const double *theta, double *se)
{
	double		H[CLV_MAXPARAMS][CLV_MAXPARAMS],
				L[CLV_MAXPARAMS][CLV_MAXPARAMS],
				inv[CLV_MAXPARAMS][CLV_MAXPARAMS],
				tp[CLV_MAXPARAMS],
				gp[CLV_MAXPARAMS],
				gm[CLV_MAXPARAMS];
	int			i,
				j,
				k;

	Assert(dim > 0 && dim <= CLV_MAXPARAMS);
	/*
	 * Column j: central differences of the gradient in theta[j], with a
	 * step relative to it (the parameters' scales differ by orders of
	 * magnitude); eps^(1/3) balances truncation (h^2) against rounding.
	 */
	for (j = 0; j < dim; j++)
	{
		double		h = 6e-6 * theta[j];

		CHECK_FOR_INTERRUPTS();
		memcpy(tp, theta, sizeof(double) * dim);
		tp[j] = theta[j] + h;
		if (!isfinite(fn(tp, data, gp)))
			return false;
		tp[j] = theta[j] - h;
		if (!isfinite(fn(tp, data, gm)))
			return false;
		h = (theta[j] + h) - (theta[j] - h);	/* the step actually taken */
		for (i = 0; i < dim; i++)
			H[i][j] = -(gp[i] - gm[i]) / h;
	}
	for (i = 0; i < dim; i++)
		for (j = 0; j < i; j++)
			H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);

	/* Cholesky H = L L' (not positive definite: no standard errors) */
	memset(L, 0, sizeof(L));
	for (j = 0; j < dim; j++)
	{
		double		d = H[j][j];

		for (k = 0; k < j; k++)
			d -= L[j][k] * L[j][k];
		if (!(d > 0) || !isfinite(d))
			return false;
		L[j][j] = sqrt(d);
		for (i = j + 1; i < dim; i++)
		{
			double		v = H[i][j];

			for (k = 0; k < j; k++)
				v -= L[i][k] * L[j][k];
			L[i][j] = v / L[j][j];
		}
	}
	/* the inverse, column by column: L y = e_c, then L' z = y */
	for (k = 0; k < dim; k++)
	{
		double		y[CLV_MAXPARAMS];

		for (i = 0; i < dim; i++)
		{
			double		v = (i == k) ? 1.0 : 0.0;

			for (j = 0; j < i; j++)
				v -= L[i][j] * y[j];
			y[i] = v / L[i][i];
		}
		for (i = dim - 1; i >= 0; i--)
		{
			double		v = y[i];

			for (j = i + 1; j < dim; j++)
				v -= L[j][i] * inv[j][k];
			inv[i][k] = v / L[i][i];
		}
	}
	for (i = 0; i < dim; i++)
		if (!(inv[i][i] > 0) || !isfinite(inv[i][i]))
			return false;
	for (i = 0; i < dim; i++)
		se[i] = sqrt(inv[i][i]);
	return true;
}

/* ---------- shared predictions ---------- */

/*
 * Expected purchases over the next t units, those of unit k (the interval
 * (k-1, k]) discounted by (1 + discount)^k; a final partial unit is
 * discounted by (1 + discount)^t.
 */
double
clv_kind_discounted_purchases(const ClvModelKind *k, const double *theta,
							  double t, double x, double tx, double T,
							  double discount)
{
	double		sum = 0.0,
				prev = 0.0,
				cur;
	double		u;

	if (discount == 0.0 || t <= 0.0)
		return k->expected_purchases(theta, t, x, tx, T);
	/*
	 * u counts whole units exactly (integers below 2^53); the caller limits
	 * t to 1e6 units when discounting.
	 */
	for (u = 1.0; u <= t; u += 1.0)	/* NOLINT(clang-analyzer-security.FloatLoopCounter) */
	{
		CHECK_FOR_INTERRUPTS();
		cur = k->expected_purchases(theta, u, x, tx, T);
		sum += (cur - prev) / pow(1.0 + discount, u);
		prev = cur;
	}
	if (u - 1.0 < t)
	{
		cur = k->expected_purchases(theta, t, x, tx, T);
		sum += (cur - prev) / pow(1.0 + discount, t);
	}
	return Max(sum, 0.0);		/* not a last-bit negative */
}
