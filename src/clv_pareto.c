/*-------------------------------------------------------------------------
 *
 * clv_pareto.c
 *	  Numerics of the Pareto/NBD model (Schmittlein, Morrison & Colombo
 *	  1987; the expressions of Fader, Hardie & Lee 2005, "A note on deriving
 *	  the Pareto/NBD model and related expressions"): log-likelihood and its
 *	  analytic gradient, the maximum-likelihood fit (clv_minimise), P(alive),
 *	  conditional and unconditional expected purchases and P(X(t) = n).
 *
 * A customer with x repeat purchases, the last at tx, observed until T,
 * has likelihood
 *   L = Gamma(r+x) alpha^r beta^s / Gamma(r)
 *       * [ (alpha+T)^-(r+x) (beta+T)^-s + s A ],
 *   A = integral over tx < tau < T of (alpha+tau)^-(r+x) (beta+tau)^-(s+1)
 * (alive at T, or dropped out at tau).  A = I(tx) - I(T) with I(y) the
 * integral from y to infinity, which is the paper's 2F1 term:
 *   I(y) = (alpha+y)^-(r+s+x) 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+y))
 *          / (r+s+x)                                    (alpha >= beta)
 * and symmetrically in beta for alpha < beta.  Euler's transformation turns
 * both into G = 2F1(1, c; c+d; z) times powers:
 *   alpha >= beta: I = (alpha+y)^-(r+x) (beta+y)^-s G(r+x, s+1, z) / (r+s+x)
 *   alpha <  beta: I = (alpha+y)^(1-r-x) (beta+y)^-(s+1) G(s+1, r+x, z') / (r+s+x)
 * The series of G has positive terms whose ratio (c+k)/(c+d+k) z is below z
 * from the first term on: no huge intermediate terms for a heavy buyer
 * (r+x in the hundreds, where the untransformed series' terms grow like
 * (r+x)^k before they fall), no cancellation, and a tail bounded by the
 * last term times z/(1-z).  Only z near 1 (alpha and beta many times
 * apart) makes it slow; past SERIES_MAX terms G is integrated instead
 * (hyp_one_quadrature), in a variable where its integrand is log-concave
 * and smooth, with a bound on the work.  The derivatives of G with respect
 * to c, d and z come from the same terms (running sums of the derivatives
 * of each term's logarithm), so the fit gets an exact gradient at little
 * extra cost.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "clv_kind.h"
#include "clv_pareto.h"

/* theta by name */
typedef struct ClvParetoParams
{
	double		r,
				alpha,
				s,
				beta;
} ClvParetoParams;

/* Terms of the series of G summed before switching to the quadrature. */
#define SERIES_MAX			1000
/* Panels of the quadrature beyond which G is refused (22003). */
#define QUADRATURE_MAX		200000
/* Subintervals of the adaptive P(X(t) = n) integral. */
#define GK_MAX_INTERVALS	4000

/* 8-point Gauss-Legendre nodes and weights on [-1, 1] (positive half). */
static const double gl_x[4] = {
	0.1834346424956498049394761,
	0.5255324099163289858177390,
	0.7966664774136267395915539,
	0.9602898564975362316835609
};
static const double gl_w[4] = {
	0.3626837833783619829651504,
	0.3137066458778872873379622,
	0.2223810344533744705443560,
	0.1012285362903762591525314
};

/* Partial derivatives of G with respect to c, d and z. */
typedef struct HypDeriv
{
	double		dc,
				dd,
				dz;
} HypDeriv;

/*
 * G = 2F1(1, c; c+d; z), c, d > 0, 0 <= z < 1, by the integral
 *   G = (c+d-1) * integral over w > 0 of exp((1-d) w - c L(w)),
 *   L(w) = log(1 - e + e exp(w)),  e = 1 - z
 * (the Euler integral with t = exp(-w) after scaling; at e = 1 it is
 * (c+d-1) / (c+d-1) = 1).  The log of the integrand is concave with
 * slope (1-d) - c / (1 + z exp(-w) / e), falling from 1-d - c(1-z) at
 * 0 to 1-d-c: 8-point Gauss-Legendre panels, each short enough that the
 * log of the integrand changes by at most 2 over it (the slope is
 * monotonic, so its values at a panel's ends bound it within), until the
 * integrand and its slope bound the rest below 1e-17 of the sum.  The
 * derivatives are integrated alongside:
 *   dG/dc = G/(c+d-1) - (c+d-1) int phi L
 *   dG/dd = G/(c+d-1) - (c+d-1) int phi w
 *   dG/dz = c (c+d-1) int phi (1 - exp(-w)) / (z exp(-w) + e)
 */
static inline double
quad_logsum(double w, double e, double z, double logE)
{
	/* L(w) = log(1 - e + e exp(w)) without overflow */
	if (w + logE < 0.0)
		return log1p(e * expm1(w));
	return w + logE + log1p(z * exp(-w) / e);
}

static inline double
quad_slope(double w, double c, double d, double e, double z)
{
	return (1.0 - d) - c / (1.0 + z * exp(-w) / e);
}

static double
hyp_one_quadrature(double c, double d, double z, HypDeriv *der)
{
	double		e = 1.0 - z,
				logE = log(e),
				a = c + d - 1.0,
				w0 = 0.0,
				sum = 0.0,
				sumL = 0.0,
				sumW = 0.0,
				sumZ = 0.0;
	long		panels;

	for (panels = 0; panels < QUADRATURE_MAX; panels++)
	{
		double		s0 = quad_slope(w0, c, d, e, z),
					h = 1.0,
					m,
					phi0;
		int			i,
					side;

		if ((panels & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		m = Max(fabs(s0), fabs(quad_slope(w0 + h, c, d, e, z)));
		if (m * h > 2.0)
			h = 2.0 / m;
		for (i = 0; i < 4; i++)
			for (side = -1; side <= 1; side += 2)
			{
				double		w = w0 + 0.5 * h * (1.0 + side * gl_x[i]),
							L = quad_logsum(w, e, z, logE),
							f = 0.5 * h * gl_w[i] * exp((1.0 - d) * w - c * L);

				sum += f;
				if (der)
				{
					double		em = exp(-w);

					sumL += f * L;
					sumW += f * w;
					sumZ += f * (1.0 - em) / (z * em + e);
				}
			}
		w0 += h;

		/*
		 * Past the mode the rest is at most phi(w0) / |slope(w0)|; the
		 * derivative integrands carry factors up to w, L and 1/e more.
		 */
		s0 = quad_slope(w0, c, d, e, z);
		phi0 = exp((1.0 - d) * w0 - c * quad_logsum(w0, e, z, logE));
		if (s0 < 0.0 &&
			phi0 / -s0 * (der ? 1.0 + w0 + fabs(quad_logsum(w0, e, z, logE)) + 1.0 / e : 1.0)
			<= 1e-17 * sum)
			break;
	}
	if (panels >= QUADRATURE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("Pareto/NBD: hypergeometric function 2F1(1, %g; %g; 1 - %g) needs too much work",
						c, c + d, e),
				 errhint("The parameters alpha and beta are too many orders of magnitude apart.")));
	if (der)
	{
		der->dc = sum - a * sumL;
		der->dd = sum - a * sumW;
		der->dz = c * a * sumZ;
	}
	return a * sum;
}

/*
 * G = 2F1(1, c; c+d; z) and (with der) its derivatives: the series
 *   sum over k of t_k,  t_k = t_(k-1) (c+k-1)/(c+d+k-1) z,  t_0 = 1,
 * and, by d log t_k/dc = sum_(j<k) d/((c+j)(c+d+j)), d log t_k/dd =
 * -sum_(j<k) 1/(c+d+j), d t_k/dz = k t_k / z, the sums of t_k times those.
 */
static double
hyp_one(double c, double d, double z, HypDeriv *der)
{
	double		t = 1.0,
				sum = 1.0,
				sc = 0.0,
				sd = 0.0,
				sz = 0.0,
				P = 0.0,
				Q = 0.0,
				tailf = z / (1.0 - z);
	int			k;

	Assert(c > 0 && d > 0 && z >= 0 && z < 1);
	for (k = 1; k <= SERIES_MAX; k++)
	{
		double		ck = c + k - 1.0,
					cdk = c + d + k - 1.0,
					bound;

		t *= ck / cdk * z;
		sum += t;
		if (der)
		{
			P += d / (ck * cdk);
			Q -= 1.0 / cdk;
			sc += t * P;
			sd += t * Q;
			sz += k * t;
			/* the sums of derivatives fall a little slower than the terms */
			bound = t * tailf * (1.0 + k + 1.0 / (1.0 - z) + fabs(P) + fabs(Q));
		}
		else
			bound = t * tailf;
		/* every later ratio is below z: the rest is below t z / (1 - z) */
		if (bound <= 1e-17 * sum)
			break;
	}
	if (k > SERIES_MAX)
		return hyp_one_quadrature(c, d, z, der);
	if (der)
	{
		der->dc = sc;
		der->dd = sd;
		der->dz = z > 0.0 ? sz / z : c / (c + d);
	}
	return sum;
}

/*
 * log I(y) (see the header comment) and, with g, its derivatives with
 * respect to (r, alpha, s, beta).
 */
static double
log_tail(const ClvParetoParams *m, double x, double y, double *g)
{
	double		rx = m->r + x,
				a = rx + m->s,
				ay = m->alpha + y,
				by = m->beta + y,
				lay = log(ay),
				lby = log(by),
				G,
				lI;
	HypDeriv	der;

	if (m->alpha >= m->beta)
	{
		double		z = (m->alpha - m->beta) / ay;

		G = hyp_one(rx, m->s + 1.0, z, g ? &der : NULL);
		lI = -rx * lay - m->s * lby - log(a) + log(G);
		if (g)
		{
			g[0] = -lay - 1.0 / a + der.dc / G;
			g[1] = -rx / ay + der.dz / G * (by / (ay * ay));
			g[2] = -lby - 1.0 / a + der.dd / G;
			g[3] = -m->s / by - der.dz / G / ay;
		}
	}
	else
	{
		double		z = (m->beta - m->alpha) / by;

		G = hyp_one(m->s + 1.0, rx, z, g ? &der : NULL);
		lI = (1.0 - rx) * lay - (m->s + 1.0) * lby - log(a) + log(G);
		if (g)
		{
			g[0] = -lay - 1.0 / a + der.dd / G;
			g[1] = (1.0 - rx) / ay - der.dz / G / by;
			g[2] = -lby - 1.0 / a + der.dc / G;
			g[3] = -(m->s + 1.0) / by + der.dz / G * (ay / (by * by));
		}
	}
	return lI;
}

/*
 * The two terms of one customer's likelihood bracket, in logs, from
 * la = log I(tx) and lb = log I(T) (with their gradients ga, gb when g1 is
 * not NULL): *l1 = log of the "alive at T" term, *l2 = log(s A) (-inf when
 * A = 0); with g1, g2 not NULL also their gradients.
 */
static void
customer_terms(const ClvParetoParams *m, double x, double tx, double T,
			   double la, const double *ga, double lb, const double *gb,
			   double *l1, double *l2, double *g1, double *g2)
{
	double		rx = m->r + x;

	*l1 = -rx * log(m->alpha + T) - m->s * log(m->beta + T);
	if (g1)
	{
		g1[0] = -log(m->alpha + T);
		g1[1] = -rx / (m->alpha + T);
		g1[2] = -log(m->beta + T);
		g1[3] = -m->s / (m->beta + T);
	}
	*l2 = -INFINITY;
	if (tx < T)
	{
		double		ratio = exp(lb - la);
		int			j;

		/* I(tx) > I(T) mathematically; equal in doubles only when A ~ 0 */
		if (ratio < 1.0)
		{
			*l2 = log(m->s) + la + log1p(-ratio);
			if (g1)
			{
				for (j = 0; j < 4; j++)
					g2[j] = (ga[j] - ratio * gb[j]) / (1.0 - ratio);
				g2[2] += 1.0 / m->s;
			}
		}
	}
	if (g2 && *l2 == -INFINITY)
		memset(g2, 0, sizeof(double) * 4);
}

/*
 * Observations prepared for many likelihood evaluations.  The recency and
 * age values are few and shared between customers (day-rounded, cohort
 * dates), and I(y) depends only on x and y: it is computed once per
 * distinct (x, y) in an evaluation, cached by the index of y among the
 * distinct values while the (sorted) observations stay at one x.  The
 * customers who never repeated (most, in retail) then cost one I(0) and
 * one I(T) per distinct age.
 */
typedef struct ParetoData
{
	const ClvTriple *t;
	int			n;
	int			nu;				/* distinct recency and age values */
	double	   *u;				/* those values, sorted */
	int32	   *itx;			/* each observation's recency, index into u */
	int32	   *iT;				/* each observation's age, index into u */
	/* cache, valid where stamp = the current x group's number */
	int64	   *stamp;
	double	   *cl;				/* log I(u[k]) */
	double	   *cg;				/* its gradient, 4 per value */
	int64		generation;
} ParetoData;

void *
clv_pareto_prepare(const ClvTriple *t, int n)
{
	ParetoData *d = palloc0(sizeof(ParetoData));
	int			k;

	d->t = t;
	d->n = n;
	k = d->nu = clv_obs_index(t, n, &d->u, &d->itx, &d->iT);
	d->stamp = palloc0(sizeof(int64) * Max(k, 1));
	d->cl = palloc(sizeof(double) * Max(k, 1));
	d->cg = palloc(sizeof(double) * 4 * Max(k, 1));
	return d;
}

/* log I(u[k]) for frequency x (and its gradient at *g), from the cache. */
static inline double
cached_tail(const ClvParetoParams *m, ParetoData *d, double x, int32 k,
			bool grad, const double **g)
{
	if (d->stamp[k] != d->generation)
	{
		d->cl[k] = log_tail(m, x, d->u[k], grad ? &d->cg[4 * k] : NULL);
		d->stamp[k] = d->generation;
	}
	*g = &d->cg[4 * k];
	return d->cl[k];
}

/* The log-likelihood and (g not NULL) its gradient over observations. */
static double
pareto_ll_grad(const ClvParetoParams *m, ParetoData *d, double *g)
{
	const ClvTriple *t = d->t;
	double		sum = 0.0,
				lg_r = lgamma(m->r),
				psi_r = g ? clv_digamma(m->r) : 0.0,
				log_alpha = log(m->alpha),
				log_beta = log(m->beta),
				cx = 0.0,
				psi_rx = 0.0;
	int32		prev_x = -1;
	int			i,
				j;

	if (g)
		memset(g, 0, sizeof(double) * 4);
	for (i = 0; i < d->n; i++)
	{
		double		x = t[i].x,
					w = (double) t[i].w,
					la = 0.0,
					lb = 0.0,
					l1,
					l2,
					lsum,
					g1[4],
					g2[4];
		const double *ga = NULL,
				   *gb = NULL;

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (t[i].x != prev_x)
		{
			prev_x = t[i].x;
			/* a new x: every cached I(y) is stale */
			d->generation++;
			cx = lgamma(m->r + x) - lg_r + m->r * log_alpha + m->s * log_beta;
			if (g)
				psi_rx = clv_digamma(m->r + x);
		}
		if (t[i].tx < t[i].T)
		{
			la = cached_tail(m, d, x, d->itx[i], g != NULL, &ga);
			lb = cached_tail(m, d, x, d->iT[i], g != NULL, &gb);
		}
		customer_terms(m, x, t[i].tx, t[i].T, la, ga, lb, gb, &l1, &l2,
					   g ? g1 : NULL, g ? g2 : NULL);
		lsum = clv_logaddexp(l1, l2);
		sum += w * (cx + lsum);
		if (g)
		{
			double		w1 = exp(l1 - lsum),
						w2 = l2 == -INFINITY ? 0.0 : exp(l2 - lsum);

			g[0] += w * (psi_rx - psi_r + log_alpha);
			g[1] += w * (m->r / m->alpha);
			g[2] += w * log_beta;
			g[3] += w * (m->s / m->beta);
			for (j = 0; j < 4; j++)
				g[j] += w * (w1 * g1[j] + w2 * g2[j]);
		}
	}
	return sum;
}

/* theta = (r, alpha, s, beta) */
static inline ClvParetoParams
params_of(const double *theta)
{
	ClvParetoParams m = {theta[0], theta[1], theta[2], theta[3]};

	return m;
}

double
clv_pareto_loglik(const double *theta, const void *data, double *grad)
{
	ClvParetoParams m = params_of(theta);

	/* the cache is scratch space: the const is the caller's view */
	return pareto_ll_grad(&m, (ParetoData *) data, grad);
}

/* The negative log-likelihood at log-parameters, for clv_minimise. */
static double
pareto_objective(const double *lp, const void *data, double *grad)
{
	double		p[4],
				g[4],
				f;
	int			i;

	for (i = 0; i < 4; i++)
		p[i] = exp(lp[i]);
	f = -clv_pareto_loglik(p, data, grad ? g : NULL);
	if (grad)
		for (i = 0; i < 4; i++)
			grad[i] = -g[i] * p[i];
	return f;
}

static void
pareto_objective_init(Objective *o, const ClvTriple *t, int n, int *evals)
{
	int			i;

	o->fn = pareto_objective;
	o->data = clv_pareto_prepare(t, n);
	o->nobs = n;
	o->weight = 0.0;
	o->dim = 4;
	o->evals = evals;
	for (i = 0; i < n; i++)
		o->weight += (double) t[i].w;
}

double
clv_pareto_gradient_check(const ClvTriple *t, int n, const double *theta)
{
	Objective	o;
	int			evals = 0,
				i;
	double		lp[4];

	for (i = 0; i < 4; i++)
		lp[i] = log(theta[i]);
	pareto_objective_init(&o, t, n, &evals);
	return clv_gradient_discrepancy(&o, lp);
}

/*
 * As BG/NBD's start: r = 1 with the mean purchase rate, which fixes the
 * time unit's scale; s = 1 with a mean lifetime of the mean age.
 */
void
clv_pareto_start(const ClvTriple *t, int n, double *theta)
{
	double		sw = 0.0,
				sx = 0.0,
				sT = 0.0;
	int			i;

	for (i = 0; i < n; i++)
	{
		sw += (double) t[i].w;
		sx += (double) t[i].w * t[i].x;
		sT += (double) t[i].w * t[i].T;
	}
	theta[0] = 1.0;
	theta[1] = (sT / sw) / (sx / sw + 1.0);
	theta[2] = 1.0;
	theta[3] = sT / sw;
}

ClvFitResult
clv_fit_pareto(const ClvTriple *t, int n)
{
	Objective	o;
	int			evals = 0,
				i;
	double		x[4];

	pareto_objective_init(&o, t, n, &evals);
	clv_pareto_start(t, n, x);
	for (i = 0; i < 4; i++)
		x[i] = log(x[i]);
	return clv_minimise(&o, x, "Pareto/NBD");
}

/* ---------- predictions ---------- */

static double
p_alive(const ClvParetoParams *m, double x, double tx, double T)
{
	double		l1,
				l2,
				la = 0.0,
				lb = 0.0;

	if (tx < T)
	{
		la = log_tail(m, x, tx, NULL);
		lb = log_tail(m, x, T, NULL);
	}
	customer_terms(m, x, tx, T, la, NULL, lb, NULL, &l1, &l2, NULL, NULL);
	if (l2 == -INFINITY)
		return 1.0;
	/* 1 / (1 + sA / L1) */
	if (l2 > l1)
		return exp(l1 - l2) / (1.0 + exp(l1 - l2));
	return 1.0 / (1.0 + exp(l2 - l1));
}

double
clv_pareto_p_alive(const double *theta, double x, double tx, double T)
{
	ClvParetoParams m = params_of(theta);

	return p_alive(&m, x, tx, T);
}

/*
 * (1 - (1 + t/b)^-(s-1)) / (s-1), and its limit log(1 + t/b) at s = 1,
 * without cancellation on either side of it.
 */
static double
dropout_horizon(double s, double t, double b)
{
	double		L = log1p(t / b),
				u = s - 1.0;

	if (fabs(u * L) < 1e-8)
		return L * (1.0 - 0.5 * u * L);
	return -expm1(-u * L) / u;
}

/*
 * E[X(T, T+t) | x, tx, T] = (r+x)(beta+T) / ((alpha+T)(s-1))
 *   * (1 - ((beta+T)/(beta+T+t))^(s-1)) * P(alive)
 * (Schmittlein, Morrison & Colombo 1987; FHL 2005 eq. 24).
 */
double
clv_pareto_expected_purchases(const double *theta, double t,
							  double x, double tx, double T)
{
	ClvParetoParams mm = params_of(theta),
			   *m = &mm;

	if (t <= 0.0)
		return 0.0;
	return (m->r + x) / (m->alpha + T) * (m->beta + T)
		* dropout_horizon(m->s, t, m->beta + T)
		* p_alive(m, x, tx, T);
}

/* E[X(t)] = r beta / (alpha (s-1)) (1 - (beta/(beta+t))^(s-1)). */
double
clv_pareto_expected_purchases_new(const double *theta, double t)
{
	ClvParetoParams mm = params_of(theta),
			   *m = &mm;

	if (t <= 0.0)
		return 0.0;
	return m->r / m->alpha * m->beta * dropout_horizon(m->s, t, m->beta);
}

/* ---------- P(X(t) = n) ---------- */

/*
 * Averaging the Poisson count of a customer alive throughout, or one who
 * dropped out at tau < t, over the Gamma purchase and dropout rates:
 *   P(X(t) = n) = NBD(n; r, alpha/(alpha+t)) (beta/(beta+t))^s
 *     + s beta^s alpha^r Gamma(r+n) / (Gamma(r) n!) J,
 *   J = integral over 0 < tau < t of tau^n (alpha+tau)^-(r+n) (beta+tau)^-(s+1)
 * (the same as FHL 2005 eq. 20's 2F1 sums).  J by adaptive Gauss-Kronrod
 * (7/15 points), its integrand scaled by its largest value on a grid so
 * that neither a heavy count nor a long horizon underflows.
 */
typedef struct PnArgs
{
	double		n,
				rn,
				alpha,
				s1,
				beta,
				scale;
} PnArgs;

static inline double
pn_log_integrand(const PnArgs *a, double tau)
{
	return (a->n > 0 ? a->n * log(tau) : 0.0) - a->rn * log(a->alpha + tau)
		- a->s1 * log(a->beta + tau);
}

static const double gk_x[8] = {
	0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
	0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
	0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
	0.207784955007898467600689403773245, 0.0
};
static const double gk_wk[8] = {
	0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
	0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
	0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
	0.204432940075298892414161999234649, 0.209482141084727828012999174891714
};
static const double gk_wg[4] = {
	0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
	0.381830050505118944950369775488975, 0.417959183673469387755102040816327
};

/* Kronrod estimate over [lo, hi]; *err = |Kronrod - Gauss|. */
static double
gk15(const PnArgs *a, double lo, double hi, double *err)
{
	double		c = 0.5 * (lo + hi),
				h = 0.5 * (hi - lo),
				k = 0.0,
				g = 0.0;
	int			i;

	for (i = 0; i < 8; i++)
	{
		double		f;

		if (i == 7)
			f = exp(pn_log_integrand(a, c) - a->scale);
		else
			f = exp(pn_log_integrand(a, c - h * gk_x[i]) - a->scale)
				+ exp(pn_log_integrand(a, c + h * gk_x[i]) - a->scale);
		k += gk_wk[i] * f;
		if (i % 2 == 1)
			g += gk_wg[i / 2] * f;
	}
	*err = fabs(k - g) * h;
	return k * h;
}

double
clv_pareto_purchase_probability(const double *theta, double t, int n)
{
	ClvParetoParams mm = params_of(theta),
			   *m = &mm;
	PnArgs		a;
	double		lq,
				l1q,
				first,
				total = 0.0,
				rough = 0.0,
				lo_stack[64],
				hi_stack[64];
	int			depth[64],
				top = 0,
				intervals = 0,
				i;

	if (t <= 0.0)
		return n == 0 ? 1.0 : 0.0;
	lq = -log1p(t / m->alpha);	/* log(alpha / (alpha + t)) */
	l1q = log(t / (m->alpha + t));
	first = lgamma(m->r + n) - lgamma(m->r) - lgamma(n + 1.0)
		+ m->r * lq + n * l1q - m->s * log1p(t / m->beta);

	a.n = n;
	a.rn = m->r + n;
	a.alpha = m->alpha;
	a.s1 = m->s + 1.0;
	a.beta = m->beta;
	a.scale = -INFINITY;
	for (i = 0; i <= 64; i++)
		a.scale = Max(a.scale, pn_log_integrand(&a, t * Max(i, 1e-3) / 64.0));
	/* a rough size of the integral, for the absolute part of the tolerance */
	for (i = 0; i < 64; i++)
	{
		double		e;

		rough += gk15(&a, t * i / 64.0, t * (i + 1) / 64.0, &e);
	}

	/* adaptive bisection: an interval is split while its error is large */
	lo_stack[0] = 0.0;
	hi_stack[0] = t;
	depth[0] = 0;
	top = 1;
	while (top > 0)
	{
		double		lo = lo_stack[top - 1],
					hi = hi_stack[top - 1],
					err,
					v;
		int			dp = depth[top - 1];

		top--;
		if (++intervals > GK_MAX_INTERVALS)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("Pareto/NBD purchase probability: the integral for t = %g, n = %d does not converge",
							t, n)));
		CHECK_FOR_INTERRUPTS();
		v = gk15(&a, lo, hi, &err);
		/*
		 * Kronrod's error estimate is pessimistic (it is Gauss's): accept
		 * it near rounding relative to this piece or to the whole integral.
		 */
		if (err <= 1e-12 * v || err <= 1e-15 * rough || dp >= 50 || top >= 62)
			total += v;
		else
		{
			double		mid = 0.5 * (lo + hi);

			lo_stack[top] = mid;
			hi_stack[top] = hi;
			depth[top] = dp + 1;
			top++;
			lo_stack[top] = lo;
			hi_stack[top] = mid;
			depth[top] = dp + 1;
			top++;
		}
	}

	{
		double		second = log(m->s) + m->s * log(m->beta) + m->r * log(m->alpha)
			+ lgamma(m->r + n) - lgamma(m->r) - lgamma(n + 1.0) + a.scale + log(total),
					p = exp(first) + (total > 0 ? exp(second) : 0.0);

		return Min(Max(p, 0.0), 1.0);
	}
}

/* ---------- the kind (clv_kind.h) ---------- */

const ClvModelKind clv_kind_pareto_nbd = {
	"pareto_nbd", "Pareto/NBD", "ll_pareto_nbd", 4, {"r", "alpha", "s", "beta"},
	clv_pareto_prepare, clv_pareto_loglik, clv_pareto_start,
	clv_pareto_p_alive, clv_pareto_expected_purchases,
	clv_pareto_expected_purchases_new, clv_pareto_purchase_probability
};

/* ---------- test hooks ---------- */


/*
 * Test hooks, not part of the extension's SQL: the tests declare them (in a
 * rolled-back transaction).  clv_pareto_test(theta float8[4], what text,
 * x, tx, T, t, n) evaluates one of the model's functions; what is 'll' (one
 * customer's log-likelihood), 'p_alive', 'expected' (conditional on
 * x, tx, T over t), 'new' (E[X(t)]) or 'pn' (P(X(t) = n)).
 */
static void
theta_arg(FunctionCallInfo fcinfo, int argno, double *theta)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
	Datum	   *d;
	bool	   *nulls;
	int			n,
				i;

	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, 'd', &d, &nulls, &n);
	if (n != 4)
		elog(ERROR, "theta must have 4 elements");
	for (i = 0; i < 4; i++)
	{
		theta[i] = DatumGetFloat8(d[i]);
		if (nulls[i] || !(theta[i] > 0) || !isfinite(theta[i]))
			elog(ERROR, "theta must be positive");
	}
}

PG_FUNCTION_INFO_V1(clv_pareto_test);
Datum
clv_pareto_test(PG_FUNCTION_ARGS)
{
	double		theta[4];
	char	   *what = text_to_cstring(PG_GETARG_TEXT_PP(1));
	double		x = PG_GETARG_FLOAT8(2),
				tx = PG_GETARG_FLOAT8(3),
				T = PG_GETARG_FLOAT8(4),
				t = PG_GETARG_FLOAT8(5);
	int32		n = PG_GETARG_INT32(6);

	theta_arg(fcinfo, 0, theta);
	if (strcmp(what, "ll") == 0)
	{
		ClvTriple	tr = {(int32) x, 0, tx, T, 1};
		void	   *d = clv_pareto_prepare(&tr, 1);

		PG_RETURN_FLOAT8(clv_pareto_loglik(theta, d, NULL));
	}
	if (strcmp(what, "p_alive") == 0)
		PG_RETURN_FLOAT8(clv_pareto_p_alive(theta, x, tx, T));
	if (strcmp(what, "expected") == 0)
		PG_RETURN_FLOAT8(clv_pareto_expected_purchases(theta, t, x, tx, T));
	if (strcmp(what, "new") == 0)
		PG_RETURN_FLOAT8(clv_pareto_expected_purchases_new(theta, t));
	if (strcmp(what, "pn") == 0)
		PG_RETURN_FLOAT8(clv_pareto_purchase_probability(theta, t, n));
	elog(ERROR, "unknown what");
}

/*
 * clv_pareto_test_fit(x int[], tx float8[], T float8[], theta float8[])
 * → float8[]: with theta NULL the fit (r, alpha, s, beta, ll, converged
 * 0/1); with theta the log-likelihood at theta and the gradient
 * discrepancy there.
 */
PG_FUNCTION_INFO_V1(clv_pareto_test_fit);
Datum
clv_pareto_test_fit(PG_FUNCTION_ARGS)
{
	ArrayType  *ax,
			   *atx,
			   *aT;
	Datum	   *dx,
			   *dtx,
			   *dT,
				out[6];
	bool	   *nulls;
	int			n,
				n2,
				n3,
				i;
	ClvTriple  *t;

	/* not strict (theta may be NULL): the data arrays must not be */
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	ax = PG_GETARG_ARRAYTYPE_P(0);
	atx = PG_GETARG_ARRAYTYPE_P(1);
	aT = PG_GETARG_ARRAYTYPE_P(2);
	deconstruct_array(ax, INT4OID, 4, true, 'i', &dx, &nulls, &n);
	deconstruct_array(atx, FLOAT8OID, 8, FLOAT8PASSBYVAL, 'd', &dtx, &nulls, &n2);
	deconstruct_array(aT, FLOAT8OID, 8, FLOAT8PASSBYVAL, 'd', &dT, &nulls, &n3);
	if (n != n2 || n != n3 || n == 0)
		elog(ERROR, "arrays must have the same nonzero length");
	t = palloc0(sizeof(ClvTriple) * n);
	for (i = 0; i < n; i++)
	{
		t[i].x = DatumGetInt32(dx[i]);
		t[i].tx = DatumGetFloat8(dtx[i]);
		t[i].T = DatumGetFloat8(dT[i]);
		t[i].w = 1;
	}
	n = clv_compact_triples(t, n);
	if (PG_ARGISNULL(3))
	{
		ClvFitResult res = clv_fit_pareto(t, n);

		for (i = 0; i < 4; i++)
			out[i] = Float8GetDatum(res.param[i]);
		out[4] = Float8GetDatum(res.ll);
		out[5] = Float8GetDatum(res.converged ? 1.0 : 0.0);
		PG_RETURN_ARRAYTYPE_P(construct_array(out, 6, FLOAT8OID, 8, FLOAT8PASSBYVAL, 'd'));
	}
	else
	{
		double		theta[4];

		theta_arg(fcinfo, 3, theta);
		out[0] = Float8GetDatum(clv_pareto_loglik(theta, clv_pareto_prepare(t, n), NULL));
		out[1] = Float8GetDatum(clv_pareto_gradient_check(t, n, theta));
		PG_RETURN_ARRAYTYPE_P(construct_array(out, 2, FLOAT8OID, 8, FLOAT8PASSBYVAL, 'd'));
	}
}
