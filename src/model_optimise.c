/*-------------------------------------------------------------------------
 *
 * model_optimise.c
 *	  Maximum-likelihood fitting for sBG and BG/BB (sbg.c, bgbb.c).
 *
 * The models have two to four positive parameters and cheap likelihoods
 * (one term per period or per observed pattern), so a derivative-free
 * Nelder-Mead simplex over the logarithms of the parameters is robust and
 * fast enough.  It is restarted from its own optimum until a restart no
 * longer improves the log-likelihood, which guards against the simplex
 * collapsing early.  A parameter whose logarithm leaves [-15, 15] means the
 * likelihood has no interior maximum (e.g. a cohort with no churn): that fit
 * is reported as not converged rather than returned as a model.
 *
 * Standard errors are the square roots of the diagonal of the inverse of
 * the observed information (minus the Hessian of the log-likelihood in the
 * original parameters, by central differences), as lifetimes and CLVTools
 * report them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "miscadmin.h"

#include "model_optimise.h"

#define NM_MAX_EVALUATIONS	20000
#define NM_MAX_RESTARTS		10
#define NM_FTOL				1e-12	/* relative spread of the simplex values */
#define NM_XTOL				1e-9	/* simplex size in log-parameters */
#define LOG_PARAM_LIMIT		15.0	/* |log p| beyond this: not converged */
#define LOG_PARAM_WALL		25.0	/* the objective refuses beyond this */

typedef struct Objective
{
	ModelLogLikelihood ll;
	void	   *arg;
	int			n;
	int			evaluations;
} Objective;

/* Minus the log-likelihood at exp(theta); +Inf where it is not finite. */
static double
objective_value(Objective *obj, const double *theta)
{
	double		param[MODEL_MAX_PARAMS];
	double		value;
	int			i;

	if ((++obj->evaluations & 255) == 0)
		CHECK_FOR_INTERRUPTS();
	for (i = 0; i < obj->n; i++)
	{
		if (!(fabs(theta[i]) <= LOG_PARAM_WALL))
			return DBL_MAX;
		param[i] = exp(theta[i]);
	}
	value = -obj->ll(param, obj->arg);
	return isfinite(value) ? value : DBL_MAX;
}

/*
 * One Nelder-Mead run (reflection 1, expansion 2, contraction 1/2, shrink
 * 1/2) from x with initial steps of step; x and *fx receive the best point.
 * Returns false when the evaluation budget ran out first.
 */
static bool
nelder_mead(Objective *obj, double *x, double step, double *fx)
{
	int			n = obj->n;
	double		p[MODEL_MAX_PARAMS + 1][MODEL_MAX_PARAMS];
	double		f[MODEL_MAX_PARAMS + 1] = {0};
	double		centroid[MODEL_MAX_PARAMS],
				xr[MODEL_MAX_PARAMS],
				xe[MODEL_MAX_PARAMS],
				xc[MODEL_MAX_PARAMS];
	int			i,
				j,
				start = obj->evaluations;

	if (n < 1 || n > MODEL_MAX_PARAMS)
		elog(ERROR, "nelder_mead: %d parameters", n);
	for (i = 0; i <= n; i++)
	{
		memcpy(p[i], x, sizeof(double) * n);
		if (i > 0)
			p[i][i - 1] += step;
		f[i] = objective_value(obj, p[i]);
	}

	for (;;)
	{
		double		fr,
					size = 0;

		/* order the vertices by value (insertion sort, n + 1 <= 5) */
		for (i = 1; i <= n; i++)
		{
			double		tf = f[i],
						tp[MODEL_MAX_PARAMS];

			memcpy(tp, p[i], sizeof(double) * n);
			for (j = i - 1; j >= 0 && f[j] > tf; j--)
			{
				f[j + 1] = f[j];
				memcpy(p[j + 1], p[j], sizeof(double) * n);
			}
			f[j + 1] = tf;
			memcpy(p[j + 1], tp, sizeof(double) * n);
		}

		for (i = 1; i <= n; i++)
			for (j = 0; j < n; j++)
				size = Max(size, fabs(p[i][j] - p[0][j]));
		if (f[0] < DBL_MAX &&
			f[n] - f[0] <= NM_FTOL * (fabs(f[0]) + 1e-10) && size <= NM_XTOL)
			break;
		if (obj->evaluations - start > NM_MAX_EVALUATIONS)
		{
			memcpy(x, p[0], sizeof(double) * n);
			*fx = f[0];
			return false;
		}

		for (j = 0; j < n; j++)
		{
			centroid[j] = 0;
			for (i = 0; i < n; i++)
				centroid[j] += p[i][j] / n;
		}
		for (j = 0; j < n; j++)
			xr[j] = centroid[j] + (centroid[j] - p[n][j]);
		fr = objective_value(obj, xr);
		if (fr < f[0])
		{
			double		fe;

			for (j = 0; j < n; j++)
				xe[j] = centroid[j] + 2 * (centroid[j] - p[n][j]);
			fe = objective_value(obj, xe);
			if (fe < fr)
			{
				memcpy(p[n], xe, sizeof(double) * n);
				f[n] = fe;
			}
			else
			{
				memcpy(p[n], xr, sizeof(double) * n);
				f[n] = fr;
			}
			continue;
		}
		if (fr < f[n - 1])
		{
			memcpy(p[n], xr, sizeof(double) * n);
			f[n] = fr;
			continue;
		}
		if (fr < f[n])
		{
			/* outside contraction */
			double		fc;

			for (j = 0; j < n; j++)
				xc[j] = centroid[j] + 0.5 * (xr[j] - centroid[j]);
			fc = objective_value(obj, xc);
			if (fc <= fr)
			{
				memcpy(p[n], xc, sizeof(double) * n);
				f[n] = fc;
				continue;
			}
		}
		else
		{
			/* inside contraction */
			double		fc;

			for (j = 0; j < n; j++)
				xc[j] = centroid[j] + 0.5 * (p[n][j] - centroid[j]);
			fc = objective_value(obj, xc);
			if (fc < f[n])
			{
				memcpy(p[n], xc, sizeof(double) * n);
				f[n] = fc;
				continue;
			}
		}
		/* shrink towards the best vertex */
		for (i = 1; i <= n; i++)
		{
			for (j = 0; j < n; j++)
				p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
			f[i] = objective_value(obj, p[i]);
		}
	}
	memcpy(x, p[0], sizeof(double) * n);
	*fx = f[0];
	return true;
}

/*
 * Standard errors from the observed information at param: false when it is
 * not positive definite (a flat or saddle direction).
 */
static bool
standard_errors(int n, ModelLogLikelihood ll, void *arg, const double *param, double *se)
{
	double		h[MODEL_MAX_PARAMS],
				info[MODEL_MAX_PARAMS][MODEL_MAX_PARAMS],
				chol[MODEL_MAX_PARAMS][MODEL_MAX_PARAMS],
				q[MODEL_MAX_PARAMS];
	double		f0 = ll(param, arg);
	int			i,
				j,
				k;

	for (i = 0; i < n; i++)
		h[i] = 1e-4 * param[i];
	for (i = 0; i < n; i++)
		for (j = 0; j <= i; j++)
		{
			double		value;

			memcpy(q, param, sizeof(double) * n);
			if (i == j)
			{
				double		up,
							down;

				q[i] = param[i] + h[i];
				up = ll(q, arg);
				q[i] = param[i] - h[i];
				down = ll(q, arg);
				value = -(up - 2 * f0 + down) / (h[i] * h[i]);
			}
			else
			{
				double		pp,
							pm,
							mp,
							mm;

				q[i] = param[i] + h[i];
				q[j] = param[j] + h[j];
				pp = ll(q, arg);
				q[j] = param[j] - h[j];
				pm = ll(q, arg);
				q[i] = param[i] - h[i];
				mm = ll(q, arg);
				q[j] = param[j] + h[j];
				mp = ll(q, arg);
				value = -(pp - pm - mp + mm) / (4 * h[i] * h[j]);
			}
			if (!isfinite(value))
				return false;
			info[i][j] = info[j][i] = value;
		}

	/* Cholesky factor info = L L' (fails unless positive definite) */
	for (i = 0; i < n; i++)
		for (j = 0; j <= i; j++)
		{
			double		sum = info[i][j];

			for (k = 0; k < j; k++)
				sum -= chol[i][k] * chol[j][k];
			if (i == j)
			{
				if (!(sum > 0))
					return false;
				chol[i][i] = sqrt(sum);
			}
			else
				chol[i][j] = sum / chol[j][j];
		}

	/* diag of info^-1 = squared column norms of L^-1 */
	for (k = 0; k < n; k++)
		se[k] = 0;
	for (j = 0; j < n; j++)
	{
		double		col[MODEL_MAX_PARAMS];

		/* column j of L^-1: solve L col = e_j */
		for (i = 0; i < n; i++)
		{
			double		sum = (i == j) ? 1 : 0;

			for (k = 0; k < i; k++)
				sum -= chol[i][k] * col[k];
			col[i] = sum / chol[i][i];
		}
		/* diag element j of (L^-1)' L^-1 is the squared norm of column j */
		for (k = 0; k < n; k++)
			se[j] += col[k] * col[k];
	}
	for (k = 0; k < n; k++)
	{
		if (!(se[k] > 0) || !isfinite(se[k]))
			return false;
		se[k] = sqrt(se[k]);
	}
	return true;
}

void
model_fit_ml(int nparams, ModelLogLikelihood ll, void *arg,
			 const double *start, ModelFit *fit)
{
	Objective	obj = {ll, arg, nparams, 0};
	double		theta[MODEL_MAX_PARAMS],
				best;
	bool		ok;
	int			i,
				restart;

	Assert(nparams >= 1 && nparams <= MODEL_MAX_PARAMS);
	memset(fit, 0, sizeof(ModelFit));
	fit->nparams = nparams;
	for (i = 0; i < nparams; i++)
		theta[i] = log(start[i]);

	ok = nelder_mead(&obj, theta, 0.5, &best);
	for (restart = 0; ok && restart < NM_MAX_RESTARTS; restart++)
	{
		double		again;

		ok = nelder_mead(&obj, theta, 0.05, &again);
		if (!(again < best - 1e-10 * (fabs(best) + 1)))
		{
			best = Min(best, again);
			break;
		}
		best = again;
	}
	fit->converged = ok && restart < NM_MAX_RESTARTS && best < DBL_MAX;
	for (i = 0; i < nparams; i++)
	{
		fit->param[i] = exp(theta[i]);
		if (!(fabs(theta[i]) <= LOG_PARAM_LIMIT))
			fit->converged = false;
	}
	fit->ll = -best;
	fit->evaluations = obj.evaluations;
	if (fit->converged)
		fit->has_se = standard_errors(nparams, ll, arg, fit->param, fit->se);
}

double
model_hyp2f1_one(double b, double c, double x)
{
	double		term = 1,
				sum = 1,
				tail = x / (1 - x);
	int64		k;

	Assert(b > 0 && c > b && x >= 0 && x < 1);
	for (k = 0;; k++)
	{
		term *= (b + k) / (c + k) * x;
		sum += term;
		/* the terms after this one add less than term * x / (1 - x) */
		if (term * tail <= DBL_EPSILON * sum)
			break;
		if ((k & 0xFFFFF) == 0xFFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	return sum;
}

