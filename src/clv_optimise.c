/*-------------------------------------------------------------------------
 *
 * clv_optimise.c
 *	  The minimiser of the CLV fits: a mean negative log-likelihood over
 *	  log-parameters (an Objective, see clv.h), minimised by BFGS and Newton
 *	  steps with analytic gradients, falling back to Nelder-Mead and Newton
 *	  steps with numerical derivatives where that finds no honest optimum;
 *	  and the comparison of analytic gradients with central differences
 *	  (the tests' hook).
 *
 * The likelihoods and their gradients are in clv_math.c; this file knows
 * nothing of the models but their dimension.  Every loop checks for
 * interrupts (a fit over millions of customers can be canceled).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "miscadmin.h"

#include "clv.h"

/* Log-parameters beyond this are treated as a parameter running to 0/inf. */
#define LOGPARAM_LIMIT		30.0
/* ...and a fitted value beyond this one is not an honest optimum. */
#define LOGPARAM_SANE		18.0
#define NM_MAXITER			20000
#define NM_RESTARTS			8
/* Largest |d mean-log-likelihood / d log-parameter| accepted as optimal. */
#define GRAD_TOL			1e-5
/* Mean negative log-likelihood; +inf outside the box or where undefined. */
static double
objective(const Objective *o, const double *lp)
{
	double		f;
	int			i;

	for (i = 0; i < o->dim; i++)
		if (!(fabs(lp[i]) <= LOGPARAM_LIMIT))
			return DBL_MAX;
	(*o->evals)++;
	f = o->fn(lp, o->data, NULL) / o->weight;
	return isfinite(f) ? f : DBL_MAX;
}

/*
 * The same with its gradient g; +inf (and g undefined) outside the box or
 * where the value or the gradient is undefined.
 */
static double
objective_grad(const Objective *o, const double *lp, double *g)
{
	double		f;
	int			i;

	for (i = 0; i < o->dim; i++)
		if (!(fabs(lp[i]) <= LOGPARAM_LIMIT))
			return DBL_MAX;
	(*o->evals)++;
	f = o->fn(lp, o->data, g) / o->weight;
	if (!isfinite(f))
		return DBL_MAX;
	for (i = 0; i < o->dim; i++)
	{
		g[i] /= o->weight;
		if (!isfinite(g[i]))
			return DBL_MAX;
	}
	return f;
}

static double
max_abs(const double *v, int dim)
{
	double		m = 0.0;
	int			i;

	for (i = 0; i < dim; i++)
		m = Max(m, fabs(v[i]));
	return m;
}

/*
 * Nelder-Mead on dim <= 4 log-parameters from x (updated to the best
 * point).  Returns true when the simplex collapsed within the iteration
 * limit.
 */
static bool
nelder_mead(const Objective *o, double *x, double step, double tol, double *fbest)
{
	int			dim = o->dim;
	double		s[5][4] = {{0}},
				fs[5] = {0};
	int			i,
				j,
				iter;
	bool		converged = false;

	for (i = 0; i <= dim; i++)
	{
		for (j = 0; j < dim; j++)
			s[i][j] = x[j] + (i == j + 1 ? step : 0.0);
		fs[i] = objective(o, s[i]);
	}

	for (iter = 0; iter < NM_MAXITER; iter++)
	{
		double		c[4] = {0},
					xr[4],
					xe[4],
					xc[4],
					fr,
					fe,
					fc,
					size = 0.0;

		CHECK_FOR_INTERRUPTS();

		/* order the vertices, best first (insertion sort of <= 5) */
		for (i = 1; i <= dim; i++)
		{
			for (j = i; j > 0 && fs[j] < fs[j - 1]; j--)
			{
				double		tmpf = fs[j],
							tmps[4];

				memcpy(tmps, s[j], sizeof(tmps));
				memcpy(s[j], s[j - 1], sizeof(tmps));
				memcpy(s[j - 1], tmps, sizeof(tmps));
				fs[j] = fs[j - 1];
				fs[j - 1] = tmpf;
			}
		}

		/*
		 * The best point has a parameter running off to 0 or infinity:
		 * whatever the simplex does next, the fit will not be reported as
		 * converged (clv_minimise), and a likelihood at such parameters
		 * can cost thousands of times more (Pareto/NBD's 2F1 with alpha
		 * 1e8 times beta): stop here.
		 */
		if (max_abs(s[0], dim) > LOGPARAM_SANE)
			break;

		for (i = 1; i <= dim; i++)
			for (j = 0; j < dim; j++)
				size = Max(size, fabs(s[i][j] - s[0][j]));
		if (size < tol ||
			(fs[dim] - fs[0] <= 1e-15 * (fabs(fs[0]) + 1e-300) && size < 1e-7))
		{
			converged = true;
			break;
		}

		for (j = 0; j < dim; j++)
		{
			c[j] = 0.0;
			for (i = 0; i < dim; i++)
				c[j] += s[i][j];
			c[j] /= dim;
			xr[j] = c[j] + (c[j] - s[dim][j]);
		}
		fr = objective(o, xr);
		if (fr < fs[0])
		{
			for (j = 0; j < dim; j++)
				xe[j] = c[j] + 2.0 * (c[j] - s[dim][j]);
			fe = objective(o, xe);
			if (fe < fr)
			{
				memcpy(s[dim], xe, sizeof(xe));
				fs[dim] = fe;
			}
			else
			{
				memcpy(s[dim], xr, sizeof(xr));
				fs[dim] = fr;
			}
			continue;
		}
		if (fr < fs[dim - 1])
		{
			memcpy(s[dim], xr, sizeof(xr));
			fs[dim] = fr;
			continue;
		}
		if (fr < fs[dim])
		{
			for (j = 0; j < dim; j++)
				xc[j] = c[j] + 0.5 * (xr[j] - c[j]);
			fc = objective(o, xc);
			if (fc <= fr)
			{
				memcpy(s[dim], xc, sizeof(xc));
				fs[dim] = fc;
				continue;
			}
		}
		else
		{
			for (j = 0; j < dim; j++)
				xc[j] = c[j] + 0.5 * (s[dim][j] - c[j]);
			fc = objective(o, xc);
			if (fc < fs[dim])
			{
				memcpy(s[dim], xc, sizeof(xc));
				fs[dim] = fc;
				continue;
			}
		}
		/* shrink towards the best vertex */
		for (i = 1; i <= dim; i++)
		{
			for (j = 0; j < dim; j++)
				s[i][j] = s[0][j] + 0.5 * (s[i][j] - s[0][j]);
			fs[i] = objective(o, s[i]);
		}
	}

	/* best vertex (the loop may have ended between sorts) */
	j = 0;
	for (i = 1; i <= dim; i++)
		if (fs[i] < fs[j])
			j = i;
	memcpy(x, s[j], sizeof(double) * dim);
	*fbest = fs[j];
	return converged;
}

/* Largest absolute central-difference partial derivative at x. */
static double
max_gradient(const Objective *o, const double *x)
{
	double		g = 0.0,
				xp[4];
	int			j;

	for (j = 0; j < o->dim; j++)
	{
		double		h = 1e-6,
					fp,
					fm;

		memcpy(xp, x, sizeof(double) * o->dim);
		xp[j] = x[j] + h;
		fp = objective(o, xp);
		xp[j] = x[j] - h;
		fm = objective(o, xp);
		if (fp == DBL_MAX || fm == DBL_MAX)
			return DBL_MAX;
		g = Max(g, fabs(fp - fm) / (2.0 * h));
	}
	return g;
}

/*
 * Newton refinement from a Nelder-Mead optimum: central-difference gradient
 * and Hessian, a Cholesky solve, and a halving line search that only ever
 * accepts a decrease.  Stops when the Hessian is not positive definite (the
 * gradient check then decides) or the step is negligible.
 */
static void
newton_polish(const Objective *o, double *x, double *f)
{
	int			dim = o->dim,
				iter,
				i,
				j,
				k;
	const double h = 1e-4;

	for (iter = 0; iter < 20; iter++)
	{
		double		g[4] = {0},
					H[4][4],
					L[4][4] = {{0}},
					y[4] = {0},
					step[4],
					xp[4],
					fp,
					fm,
					lambda = 1.0,
					maxstep = 0.0;
		bool		improved = false;

		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < dim; j++)
		{
			memcpy(xp, x, sizeof(double) * dim);
			xp[j] = x[j] + h;
			fp = objective(o, xp);
			xp[j] = x[j] - h;
			fm = objective(o, xp);
			if (fp == DBL_MAX || fm == DBL_MAX)
				return;
			H[j][j] = (fp - 2 * *f + fm) / (h * h);
			/*
			 * The gradient with a smaller step: it sets where Newton lands,
			 * so its truncation error (h^2) must be below the noise.
			 */
			xp[j] = x[j] + 1e-6;
			fp = objective(o, xp);
			xp[j] = x[j] - 1e-6;
			fm = objective(o, xp);
			if (fp == DBL_MAX || fm == DBL_MAX)
				return;
			g[j] = (fp - fm) / 2e-6;
		}
		for (j = 0; j < dim; j++)
			for (k = j + 1; k < dim; k++)
			{
				double		fpp,
							fpm,
							fmp,
							fmm;

				memcpy(xp, x, sizeof(double) * dim);
				xp[j] = x[j] + h;
				xp[k] = x[k] + h;
				fpp = objective(o, xp);
				xp[k] = x[k] - h;
				fpm = objective(o, xp);
				xp[j] = x[j] - h;
				fmm = objective(o, xp);
				xp[k] = x[k] + h;
				fmp = objective(o, xp);
				if (fpp == DBL_MAX || fpm == DBL_MAX || fmp == DBL_MAX || fmm == DBL_MAX)
					return;
				H[j][k] = H[k][j] = (fpp - fpm - fmp + fmm) / (4 * h * h);
			}
		/* Cholesky H = L L' */
		for (j = 0; j < dim; j++)
		{
			double		d = H[j][j];

			for (k = 0; k < j; k++)
				d -= L[j][k] * L[j][k];
			if (!(d > 0))
				return;
			L[j][j] = sqrt(d);
			for (i = j + 1; i < dim; i++)
			{
				double		v = H[i][j];

				for (k = 0; k < j; k++)
					v -= L[i][k] * L[j][k];
				L[i][j] = v / L[j][j];
			}
		}
		/* solve L y = -g, then L' step = y */
		for (i = 0; i < dim; i++)
		{
			y[i] = -g[i];
			for (k = 0; k < i; k++)
				y[i] -= L[i][k] * y[k];
			y[i] /= L[i][i];
		}
		for (i = dim - 1; i >= 0; i--)
		{
			step[i] = y[i];
			for (k = i + 1; k < dim; k++)
				step[i] -= L[k][i] * step[k];
			step[i] /= L[i][i];
			maxstep = Max(maxstep, fabs(step[i]));
		}
		if (maxstep < 1e-12)
			return;
		for (k = 0; k < 30 && !improved; k++, lambda *= 0.5)
		{
			for (j = 0; j < dim; j++)
				xp[j] = x[j] + lambda * step[j];
			fp = objective(o, xp);
			if (fp < *f)
			{
				memcpy(x, xp, sizeof(double) * dim);
				*f = fp;
				improved = true;
			}
		}
		if (!improved || lambda * maxstep < 1e-12)
			return;
	}
}

/* Cholesky factor L of the symmetric H; false unless positive definite. */
static bool
cholesky(double H[4][4], double L[4][4], int dim)
{
	int			i,
				j,
				k;

	for (j = 0; j < dim; j++)
	{
		double		d = H[j][j];

		for (k = 0; k < j; k++)
			d -= L[j][k] * L[j][k];
		if (!(d > 0))
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
	return true;
}

/* The Newton step s = -(L L')^-1 g. */
static void
newton_step(double L[4][4], const double *g, double *s, int dim)
{
	double		y[4] = {0};
	int			i,
				k;

	for (i = 0; i < dim; i++)
	{
		y[i] = -g[i];
		for (k = 0; k < i; k++)
			y[i] -= L[i][k] * y[k];
		y[i] /= L[i][i];
	}
	for (i = dim - 1; i >= 0; i--)
	{
		s[i] = y[i];
		for (k = i + 1; k < dim; k++)
			s[i] -= L[k][i] * s[k];
		s[i] /= L[i][i];
	}
}

/*
 * Quasi-Newton fit with the analytic gradient, from x (updated, with *fout,
 * to the optimum found).
 *
 * BFGS (inverse-Hessian update, scaled after the first step; a backtracking
 * Armijo line search with quadratic interpolation; steps of at most
 * BFGS_STEP_MAX in any log-parameter) until the largest gradient component
 * is below BFGS_GTOL; then Newton with a Hessian from forward differences of
 * the analytic gradient (dim evaluations), reused for a few steps (it is
 * accurate to ~1e-5, so each step gains about five digits).  Near the
 * optimum the objective changes less than its rounding noise, so a Newton
 * step is accepted when it does not worsen the objective beyond that noise
 * and shrinks the gradient.
 *
 * Returns true only at a point where the gradient is below GRAD_EXACT, the
 * Hessian is positive definite and no log-parameter is beyond
 * LOGPARAM_SANE; otherwise the caller falls back to Nelder-Mead (which
 * decides, as it always did, about data without an honest optimum).
 */
#define BFGS_MAXITER		200
#define BFGS_GTOL			1e-6
#define BFGS_STEP_MAX		3.0
#define GRAD_EXACT			1e-8
#define NEWTON_GTOL			1e-12

static bool
gradient_fit(const Objective *o, double *x, double *fout)
{
	int			dim = o->dim,
				iter,
				i,
				j,
				k;
	double		f,
				g[4],
				H[4][4] = {{0}},
				L[4][4] = {{0}},
				xn[4],
				gn[4],
				fn,
				d[4],
				s[4],
				y[4];
	bool		scaled = false;

	f = objective_grad(o, x, g);
	if (f == DBL_MAX)
		return false;
	for (i = 0; i < dim; i++)
		for (j = 0; j < dim; j++)
			H[i][j] = (i == j) ? 1.0 : 0.0;

	for (iter = 0; iter < BFGS_MAXITER; iter++)
	{
		double		gd = 0.0,
					t = 1.0,
					dmax,
					sy = 0.0,
					ss = 0.0,
					yy = 0.0;
		bool		accepted = false;

		CHECK_FOR_INTERRUPTS();
		if (max_abs(g, dim) < BFGS_GTOL)
			break;
		for (i = 0; i < dim; i++)
		{
			d[i] = 0.0;
			for (j = 0; j < dim; j++)
				d[i] -= H[i][j] * g[j];
			gd += g[i] * d[i];
		}
		if (!(gd < 0.0))
		{
			/* not a descent direction: restart from steepest descent */
			for (i = 0; i < dim; i++)
				for (j = 0; j < dim; j++)
					H[i][j] = (i == j) ? 1.0 : 0.0;
			scaled = false;
			gd = 0.0;
			for (i = 0; i < dim; i++)
			{
				d[i] = -g[i];
				gd -= g[i] * g[i];
			}
		}
		dmax = max_abs(d, dim);
		if (dmax > BFGS_STEP_MAX)
			t = BFGS_STEP_MAX / dmax;
		for (k = 0; k < 60; k++)
		{
			CHECK_FOR_INTERRUPTS();
			for (i = 0; i < dim; i++)
				xn[i] = x[i] + t * d[i];
			fn = objective_grad(o, xn, gn);
			if (fn != DBL_MAX && fn <= f + 1e-4 * t * gd)
			{
				accepted = true;
				break;
			}
			if (fn == DBL_MAX)
				t *= 0.1;
			else
			{
				/* the quadratic's minimum, within [t/10, t/2] */
				double		tq = -gd * t * t / (2.0 * (fn - f - gd * t));

				t = Min(Max(tq, 0.1 * t), 0.5 * t);
			}
			if (t * dmax < 1e-14)
				break;
		}
		if (!accepted)
			break;				/* no decrease left: Newton decides */

		for (i = 0; i < dim; i++)
		{
			s[i] = xn[i] - x[i];
			y[i] = gn[i] - g[i];
			sy += s[i] * y[i];
			ss += s[i] * s[i];
			yy += y[i] * y[i];
		}
		if (sy > 1e-10 * sqrt(ss * yy))
		{
			double		rho,
						Hy[4],
						yHy = 0.0;

			if (!scaled)
			{
				/* Nocedal & Wright (6.20): the initial matrix's scale */
				for (i = 0; i < dim; i++)
					H[i][i] = sy / yy;
				scaled = true;
			}
			rho = 1.0 / sy;
			for (i = 0; i < dim; i++)
			{
				Hy[i] = 0.0;
				for (j = 0; j < dim; j++)
					Hy[i] += H[i][j] * y[j];
				yHy += y[i] * Hy[i];
			}
			for (i = 0; i < dim; i++)
				for (j = 0; j < dim; j++)
					H[i][j] += rho * ((1.0 + rho * yHy) * s[i] * s[j]
									  - Hy[i] * s[j] - s[i] * Hy[j]);
		}
		memcpy(x, xn, sizeof(double) * dim);
		memcpy(g, gn, sizeof(double) * dim);
		f = fn;
		/* a parameter running off to 0 or infinity: no honest optimum */
		if (max_abs(x, dim) > LOGPARAM_SANE)
			return false;
	}

	/* Newton, with up to three Hessians of a few steps each */
	for (iter = 0; iter < 3; iter++)
	{
		const double h = 1e-5;
		double		xp[4] = {0},
					gp[4];
		bool		progress = false;

		for (j = 0; j < dim; j++)
		{
			double		hj = h;

			memcpy(xp, x, sizeof(double) * dim);
			xp[j] = x[j] + hj;
			if (objective_grad(o, xp, gp) == DBL_MAX)
			{
				hj = -h;
				xp[j] = x[j] + hj;
				if (objective_grad(o, xp, gp) == DBL_MAX)
					return false;
			}
			for (i = 0; i < dim; i++)
				H[i][j] = (gp[i] - g[i]) / hj;
		}
		for (i = 0; i < dim; i++)
			for (j = 0; j < i; j++)
				H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
		if (!cholesky(H, L, dim))
			return false;

		for (k = 0; k < 6; k++)
		{
			double		t = 1.0,
						gmax = max_abs(g, dim);
			bool		accepted = false;
			int			m;

			CHECK_FOR_INTERRUPTS();
			if (gmax < NEWTON_GTOL)
				break;
			newton_step(L, g, s, dim);
			if (max_abs(s, dim) < 1e-13)
				break;
			for (m = 0; m < 8 && !accepted; m++, t *= 0.5)
			{
				for (i = 0; i < dim; i++)
					xn[i] = x[i] + t * s[i];
				fn = objective_grad(o, xn, gn);
				if (fn == DBL_MAX)
					continue;
				if (fn < f - 1e-13 * fabs(f) ||
					(fn <= f + 1e-13 * fabs(f) && max_abs(gn, dim) < gmax))
					accepted = true;
			}
			if (!accepted)
				break;
			memcpy(x, xn, sizeof(double) * dim);
			memcpy(g, gn, sizeof(double) * dim);
			f = fn;
			progress = true;
		}
		if (!progress || max_abs(g, dim) < NEWTON_GTOL)
			break;
	}

	*fout = f;
	return max_abs(g, dim) < GRAD_EXACT && max_abs(x, dim) <= LOGPARAM_SANE;
}

/* Minimise from start (log-parameters); fill result with the parameters. */
ClvFitResult
clv_minimise(const Objective *o, double *x, const char *model)
{
	ClvFitResult res;
	double		f,
				fprev,
				start[4];
	bool		nm_ok;
	int			k,
				j,
				qn_evals;

	memset(&res, 0, sizeof(res));
	memcpy(start, x, sizeof(double) * o->dim);
	if (gradient_fit(o, x, &f))
	{
		res.converged = true;
		for (j = 0; j < o->dim; j++)
			res.param[j] = exp(x[j]);
		res.ll = -f * o->weight;
		elog(DEBUG1, "clv_fit %s: %d likelihood evaluations (quasi-Newton)",
			 model, *o->evals);
		return res;
	}

	/*
	 * The fallback: Nelder-Mead from the start.  The simplex only needs to
	 * get close (1e-6 relative in every parameter): the Newton steps then
	 * converge quadratically, for far fewer likelihood evaluations than a
	 * simplex shrinking to 1e-10.  Restarting the simplex from its own
	 * optimum guards against a collapsed simplex stalling away from the
	 * optimum.
	 */
	qn_evals = *o->evals;
	memcpy(x, start, sizeof(double) * o->dim);
	nm_ok = nelder_mead(o, x, 0.5, 1e-6, &f);
	for (k = 0; k < NM_RESTARTS && max_abs(x, o->dim) <= LOGPARAM_SANE; k++)
	{
		fprev = f;
		nm_ok = nelder_mead(o, x, 0.05, 1e-6, &f);
		if (nm_ok && fprev - f <= 1e-12 * fabs(f))
			break;
	}

	if (f != DBL_MAX && max_abs(x, o->dim) <= LOGPARAM_SANE)
		newton_polish(o, x, &f);

	res.converged = nm_ok && f != DBL_MAX && max_gradient(o, x) < GRAD_TOL;
	for (j = 0; j < o->dim; j++)
	{
		if (fabs(x[j]) > LOGPARAM_SANE)
			res.converged = false;
		res.param[j] = exp(x[j]);
	}
	res.ll = (f == DBL_MAX) ? -INFINITY : -f * o->weight;
	elog(DEBUG1, "clv_fit %s: %d likelihood evaluations (%d by quasi-Newton, then the Nelder-Mead fallback)",
		 model, *o->evals, qn_evals);
	return res;
}

/*
 * The largest discrepancy, over the log-parameters, between the analytic
 * gradient of the mean objective and central differences of the plain
 * likelihood (bgnbd_ll, gg_ll: the code the fit used before it had
 * gradients), relative to max(|analytic|, 1e-3); +inf where either is
 * undefined.  The differences are Richardson-extrapolated from h = 2e-4 and
 * 1e-4, so their truncation error (h^4) is far below their rounding noise.
 */
static double
central_difference(const Objective *o, const double *lp, int j, double h)
{
	double		xp[4] = {0},
				fp,
				fm;

	memcpy(xp, lp, sizeof(double) * o->dim);
	xp[j] = lp[j] + h;
	fp = objective(o, xp);
	xp[j] = lp[j] - h;
	fm = objective(o, xp);
	if (fp == DBL_MAX || fm == DBL_MAX)
		return NAN;
	return (fp - fm) / (2.0 * h);
}

double
clv_gradient_discrepancy(const Objective *o, const double *lp)
{
	double		g[4] = {0},
				worst = 0.0;
	int			j;

	if (objective_grad(o, lp, g) == DBL_MAX)
		return INFINITY;
	for (j = 0; j < o->dim; j++)
	{
		double		gc = (4.0 * central_difference(o, lp, j, 1e-4)
						  - central_difference(o, lp, j, 2e-4)) / 3.0;

		if (isnan(gc))
			return INFINITY;
		worst = Max(worst, fabs(g[j] - gc) / Max(fabs(g[j]), 1e-3));
	}
	return worst;
}
