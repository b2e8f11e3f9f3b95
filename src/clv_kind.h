/*-------------------------------------------------------------------------
 *
 * clv_kind.h
 *	  The purchase-count models clv_fit can fit (BG/NBD, MBG/NBD,
 *	  Pareto/NBD), each a small table of function pointers: its likelihood
 *	  and gradient, a starting point, and its per-customer predictions.
 *	  clv_fit, clv_model and the predictions know a model only through this
 *	  table, so adding one is a new ClvModelKind and a line in clv_kind.c.
 *
 * Parameters are passed as an array theta[nparams] of natural (positive)
 * parameters in the kind's order (BG/NBD and MBG/NBD: r, alpha, a, b;
 * Pareto/NBD: r, alpha, s, beta).  A clv_model stores them in the fields
 * r, alpha, a, b of ClvParams, in that order (clv_theta_of, clv_params_set).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_CLV_KIND_H
#define RETENTION_CLV_KIND_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"

#include "clv.h"

#define CLV_MAXPARAMS		4

/* The kinds, as stored in a clv_model (0 is what 1.1 stored: BG/NBD). */
typedef enum ClvKindId
{
	CLV_KIND_BGNBD = 0,
	CLV_KIND_MBGNBD = 1,
	CLV_KIND_PARETO_NBD = 2,
	CLV_NKINDS
} ClvKindId;

/*
 * A log-likelihood summed over weighted observations prepared by the
 * kind's prepare; with grad not NULL also its gradient with respect to
 * theta (natural parameters).  -inf or NaN where it is undefined.
 */
typedef double (*ClvLoglikFn) (const double *theta, const void *data, double *grad);

typedef struct ClvModelKind
{
	const char *name;			/* as written in SQL and in the text form */
	const char *label;			/* in messages: "BG/NBD" */
	const char *ll_key;			/* its log-likelihood's key in the text form */
	int			nparams;
	const char *param_names[CLV_MAXPARAMS];

	/* observations prepared once for many likelihood evaluations */
	void	   *(*prepare) (const ClvTriple *t, int n);
	ClvLoglikFn loglik;
	/* a starting point for the optimiser, in natural parameters */
	void		(*start) (const ClvTriple *t, int n, double *theta);

	/* per customer (x, tx, T in the model's time unit) */
	double		(*p_alive) (const double *theta, double x, double tx, double T);
	/* E[purchases in (T, T + t] | x, tx, T] */
	double		(*expected_purchases) (const double *theta, double t,
									   double x, double tx, double T);
	/* E[X(t)] of a new customer */
	double		(*expected_purchases_new) (const double *theta, double t);
	/* P(X(t) = n) of a new customer; NULL: not available (0A000) */
	double		(*purchase_probability) (const double *theta, double t, int n);
} ClvModelKind;

/*
 * Observations prepared for the likelihoods (clv_obs_prepare): the recency
 * and age values are few and shared between customers, so a kind computes
 * log(alpha + value) once per distinct value (scratch lu, iu; lu2, iu2 for
 * a second scale parameter such as Pareto/NBD's beta) and looks it up by
 * index.
 */
typedef struct ClvObs
{
	const ClvTriple *t;
	int			n;
	int			nu;				/* distinct recency and age values */
	double	   *u;				/* those values, sorted */
	int32	   *itx;			/* each observation's recency, index into u */
	int32	   *iT;				/* each observation's age, index into u */
	double	   *lu;				/* scratch, nu entries each */
	double	   *iu;
	double	   *lu2;
	double	   *iu2;
} ClvObs;

extern void *clv_obs_prepare(const ClvTriple *t, int n);

/*
 * The distinct recency and age values of n observations, sorted, into
 * *values (returns how many), and each observation's recency and age as
 * indexes into them (*itx, *iT), all palloc'd: the index part of ClvObs,
 * shared with kinds that keep caches of their own (Pareto/NBD).
 */
extern int	clv_obs_index(const ClvTriple *t, int n, double **values,
						  int32 **itx, int32 **iT);

/* The kinds; a kind whose loglik is NULL is not available (0A000). */
extern const ClvModelKind clv_kind_bgnbd;
extern const ClvModelKind clv_kind_mbgnbd;
extern const ClvModelKind clv_kind_pareto_nbd;

/* The kind of a stored id (XX001 for an unknown one). */
extern const ClvModelKind *clv_kind(int id);
/* The id of a model name, or -1. */
extern int	clv_kind_lookup(const char *name, int len);
/* The id of a model name given as an argument (22023 naming it and the accepted ones). */
extern int	clv_kind_arg(const char *name, int len);
/*
 * The id of the model named by text argument argno of function fname
 * (clv_fit, clv): 22004 when it is null, 22023 naming an unknown one.
 */
extern int	clv_kind_fcinfo_arg(FunctionCallInfo fcinfo, int argno, const char *fname);
/* "'bgnbd', 'mbgnbd' or 'pareto_nbd'" */
extern const char *clv_kind_names(void);
/* 0A000 when the kind has no likelihood yet. */
extern void clv_kind_check_available(const ClvModelKind *k);

/* theta of a ClvParams (r, alpha, a, b fields, in order) and back. */
extern void clv_theta_of(const ClvParams *par, double *theta);
extern void clv_params_set(ClvParams *par, const double *theta);

/*
 * Maximum-likelihood fit of a kind to compacted observations, with the
 * standard errors (has_se false when the Hessian is not positive
 * definite).
 */
extern ClvFitResult clv_fit_purchases(const ClvModelKind *k, const ClvTriple *t, int n);

/*
 * Standard errors of the maximum-likelihood estimates theta[dim]: the
 * square roots of the diagonal of the inverse observed information (the
 * Hessian of -loglik, by central differences of the analytic gradient).
 * false (se untouched) when that Hessian is not positive definite.
 */
extern bool clv_standard_errors(ClvLoglikFn fn, const void *data, int dim,
								const double *theta, double *se);

/* Expected purchases over the next t units, discounted per unit. */
extern double clv_kind_discounted_purchases(const ClvModelKind *k, const double *theta,
											double t, double x, double tx, double T,
											double discount);

/* ---------- clv_math.c: the BG/NBD pieces MBG/NBD reuses ---------- */

/*
 * BG/NBD E[Y(t) | x, tx, T] with parameter b, given P(alive): the form
 * (a+b+x-1)/(a-1) (1 - G) P(alive) of Fader, Hardie & Lee (2005), which is
 * also MBG/NBD's with b + 1 for b and its own P(alive).
 */
extern double clv_bg_expected_purchases(const double *theta, double b, double t,
										double x, double T, double p_alive);
/* BG/NBD P(X(t) = n) with parameter b. */
extern double clv_bg_purchase_probability(const double *theta, double b, double t, int n);
/* BG/NBD's starting point (MBG/NBD's too). */
extern void clv_bgnbd_start(const ClvTriple *t, int n, double *theta);
/* log(exp(u) + exp(v)) without overflow; -inf when both are. */
static inline double
clv_logaddexp(double u, double v)
{
	double		hi = Max(u, v),
				lo = Min(u, v);

	if (hi == -INFINITY)
		return -INFINITY;
	return hi + log1p(exp(lo - hi));
}
extern double clv_digamma(double x);

#endif							/* RETENTION_CLV_KIND_H */
