/*-------------------------------------------------------------------------
 *
 * clv.h
 *	  The numerical core of the predictive customer lifetime value: the
 *	  BG/NBD model of purchase counts (Fader, Hardie & Lee 2005) and the
 *	  Gamma-Gamma model of spend (Fader & Hardie 2013), their likelihoods,
 *	  the maximum-likelihood fit and the per-customer predictions.
 *
 * clv_math.c holds the numbers, clv_optimise.c the minimiser; the purchase
 * models clv_fit can choose (BG/NBD, MBG/NBD, Pareto/NBD) are tables of
 * function pointers (clv_kind.h, clv_kind.c, clv_mbgnbd.c); the SQL
 * types and functions are in clv_common.c, clv_summary.c, clv_fit.c,
 * clv_model.c and clv_orders.c (clv_internal.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_CLV_H
#define RETENTION_CLV_H

#include "postgres.h"

/*
 * One weighted BG/NBD observation: w customers with frequency x, recency tx
 * and age T (all in the model's time unit).
 */
typedef struct ClvTriple
{
	int32		x;
	int32		pad;			/* zero */
	double		tx;
	double		T;
	int64		w;
} ClvTriple;

/* One weighted Gamma-Gamma observation: w customers with x repeat
 * purchases of mean value m. */
typedef struct ClvPair
{
	int32		x;
	int32		pad;			/* zero */
	double		m;
	int64		w;
} ClvPair;

/* The parameters of both models. */
typedef struct ClvParams
{
	double		r,
				alpha,
				a,
				b,
				p,
				q,
				v;
} ClvParams;

/* Result of one fit: parameters, log-likelihood, whether it converged. */
typedef struct ClvFitResult
{
	double		param[4];
	double		ll;
	bool		converged;
	bool		has_se;			/* se holds the standard errors */
	double		se[4];
} ClvFitResult;

/* Order and deduplicate (summing weights); return the new count. */
extern int	clv_compact_triples(ClvTriple *t, int n);
extern int	clv_compact_pairs(ClvPair *p, int n);
/* Already so: strictly increasing, no two equal. */
extern bool clv_triples_compacted(const ClvTriple *t, int n);
extern bool clv_pairs_compacted(const ClvPair *p, int n);

/* The Gamma-Gamma fit; p must be compacted (sorted). */
extern ClvFitResult clv_fit_gg(const ClvPair *p, int n);

/* Test hook: analytic gradients against central differences. */
extern double clv_gradient_check(const ClvTriple *t, int nt, const ClvPair *p,
								 int np, const ClvParams *m);

/* Per-customer predictions. */
extern bool clv_expected_value_calc(const ClvParams *m, double x, double mon,
									double *result);

/* ---------- clv_optimise.c ---------- */

/*
 * An objective: the negative log-likelihood at log-parameters lp; with grad
 * not NULL also its gradient with respect to lp.
 */
typedef double (*ObjectiveFn) (const double *lp, const void *data, double *grad);

typedef struct Objective
{
	ObjectiveFn fn;
	const void *data;
	int			nobs;
	double		weight;			/* total weight: the objective is a mean */
	int			dim;
	int		   *evals;			/* likelihood evaluations so far */
} Objective;

/* Minimise from start x (log-parameters); the result holds the parameters. */
extern ClvFitResult clv_minimise(const Objective *o, double *x, const char *model);
/* Largest relative gap between the analytic gradient and central differences. */
extern double clv_gradient_discrepancy(const Objective *o, const double *lp);

#endif							/* RETENTION_CLV_H */
