/*-------------------------------------------------------------------------
 *
 * clv_pareto.h
 *	  The Pareto/NBD model of purchase counts (Schmittlein, Morrison &
 *	  Colombo 1987; Fader, Hardie & Lee 2005, "A note on deriving the
 *	  Pareto/NBD model and related expressions"): its log-likelihood and
 *	  gradient, the maximum-likelihood fit and the per-customer predictions.
 *	  Implemented in clv_pareto.c.  theta = (r, alpha, s, beta): purchase
 *	  rates Gamma(r, alpha), dropout rates Gamma(s, beta).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_CLV_PARETO_H
#define RETENTION_CLV_PARETO_H

#include "clv.h"

/* Observations (compacted) prepared for clv_pareto_loglik. */
extern void *clv_pareto_prepare(const ClvTriple *t, int n);
/* The log-likelihood and (grad not NULL) its gradient w.r.t. theta. */
extern double clv_pareto_loglik(const double *theta, const void *data, double *grad);
/* The optimiser's starting point. */
extern void clv_pareto_start(const ClvTriple *t, int n, double *theta);
/* Maximum-likelihood fit (param = theta). */
extern ClvFitResult clv_fit_pareto(const ClvTriple *t, int n);
/* Test hook: analytic gradient against central differences. */
extern double clv_pareto_gradient_check(const ClvTriple *t, int n, const double *theta);

/* Per customer, x, tx, T in the model's time unit. */
extern double clv_pareto_p_alive(const double *theta, double x, double tx, double T);
extern double clv_pareto_expected_purchases(const double *theta, double t,
											double x, double tx, double T);
/* E[X(t)] and P(X(t) = n) of a new customer. */
extern double clv_pareto_expected_purchases_new(const double *theta, double t);
extern double clv_pareto_purchase_probability(const double *theta, double t, int n);

#endif							/* RETENTION_CLV_PARETO_H */
