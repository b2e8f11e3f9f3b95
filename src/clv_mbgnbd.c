/*-------------------------------------------------------------------------
 *
 * clv_mbgnbd.c
 *	  The modified BG/NBD model (Batislam, Denizel & Filiztekin 2007;
 *	  BTYDplus' mbgcnbd with k = 1): BG/NBD where a customer can also drop
 *	  out right after the first purchase, so that a one-time buyer is not
 *	  alive for sure.  Likelihood with its gradient, P(alive), conditional
 *	  and unconditional expected purchases, P(X(t) = n).
 *
 * With p the dropout probability after each purchase (the first one
 * included), Beta(a, b), and the purchase rate lambda, Gamma(r, alpha):
 *   L(x, tx, T) = Gamma(r+x) alpha^r / Gamma(r) *
 *     [ B(a, b+x+1)/B(a, b) (alpha+T)^-(r+x)        (alive at T)
 *     + B(a+1, b+x)/B(a, b) (alpha+tx)^-(r+x) ]     (dropped out at tx)
 * The predictions are BG/NBD's with b + 1 in place of b, scaled by
 * E[1 - p] where a new customer is concerned (clv_kind.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"

#include "clv.h"
#include "clv_kind.h"

/*
 * Log-likelihood over prepared observations (ClvObs, sorted by x), and
 * with g its gradient.  Per customer, with L_T = log(alpha+T),
 * L_tx = log(alpha+tx), the common part
 *   c(x) = lgamma(r+x) - lgamma(r) + r log alpha + lgamma(a+b) - lgamma(b)
 *          + lgamma(b+x) - lgamma(a+b+x+1)
 * and the two terms  A3 = log(b+x) - (r+x) L_T,  A4 = log a - (r+x) L_tx,
 * LL = c(x) + log(exp A3 + exp A4).  With w3, w4 = 1 - w3 their shares:
 *   dLL/dr     = psi(r+x) - psi(r) + log alpha - w3 L_T - w4 L_tx
 *   dLL/dalpha = r/alpha - (r+x) (w3/(alpha+T) + w4/(alpha+tx))
 *   dLL/da     = psi(a+b) - psi(a+b+x+1) + w4/a
 *   dLL/db     = psi(a+b) - psi(b) + psi(b+x) - psi(a+b+x+1) + w3/(b+x)
 * The x-only terms are computed once per distinct x.
 */
static double
mbgnbd_loglik(const double *theta, const void *data, double *g)
{
	const ClvObs *d = data;
	double		r = theta[0],
				alpha = theta[1],
				a = theta[2],
				b = theta[3];
	double		lg_r = lgamma(r),
				lg_b = lgamma(b),
				lg_ab = lgamma(a + b),
				log_a = log(a),
				log_alpha = log(alpha),
				psi_r = 0.0,
				psi_b = 0.0,
				psi_ab = 0.0;
	double		sum = 0.0,
				gr = 0.0,
				galpha = 0.0,
				ga = 0.0,
				gb = 0.0;
	int			i;

	if (g)
	{
		psi_r = clv_digamma(r);
		psi_b = clv_digamma(b);
		psi_ab = clv_digamma(a + b);
	}
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
					log_bx = log(b + x),
					cx,
					sw = 0.0,	/* sum of w */
					sll = 0.0,	/* sum of w * log-sum-exp */
					s3 = 0.0,	/* sum of w * w3 */
					slog = 0.0, /* sum of w * (w3 L_T + w4 L_tx) */
					sinv = 0.0; /* sum of w * (w3 / (alpha+T) + w4 / (alpha+tx)) */

		cx = lgamma(rx) - lg_r + r * log_alpha + lg_ab - lg_b
			+ lgamma(b + x) - lgamma(a + b + x + 1.0);
		for (; i < d->n && d->t[i].x == xi; i++)
		{
			double		w = (double) d->t[i].w;
			int32		kT = d->iT[i],
						ktx = d->itx[i];
			double		a3 = log_bx - rx * d->lu[kT],
						a4 = log_a - rx * d->lu[ktx],
						dd = a4 - a3,
						e,
						w3,
						w4;

			if ((i & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			sw += w;
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
			s3 += w * w3;
			slog += w * (w3 * d->lu[kT] + w4 * d->lu[ktx]);
			sinv += w * (w3 * d->iu[kT] + w4 * d->iu[ktx]);
		}
		sum += sw * cx + sll;
		if (g)
		{
			double		psi_abx1 = clv_digamma(a + b + x + 1.0);

			gr += sw * (clv_digamma(rx) - psi_r + log_alpha) - slog;
			galpha += sw * r / alpha - rx * sinv;
			ga += sw * (psi_ab - psi_abx1) + (sw - s3) / a;
			gb += sw * (psi_ab - psi_b + clv_digamma(b + x) - psi_abx1) + s3 / (b + x);
		}
	}
	if (g)
	{
		g[0] = gr;
		g[1] = galpha;
		g[2] = ga;
		g[3] = gb;
	}
	return sum;
}

/*
 * P(alive at T | x, tx, T) = 1 / (1 + a/(b+x) ((alpha+T)/(alpha+tx))^(r+x)),
 * for x = 0 too: a one-time buyer may have dropped out after the first
 * purchase.
 */
static double
mbgnbd_p_alive(const double *theta, double x, double tx, double T)
{
	double		d = log(theta[2]) - log(theta[3] + x)
		+ (theta[0] + x) * (log(theta[1] + T) - log(theta[1] + tx));

	if (d > 0)
		return exp(-d) / (1.0 + exp(-d));
	return 1.0 / (1.0 + exp(d));
}

/*
 * E[Y(t) | x, tx, T] = (a+b+x)/(a-1)
 *   [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] P(alive),
 * z = t/(alpha+T+t) (Batislam et al. 2007): BG/NBD's form with b + 1.
 */
static double
mbgnbd_expected_purchases(const double *theta, double t,
						  double x, double tx, double T)
{
	if (t <= 0.0)
		return 0.0;
	return clv_bg_expected_purchases(theta, theta[3] + 1.0, t, x, T,
									 mbgnbd_p_alive(theta, x, tx, T));
}

/*
 * E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]:
 * the conditional form at x = tx = T = 0, whose P(alive) is b/(a+b).
 */
static double
mbgnbd_expected_purchases_new(const double *theta, double t)
{
	return mbgnbd_expected_purchases(theta, t, 0.0, 0.0, 0.0);
}

/*
 * P(X(t) = n): given p, the customer survives time 0 with 1 - p and then
 * behaves as under BG/NBD with (1 - p) weighting every path, so
 *   P(X(t) = n) = E[(1-p)^(n+1)] g(n) + [n > 0] E[p (1-p)^n] P(NBD >= n)
 *                 + [n = 0] E[p]
 *               = b/(a+b) P_BG(n; a, b+1) + [n = 0] a/(a+b).
 */
static double
mbgnbd_purchase_probability(const double *theta, double t, int n)
{
	double		a = theta[2],
				b = theta[3];
	double		p = b / (a + b) *
		clv_bg_purchase_probability(theta, b + 1.0, t, n);

	if (n == 0)
		p += a / (a + b);
	return Min(p, 1.0);
}

const ClvModelKind clv_kind_mbgnbd = {
	"mbgnbd", "MBG/NBD", "ll_mbgnbd", 4, {"r", "alpha", "a", "b"},
	clv_obs_prepare, mbgnbd_loglik, clv_bgnbd_start,
	mbgnbd_p_alive, mbgnbd_expected_purchases, mbgnbd_expected_purchases_new,
	mbgnbd_purchase_probability
};
