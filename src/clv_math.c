/*-------------------------------------------------------------------------
 *
 * clv_math.c
 *	  Numerics of the predictive CLV: BG/NBD and Gamma-Gamma
 *	  log-likelihoods, their maximum-likelihood fit, and the per-customer
 *	  predictions (probability alive, conditional expected purchases, expected
 *	  order value, discounted value).
 *
 * Everything is computed in log space with lgamma, so heavy buyers
 * (frequency in the hundreds, ages in the hundreds of units) neither
 * overflow nor lose precision.  The conditional expectation needs the Gauss
 * hypergeometric function 2F1(r+x, b+x; a+b+x-1; z); its series converges
 * slowly and its terms grow huge when x is large, and Euler's transformation,
 * 2F1(a+b-1-r, a-1; a+b+x-1; z) times a power of (1-z), is slow when a is
 * large instead: the cheaper of the two is summed (expected_purchases_a).
 *
 * The optimiser (clv_optimise.c) works on the logarithms of the parameters
 * (so every parameter stays positive), with analytic gradients computed here
 * in the same pass as the likelihoods: BFGS, then Newton steps with a Hessian from
 * differences of the gradient, about 25-30 likelihood evaluations.  Where
 * that finds no honest optimum (a parameter running off to 0 or infinity,
 * no positive definite Hessian) the fit starts over with the earlier
 * derivative-free path: Nelder-Mead, restarted from its own best point until
 * a restart no longer improves, then Newton steps with a numerical Hessian,
 * then a central-difference gradient check; that fit is reported as
 * converged only when the simplex collapsed, the gradient is near zero and
 * no parameter ran off to 0 or infinity.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "common/int.h"
#include "miscadmin.h"

#include "clv.h"
#include "clv_kind.h"

/* Terms of the hypergeometric series beyond which we give up. */
#define HYP_MAXTERMS		100000000L
/* Estimated terms (hyp2f1_cost) beyond which a prediction is refused. */
#define HYP_MAXCOST			2e7

/* ---------- compaction of weighted observations ---------- */

static int
cmp_triple(const void *pa, const void *pb)
{
	const ClvTriple *a = pa,
			   *b = pb;

	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->tx != b->tx)
		return a->tx < b->tx ? -1 : 1;
	if (a->T != b->T)
		return a->T < b->T ? -1 : 1;
	return 0;
}

static int
cmp_pair(const void *pa, const void *pb)
{
	const ClvPair *a = pa,
			   *b = pb;

	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return 0;
}

/* Sum two customer weights, erroring on overflow (forged states). */
static inline void
add_weight(int64 *w, int64 more)
{
	if (unlikely(pg_add_s64_overflow(*w, more, w)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("clv_fit customer count out of range")));
}

/*
 * Sorts with the comparison inlined (qsort calls it through a pointer),
 * interruptible: a state may hold millions of customers.
 */
#define ST_SORT sort_triples
#define ST_CHECK_FOR_INTERRUPTS
#define ST_ELEMENT_TYPE ClvTriple
#define ST_COMPARE(a, b) cmp_triple(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

#define ST_SORT sort_pairs
#define ST_CHECK_FOR_INTERRUPTS
#define ST_ELEMENT_TYPE ClvPair
#define ST_COMPARE(a, b) cmp_pair(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

typedef int (*CmpFn) (const void *a, const void *b);

#define EL(base, i) ((base) + (Size) (i) * size)

/* The length of the strictly increasing run that starts v. */
static pg_attribute_always_inline int
sorted_run(const char *v, int n, Size size, CmpFn cmp)
{
	int			na = 1;

	if (n <= 1)
		return n;
	while (na < n && cmp(EL(v, na - 1), EL(v, na)) < 0)
	{
		if ((na & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		na++;
	}
	return na;
}

/*
 * Sort n observations of size bytes and merge equal ones, summing their
 * weights (the int64 at woff); returns the new count.  The aggregate's
 * list is compacted whenever its array fills, so it is a strictly
 * increasing run followed by the rows appended since: only those are
 * sorted, and then merged into the run from the back.  Compacting a growing
 * list again and again so costs a sort of its new rows and a linear merge,
 * not a sort of the whole list each time.  Inlined into each caller, so
 * that cmp and sort are direct calls.
 */
static pg_attribute_always_inline int
compact(char *v, int n, Size size, Size woff, CmpFn cmp,
		void (*sort) (char *v, int n))
{
#define WEIGHT(e)	((int64 *) ((e) + woff))
	int			na = sorted_run(v, n, size, cmp),
				nb,
				i,
				j,
				k;
	char	   *b;

	if (na == n)
		return n;

	/* sort and merge the tail in place */
	sort(EL(v, na), n - na);
	for (i = na + 1, j = na; i < n; i++)
	{
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		if (cmp(EL(v, j), EL(v, i)) == 0)
			add_weight(WEIGHT(EL(v, j)), *WEIGHT(EL(v, i)));
		else if (++j != i)
			memcpy(EL(v, j), EL(v, i), size);
	}
	nb = j + 1 - na;

	/*
	 * Merge the tail (copied out) into the run from the back.  The write
	 * position k stays above the run's unread part: k + 1 is at least the
	 * number of entries still to write.
	 */
	b = palloc(size * nb);
	memcpy(b, EL(v, na), size * nb);
	i = na - 1;
	j = nb - 1;
	k = na + nb - 1;
	while (j >= 0)
	{
		int			c = i >= 0 ? cmp(EL(v, i), EL(b, j)) : -1;

		if ((k & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();

		if (c > 0)
		{
			memcpy(EL(v, k), EL(v, i), size);
			i--;
		}
		else
		{
			if (c == 0)
			{
				add_weight(WEIGHT(EL(b, j)), *WEIGHT(EL(v, i)));
				i--;
			}
			memcpy(EL(v, k), EL(b, j), size);
			j--;
		}
		k--;
	}
	pfree(b);
	/* the run's untouched start is in place; close the gap of the merges */
	if (k > i)
		memmove(EL(v, i + 1), EL(v, k + 1), size * (na + nb - 1 - k));
	return na + nb - (k - i);
#undef WEIGHT
}

static void
sort_triples_bytes(char *v, int n)
{
	sort_triples((ClvTriple *) v, n);
}

static void
sort_pairs_bytes(char *v, int n)
{
	sort_pairs((ClvPair *) v, n);
}

bool
clv_triples_compacted(const ClvTriple *t, int n)
{
	return sorted_run((const char *) t, n, sizeof(ClvTriple), cmp_triple) == n;
}

bool
clv_pairs_compacted(const ClvPair *p, int n)
{
	return sorted_run((const char *) p, n, sizeof(ClvPair), cmp_pair) == n;
}

#undef EL

int
clv_compact_triples(ClvTriple *t, int n)
{
	return compact((char *) t, n, sizeof(ClvTriple), offsetof(ClvTriple, w),
				   cmp_triple, sort_triples_bytes);
}

int
clv_compact_pairs(ClvPair *p, int n)
{
	return compact((char *) p, n, sizeof(ClvPair), offsetof(ClvPair, w),
				   cmp_pair, sort_pairs_bytes);
}

/* ---------- likelihoods ---------- */

/*
 * Observations prepared for many likelihood evaluations: ClvObs
 * (clv_kind.h).  log(monetary) does not depend on the parameters at all.
 */
typedef ClvObs BgData;

typedef struct GgData
{
	const ClvPair *p;
	int			n;
	double	   *logm;			/* log(m) of each observation */
} GgData;

/* Sort doubles, interruptibly (qsort is not: a million customers). */
#define ST_SORT sort_doubles
#define ST_CHECK_FOR_INTERRUPTS
#define ST_ELEMENT_TYPE double
#define ST_COMPARE(a, b) (*(a) < *(b) ? -1 : *(a) > *(b) ? 1 : 0)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* Index of value v in the sorted distinct values u[0..nu). */
static int32
value_index(const double *u, int nu, double v)
{
	int			lo = 0,
				hi = nu - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (u[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	Assert(u[lo] == v);
	return lo;
}

int
clv_obs_index(const ClvTriple *t, int n, double **values, int32 **itx, int32 **iT)
{
	double	   *u = palloc(sizeof(double) * 2 * Max(n, 1));
	int			i,
				k = 0;

	for (i = 0; i < n; i++)
	{
		u[2 * i] = t[i].tx;
		u[2 * i + 1] = t[i].T;
	}
	sort_doubles(u, 2 * n);
	for (i = 0; i < 2 * n; i++)
		if (k == 0 || u[i] != u[k - 1])
			u[k++] = u[i];
	*itx = palloc(sizeof(int32) * Max(n, 1));
	*iT = palloc(sizeof(int32) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
		(*itx)[i] = value_index(u, k, t[i].tx);
		(*iT)[i] = value_index(u, k, t[i].T);
	}
	*values = u;
	return k;
}

void *
clv_obs_prepare(const ClvTriple *t, int n)
{
	ClvObs	   *d = palloc0(sizeof(ClvObs));
	int			k;

	d->t = t;
	d->n = n;
	k = d->nu = clv_obs_index(t, n, &d->u, &d->itx, &d->iT);
	d->lu = palloc(sizeof(double) * Max(k, 1));
	d->iu = palloc(sizeof(double) * Max(k, 1));
	d->lu2 = palloc(sizeof(double) * Max(k, 1));
	d->iu2 = palloc(sizeof(double) * Max(k, 1));
	return d;
}

/*
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) summed over the
 * weighted observations, param = (r, alpha, a, b).  The terms that depend
 * on x only (the lgammas) are recomputed only when x changes, which with
 * sorted observations is once per distinct frequency.
 */
static double
bgnbd_ll(const double *param, const BgData *d)
{
	double		r = param[0],
				alpha = param[1],
				a = param[2],
				b = param[3];
	double		lg_r = lgamma(r),
				lg_b = lgamma(b),
				lg_ab = lgamma(a + b),
				log_a = log(a),
				log_alpha = log(alpha);
	double		sum = 0.0,
				cx = 0.0,
				c4 = 0.0;
	int32		prev_x = -1;
	int			i;

	for (i = 0; i < d->nu; i++)
	{
		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		d->lu[i] = log(alpha + d->u[i]);
	}
	for (i = 0; i < d->n; i++)
	{
		const ClvTriple *t = &d->t[i];
		double		x = t->x,
					a3,
					ll;

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (t->x != prev_x)
		{
			prev_x = t->x;
			cx = lgamma(r + x) - lg_r + r * log_alpha
				+ lg_ab + lgamma(b + x) - lg_b - lgamma(a + b + x);
			/* log(a / (b + x - 1)), only meaningful for x > 0 */
			c4 = x > 0 ? log_a - log(b + x - 1.0) : 0.0;
		}
		a3 = -(r + x) * d->lu[d->iT[i]];
		if (t->x > 0)
			ll = cx + clv_logaddexp(a3, c4 - (r + x) * d->lu[d->itx[i]]);
		else
			ll = cx + a3;
		sum += (double) t->w * ll;
	}
	return sum;
}

static void
gg_prepare(GgData *d, const ClvPair *p, int n)
{
	int			i;

	d->p = p;
	d->n = n;
	d->logm = palloc(sizeof(double) * Max(n, 1));
	for (i = 0; i < n; i++)
		d->logm[i] = log(p[i].m);
}

/*
 * Gamma-Gamma log-likelihood of the mean repeat-purchase values (Fader &
 * Hardie 2013, "The Gamma-Gamma model of monetary value", eq. 3 with the
 * change of variable to the mean), param = (p, q, v).
 */
static double
gg_ll(const double *param, const GgData *d)
{
	double		p = param[0],
				q = param[1],
				v = param[2];
	double		base = -lgamma(q) + q * log(v);
	double		sum = 0.0,
				cx = 0.0;
	int32		prev_x = -1;
	int			i;

	for (i = 0; i < d->n; i++)
	{
		const ClvPair *pr = &d->p[i];
		double		x = pr->x,
					px = p * x;

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (pr->x != prev_x)
		{
			prev_x = pr->x;
			cx = lgamma(px + q) - lgamma(px) + px * log(x) + base;
		}
		sum += (double) pr->w *
			(cx + (px - 1.0) * d->logm[i] - (px + q) * log(x * pr->m + v));
	}
	return sum;
}

/*
 * Digamma psi(x), x > 0: the recurrence psi(x) = psi(x + 1) - 1/x up to
 * x >= 10, then the asymptotic series (its first omitted term is below
 * 5e-17 there).
 */
static double
digamma(double x)
{
	double		r = 0.0,
				f;

	while (x < 10.0)
	{
		r -= 1.0 / x;
		x += 1.0;
	}
	f = 1.0 / (x * x);
	return r + log(x) - 0.5 / x
		- f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * (691.0 / 32760 - f / 12.0))))));
}

double
clv_digamma(double x)
{
	return digamma(x);
}

/*
 * The BG/NBD log-likelihood of bgnbd_ll and its gradient g (with respect
 * to r, alpha, a, b), in one pass.  With w3 and w4 = 1 - w3 the shares of
 * the two terms of the log-sum-exp (the customer is alive at T; it dropped
 * out after tx), per customer
 *   dLL/dr     = psi(r+x) - psi(r) + log alpha - w3 log(alpha+T) - w4 log(alpha+tx)
 *   dLL/dalpha = r/alpha - (r+x) (w3/(alpha+T) + w4/(alpha+tx))
 *   dLL/da     = psi(a+b) - psi(a+b+x) + w4/a
 *   dLL/db     = psi(a+b) + psi(b+x) - psi(b) - psi(a+b+x) - w4/(b+x-1)
 * (w4 = 0 when x = 0).  The observations are sorted by x, so the weighted
 * sums of w3, w4 and their products are gathered per distinct x and the
 * terms that depend on x only (the lgammas and digammas) are computed once
 * per distinct x.
 */
static double
bgnbd_ll_grad(const double *param, const BgData *d, double *g)
{
	double		r = param[0],
				alpha = param[1],
				a = param[2],
				b = param[3];
	double		lg_r = lgamma(r),
				lg_b = lgamma(b),
				lg_ab = lgamma(a + b),
				log_a = log(a),
				log_alpha = log(alpha),
				psi_r = digamma(r),
				psi_b = digamma(b),
				psi_ab = digamma(a + b);
	double		sum = 0.0,
				gr = 0.0,
				galpha = 0.0,
				ga = 0.0,
				gb = 0.0;
	int			i = 0;

	for (i = 0; i < d->nu; i++)
	{
		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		d->lu[i] = log(alpha + d->u[i]);
		d->iu[i] = 1.0 / (alpha + d->u[i]);
	}
	i = 0;
	while (i < d->n)
	{
		int32		xi = d->t[i].x;
		double		x = xi,
					rx = r + x,
					cx,
					c4,
					sw = 0.0,	/* sum of w */
					sll = 0.0,	/* sum of w * log-sum-exp */
					s4 = 0.0,	/* sum of w * w4 */
					slog = 0.0, /* sum of w * (w3 log(alpha+T) + w4 log(alpha+tx)) */
					sinv = 0.0; /* sum of w * (w3 / (alpha+T) + w4 / (alpha+tx)) */
		double		psi_abx = digamma(a + b + x);

		cx = lgamma(rx) - lg_r + r * log_alpha
			+ lg_ab + lgamma(b + x) - lg_b - lgamma(a + b + x);
		c4 = xi > 0 ? log_a - log(b + x - 1.0) : 0.0;
		for (; i < d->n && d->t[i].x == xi; i++)
		{
			const ClvTriple *t = &d->t[i];
			double		w = (double) t->w;
			int32		kT = d->iT[i];

			if ((i & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			sw += w;
			if (xi > 0)
			{
				int32		ktx = d->itx[i];
				double		a3 = -rx * d->lu[kT],
							a4 = c4 - rx * d->lu[ktx],
							dd = a4 - a3,
							e,
							w3,
							w4;

				if (dd > 0)
				{
					e = exp(-dd);
					sll += w * (a4 + log1p(e));
					w4 = 1.0 / (1.0 + e);
					w3 = e * w4;
				}
				else
				{
					e = exp(dd);
					sll += w * (a3 + log1p(e));
					w3 = 1.0 / (1.0 + e);
					w4 = e * w3;
				}
				s4 += w * w4;
				slog += w * (w3 * d->lu[kT] + w4 * d->lu[ktx]);
				sinv += w * (w3 * d->iu[kT] + w4 * d->iu[ktx]);
			}
			else
			{
				sll += w * (-rx * d->lu[kT]);
				slog += w * d->lu[kT];
				sinv += w * d->iu[kT];
			}
		}
		sum += sw * cx + sll;
		gr += sw * (digamma(rx) - psi_r + log_alpha) - slog;
		galpha += sw * r / alpha - rx * sinv;
		ga += sw * (psi_ab - psi_abx);
		gb += sw * (psi_ab + digamma(b + x) - psi_b - psi_abx);
		if (xi > 0)
		{
			ga += s4 / a;
			gb -= s4 / (b + x - 1.0);
		}
	}
	g[0] = gr;
	g[1] = galpha;
	g[2] = ga;
	g[3] = gb;
	return sum;
}

/*
 * The Gamma-Gamma log-likelihood of gg_ll and its gradient g (with respect
 * to p, q, v): per observation, with L = log(x m + v),
 *   dLL/dp = x (psi(px+q) - psi(px) + log x + log m - L)
 *   dLL/dq = psi(px+q) - psi(q) + log v - L
 *   dLL/dv = q/v - (px+q) / (x m + v)
 */
static double
gg_ll_grad(const double *param, const GgData *d, double *g)
{
	double		p = param[0],
				q = param[1],
				v = param[2];
	double		log_v = log(v),
				base = -lgamma(q) + q * log_v,
				psi_q = digamma(q);
	double		sum = 0.0,
				gp = 0.0,
				gq = 0.0,
				gv = 0.0;
	int			i = 0;

	while (i < d->n)
	{
		int32		xi = d->p[i].x;
		double		x = xi,
					px = p * x,
					log_x = log(x),
					cx = lgamma(px + q) - lgamma(px) + px * log_x + base,
					psi_pxq = digamma(px + q),
					psi_px = digamma(px),
					sw = 0.0,	/* sum of w */
					slm = 0.0,	/* sum of w log m */
					sL = 0.0,	/* sum of w L */
					sinv = 0.0; /* sum of w / (x m + v) */

		for (; i < d->n && d->p[i].x == xi; i++)
		{
			const ClvPair *pr = &d->p[i];
			double		w = (double) pr->w,
						xm = x * pr->m + v,
						L = log(xm);

			if ((i & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			sw += w;
			slm += w * d->logm[i];
			sL += w * L;
			sinv += w / xm;
		}
		sum += sw * cx + (px - 1.0) * slm - (px + q) * sL;
		gp += x * (sw * (psi_pxq - psi_px + log_x) + slm - sL);
		gq += sw * (psi_pxq - psi_q + log_v) - sL;
		gv += sw * q / v - (px + q) * sinv;
	}
	g[0] = gp;
	g[1] = gq;
	g[2] = gv;
	return sum;
}

/* ---------- the optimiser ---------- */

static double
bgnbd_objective(const double *lp, const void *data, double *grad)
{
	double		p[4] = {0},
				g[4],
				f;
	int			i;

	for (i = 0; i < 4; i++)
		p[i] = exp(lp[i]);
	if (grad == NULL)
		return -bgnbd_ll(p, data);
	f = -bgnbd_ll_grad(p, data, g);
	/* d/d log(theta) = theta d/d theta */
	for (i = 0; i < 4; i++)
		grad[i] = -g[i] * p[i];
	return f;
}

static double
gg_objective(const double *lp, const void *data, double *grad)
{
	double		p[3] = {0},
				g[3],
				f;
	int			i;

	for (i = 0; i < 3; i++)
		p[i] = exp(lp[i]);
	if (grad == NULL)
		return -gg_ll(p, data);
	f = -gg_ll_grad(p, data, g);
	for (i = 0; i < 3; i++)
		grad[i] = -g[i] * p[i];
	return f;
}

/*
 * Test hook (clv_fit_gradient_check, declared only by the tests): the
 * largest gradient discrepancy of either model at the parameters m;
 * Gamma-Gamma only when np > 0.
 */
double
clv_gradient_check(const ClvTriple *t, int nt, const ClvPair *p, int np,
				   const ClvParams *m)
{
	BgData	   *bd = clv_obs_prepare(t, nt);
	GgData		gd;
	int			evals = 0,
				i;
	Objective	ob = {bgnbd_objective, bd, nt, 0.0, 4, &evals};
	Objective	og = {gg_objective, &gd, np, 0.0, 3, &evals};
	double		lb[4] = {log(m->r), log(m->alpha), log(m->a), log(m->b)},
				lg[4] = {log(m->p), log(m->q), log(m->v), 0.0},	/* [3] unused (dim 3) */
				worst;

	for (i = 0; i < nt; i++)
		ob.weight += (double) t[i].w;
	worst = clv_gradient_discrepancy(&ob, lb);
	if (np > 0)
	{
		gg_prepare(&gd, p, np);
		for (i = 0; i < np; i++)
			og.weight += (double) p[i].w;
		worst = Max(worst, clv_gradient_discrepancy(&og, lg));
	}
	return worst;
}

/*
 * The BG/NBD likelihood as a model kind's: with grad, bgnbd_ll_grad (the
 * gradient pass), else the cheaper bgnbd_ll.
 */
static double
bgnbd_loglik(const double *theta, const void *data, double *grad)
{
	if (grad == NULL)
		return bgnbd_ll(theta, data);
	return bgnbd_ll_grad(theta, data, grad);
}

/*
 * Start where a Poisson rate r/alpha matches the mean purchase rate, with
 * r = 1 and a Beta(1, 1) dropout: the scale of alpha follows the time
 * unit, so the same start works for days, weeks or months.  MBG/NBD
 * starts there too.
 */
void
clv_bgnbd_start(const ClvTriple *t, int n, double *theta)
{
	double		w = 0.0,
				sx = 0.0,
				sT = 0.0;
	int			i;

	for (i = 0; i < n; i++)
	{
		w += (double) t[i].w;
		sx += (double) t[i].w * t[i].x;
		sT += (double) t[i].w * t[i].T;
	}
	theta[0] = 1.0;
	theta[1] = (sT / w) / (sx / w + 1.0);
	theta[2] = 1.0;
	theta[3] = 1.0;
}

/* The Gamma-Gamma likelihood as a ClvLoglikFn (for its standard errors). */
static double
gg_loglik(const double *theta, const void *data, double *grad)
{
	if (grad == NULL)
		return gg_ll(theta, data);
	return gg_ll_grad(theta, data, grad);
}

ClvFitResult
clv_fit_gg(const ClvPair *p, int n)
{
	ClvFitResult res;
	GgData		d;
	int			evals = 0;
	Objective	o = {gg_objective, &d, n, 0.0, 3, &evals};
	double		sm = 0.0,
				x[3];
	int			i;

	gg_prepare(&d, p, n);
	for (i = 0; i < n; i++)
	{
		o.weight += (double) p[i].w;
		sm += (double) p[i].w * p[i].m;
	}
	/* p = 1, q = 2: the population mean spend p v / (q - 1) is v */
	x[0] = 0.0;
	x[1] = log(2.0);
	x[2] = log(sm / o.weight);
	res = clv_minimise(&o, x, "Gamma-Gamma");
	res.has_se = isfinite(res.ll) &&
		clv_standard_errors(gg_loglik, &d, 3, res.param, res.se);
	return res;
}

/* ---------- predictions ---------- */

/* BG/NBD P(alive), theta = (r, alpha, a, b). */
static double
bgnbd_p_alive(const double *theta, double x, double tx, double T)
{
	double		d;

	if (x <= 0)
		return 1.0;
	/* P(alive) = 1 / (1 + exp(d)), d = log of the "dropped out" odds */
	d = log(theta[2]) - log(theta[3] + x - 1.0)
		+ (theta[0] + x) * (log(theta[1] + T) - log(theta[1] + tx));
	if (d > 0)
		return exp(-d) / (1.0 + exp(-d));
	return 1.0 / (1.0 + exp(d));
}

/*
 * The number of terms the series of 2F1(A, B; C; z), 0 <= z < 1, needs:
 * the terms grow while their ratio (A+k)(B+k)z / ((C+k)(k+1)) is above one,
 * up to the larger root k* of (1-z)k^2 + (C+1 - z(A+B))k + (C - zAB) = 0,
 * then shrink at a rate that tends to z, so that about 40 / (1 - z) more
 * reach 1e-17 of the sum (with k^(A+B-C-1) slowing the decay near z = 1).
 * An estimate to choose between forms and refuse hopeless ones, not a bound
 * the summation relies on.
 */
static double
hyp2f1_cost(double A, double B, double C, double z)
{
	double		qa = 1.0 - z,
				qb = C + 1.0 - z * (A + B),
				qc = C - z * A * B,
				disc = qb * qb - 4.0 * qa * qc,
				peak = 0.0,
				tail = 40.0 / qa;

	if (disc >= 0.0)
		peak = Max(0.0, (-qb + sqrt(disc)) / (2.0 * qa));
	if (A + B - C - 1.0 > 0.0)
		tail += (A + B - C - 1.0) / qa;
	/* the summation also runs past max(|A|, |B|), see hyp2f1_log */
	return Max(peak, Max(fabs(A), fabs(B)) + 2.0) + tail;
}

/*
 * log 2F1(A, B; C; z), 0 <= z < 1, C > 0, by its series summed until the
 * terms are negligible and decreasing.  The terms after the first are
 * summed apart (so that log1p keeps a sum close to 1 exact), and rescaled
 * when they grow large (a heavy buyer's terms pass 1e308 on the way up).
 * The caller chose a form whose cost (hyp2f1_cost) is bounded.
 */
static double
hyp2f1_log(double A, double B, double C, double z)
{
	double		term = 1.0,
				rest = 0.0,
				one = 1.0,
				logscale = 0.0,
				kmin;
	long		k;

	/* beyond kmin the term ratio is below one in magnitude */
	kmin = Max(fabs(A), fabs(B)) + 2.0;
	if (A + B - C - 1.0 > 0)
		kmin = Max(kmin, (A + B - C - 1.0) / (1.0 - z) + 2.0);
	for (k = 0; k < HYP_MAXTERMS; k++)
	{
		if ((k & 65535) == 65535)
			CHECK_FOR_INTERRUPTS();
		term *= (A + k) * (B + k) / ((C + k) * (k + 1.0)) * z;
		rest += term;
		if (fabs(rest) > 1e280)
		{
			term *= 1e-280;
			rest *= 1e-280;
			one *= 1e-280;
			logscale += 280.0 * M_LN10;
		}
		/*
		 * negligible against the terms' own sum, not only against 1: with
		 * r + x tiny, log G is tiny and all of it comes from them
		 */
		if (term == 0.0 ||
			(k > kmin && fabs(term) <= 1e-17 * Min(fabs(rest), fabs(one + rest))))
			break;
	}
	if (k >= HYP_MAXTERMS)
		elog(ERROR, "hypergeometric series did not converge in %ld terms", k);
	if (one + rest <= 0.0)
		elog(ERROR, "hypergeometric series is not positive: %g", one + rest);
	if (logscale == 0.0)
		return log1p(rest);
	return log(one + rest) + logscale;
}

/*
 * E[Y(t) | x, tx, T] for a != 1:
 *   (a+b+x-1)/(a-1) * (1 - G) * P(alive),
 *   G = ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)
 *     = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)     (Euler)
 * with z = t / (alpha+T+t).  The two forms cost very different numbers of
 * terms: the first is slow for a heavy buyer far into the future (large x,
 * z near 1), the second for a large a (a = 1e12 would need 1e11 terms).
 * The cheaper one is summed; the first, whose terms are all positive, when
 * they cost about the same.  1 - G = -expm1(log G) keeps small horizons
 * exact.  b is passed apart from theta: MBG/NBD's expectation is this one
 * with b + 1 (and its own P(alive)).
 */
static double
expected_purchases_a(const double *theta, double a, double b, double t,
					 double x, double T, double p_alive)
{
	double		r = theta[0],
				alpha = theta[1];

	/* log(1 - z) = log((alpha+T) / (alpha+T+t)), exact for a short t */
	double		log1mz = -log1p(t / (alpha + T));
	double		z = t / (alpha + T + t);
	double		C = a + b + x - 1.0;
	double		cost_direct = hyp2f1_cost(r + x, b + x, C, z),
				cost_euler = hyp2f1_cost(a + b - 1.0 - r, a - 1.0, C, z),
				log_g,
				one_minus_g,
				result;

	if (Min(cost_direct, cost_euler) > HYP_MAXCOST)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("clv prediction horizon is too long for this model: t / (alpha + age + t) = 1 - %.3g",
						1.0 - z),
				 errhint("Use a horizon that is not many orders of magnitude longer than the customer's age.")));
	if (cost_direct <= 2.0 * cost_euler)
		log_g = (r + x) * log1mz + hyp2f1_log(r + x, b + x, C, z);
	else
		log_g = (a - 1.0) * log1mz +
			hyp2f1_log(a + b - 1.0 - r, a - 1.0, C, z);
	one_minus_g = -expm1(log_g);
	result = C / (a - 1.0) * one_minus_g * p_alive;
	/* never negative (a last-bit rounding near 0) */
	return Max(result, 0.0);
}

/*
 * E[Y(t) | x, tx, T] of the BG/NBD form with parameter b (b + 1 for
 * MBG/NBD) and the P(alive) given.  At a = 1 the formula is 0/0; its limit
 * is the mean of the values just either side (the cancellation there
 * costs about 1e-10 relative); the P(alive) of a differs from theirs by
 * about 1e-6 relative only.
 */
double
clv_bg_expected_purchases(const double *theta, double b, double t,
						  double x, double T, double p_alive)
{
	if (t <= 0.0)
		return 0.0;
	if (fabs(theta[2] - 1.0) < 1e-6)
		return 0.5 * (expected_purchases_a(theta, 1.0 - 1e-6, b, t, x, T, p_alive) +
					  expected_purchases_a(theta, 1.0 + 1e-6, b, t, x, T, p_alive));
	return expected_purchases_a(theta, theta[2], b, t, x, T, p_alive);
}

static double
bgnbd_expected_purchases(const double *theta, double t,
						 double x, double tx, double T)
{
	if (t <= 0.0)
		return 0.0;
	return clv_bg_expected_purchases(theta, theta[3], t, x, T,
									 bgnbd_p_alive(theta, x, tx, T));
}

/* E[X(t)] of a new customer: the conditional one at x = tx = T = 0. */
static double
bgnbd_expected_purchases_new(const double *theta, double t)
{
	return bgnbd_expected_purchases(theta, t, 0.0, 0.0, 0.0);
}

/*
 * Gamma-Gamma conditional expected order value; false when it does not
 * exist (the model's mean spend is infinite).
 */
bool
clv_expected_value_calc(const ClvParams *m, double x, double mon, double *result)
{
	double		den = m->p * x + m->q - 1.0;

	if (x <= 0)
	{
		if (m->q <= 1.0)
			return false;
		*result = m->p * m->v / (m->q - 1.0);
		return true;
	}
	if (den <= 0.0)
		return false;
	*result = m->p * (m->v + x * mon) / den;
	return true;
}

/*
 * P(X(t) = n) for a new customer under BG/NBD (Fader, Hardie & Lee 2005,
 * eq. 8), with q = alpha/(alpha+t) and the NBD terms
 * g(j) = Gamma(r+j) / (Gamma(r) j!) q^r (1-q)^j:
 *   B(a, b+n)/B(a, b) g(n)
 *   + [n > 0] B(a+1, b+n-1)/B(a, b) P(NBD >= n),
 * P(NBD >= n) = 1 - sum_{j<n} g(j) while that sum is below one half, else
 * the tail sum_{j>=n} g(j) itself (no cancellation for a small tail).  In
 * log space throughout; the work is bounded (22003 beyond 2e7 terms).
 */
static double
nbd_log_term(double r, double lq, double l1q, double j)
{
	return lgamma(r + j) - lgamma(r) - lgamma(j + 1.0) + r * lq + j * l1q;
}

/* theta = (r, alpha, a, .), b apart: MBG/NBD's is this one with b + 1. */
double
clv_bg_purchase_probability(const double *theta, double b, double t, int n)
{
	double		r = theta[0],
				alpha = theta[1],
				a = theta[2];
	double		lq,
				l1q,
				lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b),
				first,
				tail = 0.0,
				cum = 0.0;
	int			j;

	if (t <= 0.0)
		return n == 0 ? 1.0 : 0.0;
	lq = -log1p(t / alpha);	/* log(alpha / (alpha + t)) */
	l1q = log(t / (alpha + t));
	first = exp(lgamma(a) + lgamma(b + n) - lgamma(a + b + n) - lbeta_ab +
				nbd_log_term(r, lq, l1q, n));
	if (n == 0)
		return first;
	for (j = 0; j < n && cum <= 0.5; j++)
	{
		if ((j & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
		cum += exp(nbd_log_term(r, lq, l1q, j));
	}
	if (cum <= 0.5)
		tail = 1.0 - cum;
	else
	{
		/* the terms from n on fall at a ratio tending to 1 - q */
		double		mode = Max(0.0, (r - 1.0) * exp(l1q - lq));
		long		k;

		for (k = n; k < (long) HYP_MAXCOST + n; k++)
		{
			double		term = exp(nbd_log_term(r, lq, l1q, (double) k));

			if ((k & 0xFFFF) == 0xFFFF)
				CHECK_FOR_INTERRUPTS();
			tail += term;
			if (term <= 1e-17 * tail && k > mode)
				break;
		}
		if (k >= (long) HYP_MAXCOST + n)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("clv_purchase_probability: t = %g is too long for this model", t),
					 errhint("Use a horizon that is not many orders of magnitude longer than alpha.")));
	}
	tail = Min(Max(tail, 0.0), 1.0);
	return first + exp(lgamma(a + 1.0) + lgamma(b + n - 1.0) -
					   lgamma(a + b + n) - lbeta_ab) * tail;
}

static double
bgnbd_purchase_probability(const double *theta, double t, int n)
{
	return clv_bg_purchase_probability(theta, theta[3], t, n);
}

const ClvModelKind clv_kind_bgnbd = {
	"bgnbd", "BG/NBD", "ll_bgnbd", 4, {"r", "alpha", "a", "b"},
	clv_obs_prepare, bgnbd_loglik, clv_bgnbd_start,
	bgnbd_p_alive, bgnbd_expected_purchases, bgnbd_expected_purchases_new,
	bgnbd_purchase_probability
};
