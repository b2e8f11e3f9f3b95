#!/usr/bin/python3
"""tools/bench-models-scipy.py: the scipy side of tools/bench's sbg_fit and
bgbb_fit rows.

    bench-models-scipy.py SBG_CSV SBG_MODEL_JSON BGBB_CSV BGBB_MODEL_JSON

SBG_CSV has one line per period: period,customers still active at its start
(period 0, 1, ...); BGBB_CSV one line per pattern: frequency,recency,
periods,customers.  The *_MODEL_JSON are sbg_fit's and bgbb_fit's results
on the same data.  Fits the same likelihoods independently (sBG: Fader &
Hardie 2007, eq. 4-5, written with beta functions; BG/BB: Fader, Hardie &
Shang 2010, eq. 5, the sum over the possible death times written out) with
scipy.optimize.minimize on the logarithms of the parameters from all
parameters = 1, times only the minimisation, and prints the parameters next
to the extension's.  Both L-BFGS-B (finite-difference gradient) and
Nelder-Mead (scipy's default tolerances) are tried; the more likely optimum
is the comparison.

One machine-readable line per model, for tools/bench:
    RESULT model=<sbg|bgbb> seconds=<time of the better fit> method=<its name>
        maxreldiff=<max |scipy - extension| / extension over the parameters>
        llgap=<(ll_scipy - ll_extension) / |ll_scipy|: positive when scipy's
        optimum is more likely>
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, logsumexp


def sbg_ll(params, survivors):
    """sBG log-likelihood of one cohort's survivor counts n_0..n_T."""
    alpha, beta = params
    T = len(survivors) - 1
    t = np.arange(1, T + 1)
    lost = survivors[:-1] - survivors[1:]
    log_p = betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta)     # P(churn in t)
    log_s = betaln(alpha, beta + T) - betaln(alpha, beta)             # S(T)
    return float(np.sum(lost * log_p) + survivors[-1] * log_s)


def bgbb_ll(params, x, tx, n, w):
    """BG/BB log-likelihood of weighted patterns (x, t_x, n)."""
    a, b, g, d = params
    lb_ab, lb_gd = betaln(a, b), betaln(g, d)
    alive = betaln(a + x, b + n - x) - lb_ab + betaln(g, d + n) - lb_gd
    total = 0.0
    for i in range(len(x)):
        terms = [alive[i]]
        for k in range(int(n[i] - tx[i])):     # died after opportunity tx + k
            terms.append(betaln(a + x[i], b + tx[i] - x[i] + k) - lb_ab
                         + betaln(g + 1, d + tx[i] + k) - lb_gd)
        total += w[i] * logsumexp(terms)
    return float(total)


def fit(nll, dim):
    best = None
    for method in ("L-BFGS-B", "Nelder-Mead"):
        start = time.perf_counter()
        res = minimize(nll, np.zeros(dim), method=method)
        sec = time.perf_counter() - start
        print(f"  scipy {method}: {sec * 1000:.1f} ms, {res.nfev} evaluations, "
              f"params {np.round(np.exp(res.x), 5).tolist()}, ll {-res.fun:.6f}")
        if best is None or res.fun < best[1].fun - 1e-9 * abs(best[1].fun):
            best = (method, res, sec)
    return best


def report(model, names, ext, nll, dim):
    method, res, sec = fit(nll, dim)
    ext_params = np.array([ext[k] for k in names])
    ll_scipy = -res.fun
    diff = float(np.max(np.abs(np.exp(res.x) - ext_params) / ext_params))
    gap = (ll_scipy - ext["ll"]) / abs(ll_scipy)
    print(f"  {model} extension: params {np.round(ext_params, 5).tolist()}, ll {ext['ll']:.6f}")
    print(f"RESULT model={model} seconds={sec:.6f} method={method} maxreldiff={diff:.2e} llgap={gap:.2e}")


def main():
    sbg_csv, sbg_json, bgbb_csv, bgbb_json = sys.argv[1:5]
    survivors = np.loadtxt(sbg_csv, delimiter=",", ndmin=2)
    survivors = survivors[np.argsort(survivors[:, 0]), 1]
    ext = json.loads(sbg_json)
    print(f"sBG: {len(survivors)} periods, {int(survivors[0])} customers")
    report("sbg", ["alpha", "beta"], ext,
           lambda lp: -sbg_ll(np.exp(lp), survivors), 2)
    pat = np.loadtxt(bgbb_csv, delimiter=",", ndmin=2)
    ext = json.loads(bgbb_json)
    print(f"BG/BB: {len(pat)} patterns, {int(pat[:, 3].sum())} customers")
    report("bgbb", ["alpha", "beta", "gamma", "delta"], ext,
           lambda lp: -bgbb_ll(np.exp(lp), pat[:, 0], pat[:, 1], pat[:, 2], pat[:, 3]), 4)


if __name__ == "__main__":
    main()
