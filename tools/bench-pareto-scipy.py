#!/usr/bin/python3
"""tools/bench-pareto-scipy.py: the scipy side of tools/bench's Pareto/NBD row.

    bench-pareto-scipy.py CUSTOMERS_CSV CLV_MODEL_JSON

CUSTOMERS_CSV has one customer a line: frequency,recency,age[,...] (what
tools/bench exports with psql's \\copy); CLV_MODEL_JSON is clv_fit(...,
'pareto_nbd')'s result on the same customers.  Fits the same likelihood the
way an analyst with the `lifetimes` package would (ParetoNBDFitter: Fader,
Hardie & Lee 2005's expression with scipy.special.hyp2f1 for the two 2F1
terms, the alpha >= beta and alpha < beta cases, a signed log-sum-exp for
their difference, vectorised in numpy, one array element per customer, no
weighting of identical customers), minimised by scipy on the logs of the
parameters from all parameters = 1, on times scaled by 10 / max(age) like
lifetimes (alpha and beta scaled back).  Times only the minimisation
(time.perf_counter around scipy.optimize.minimize) and prints the
parameters next to clv_fit's.

The optimiser is L-BFGS-B with scipy's finite-difference gradient (the
faster of lifetimes' choices; its default Nelder-Mead needs several hundred
evaluations more), tolerance 1e-7.

The last line is machine-readable for tools/bench:
    RESULT seconds=<the fit> method=<its name> maxreldiff=<max |scipy - clv_fit| / clv_fit
    over the 4 parameters> llgap=<(nll_clv_fit - nll_scipy) / |nll_scipy|, negative when
    clv_fit's likelihood is higher>
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, logsumexp


def log_a0(r, alpha, s, beta, x, rec, T):
    """log of the 2F1 difference of FHL 2005 (lifetimes' _log_A_0)."""
    if alpha < beta:
        lo, hi, t = alpha, beta, r + x
    else:
        lo, hi, t = beta, alpha, s + 1.0
    d = hi - lo
    rsx = r + s + x
    p1 = hyp2f1(rsx, t, rsx + 1.0, d / (hi + rec))
    q1 = hi + rec
    p2 = hyp2f1(rsx, t, rsx + 1.0, d / (hi + T))
    q2 = hi + T
    sign = np.ones(len(x))
    with np.errstate(divide="ignore", invalid="ignore"):
        return logsumexp([np.log(p1) + rsx * np.log(q2), np.log(p2) + rsx * np.log(q1)],
                         axis=0, b=[sign, -sign]) - rsx * np.log(q1 * q2)


def pareto_nll(log_params, x, rec, T):
    """Negative mean Pareto/NBD log-likelihood (FHL 2005)."""
    r, alpha, s, beta = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    a2 = np.logaddexp(-(r + x) * np.log(alpha + T) - s * np.log(beta + T),
                      np.log(s) + log_a0(r, alpha, s, beta, x, rec, T) - np.log(r + s + x))
    ll = a1 + a2
    return -ll.mean()


def main():
    data = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
    model = json.loads(sys.argv[2])
    x, rec, T = data[:, 0], data[:, 1], data[:, 2]
    names = ["r", "alpha", "s", "beta"]
    print(f"{len(x)} customers, {int((x > 0).sum())} with frequency > 0")
    ours = pareto_nll(np.log([model[k] for k in names]), x, rec, T)

    scale = 10.0 / T.max()
    t0 = time.perf_counter()
    res = minimize(pareto_nll, np.zeros(4), args=(x, rec * scale, T * scale),
                   method="L-BFGS-B", tol=1e-7, options={"maxiter": 20000})
    seconds = time.perf_counter() - t0
    r, alpha, s, beta = np.exp(res.x)
    params = {"r": r, "alpha": alpha / scale, "s": s, "beta": beta / scale}
    theirs = pareto_nll(np.log([params[k] for k in names]), x, rec, T)
    diff = max(abs(params[k] - model[k]) / abs(model[k]) for k in names)
    print(f"scipy L-BFGS-B: {seconds:.2f} s ({res.nfev} evaluations, "
          f"{'converged' if res.success else 'NOT converged: ' + str(res.message)})")
    print("  " + ", ".join(f"{k} {params[k]:.6g} (clv_fit {model[k]:.6g}, "
                           f"{100 * (params[k] - model[k]) / model[k]:+.4f}%)" for k in names))
    print(f"  negative mean log-likelihood: scipy {theirs:.10f} / clv_fit {ours:.10f} (lower is better)")
    if not res.success or not np.isfinite(theirs):
        print("RESULT seconds=nan method=none maxreldiff=nan llgap=nan")
    else:
        print(f"RESULT seconds={seconds:.3f} method=L-BFGS-B maxreldiff={diff:.3g} "
              f"llgap={(ours - theirs) / abs(theirs):.3g}")


if __name__ == "__main__":
    main()
