#!/usr/bin/python3
"""tools/bench-clv-scipy.py: the scipy side of tools/bench's clv_fit row.

    bench-clv-scipy.py [--nelder-mead] CUSTOMERS_CSV CLV_MODEL_JSON
    bench-clv-scipy.py --model NAME CUSTOMERS_CSV CLV_MODEL_JSON

CUSTOMERS_CSV has one customer a line: frequency,recency,age,monetary (what
tools/bench exports with psql's \\copy); CLV_MODEL_JSON is clv_fit's result
on the same customers.  Fits the same two likelihoods the way an analyst
with the `lifetimes` package would (BetaGeoFitter and GammaGammaFitter:
the same formulas, vectorised in numpy, minimised by scipy on the logs of
the parameters, one array element per customer, no weighting of identical
customers), times only the minimisation (time.perf_counter around
scipy.optimize.minimize), and prints the parameters next to clv_fit's.

The optimiser is a gradient method (lifetimes 0.10+ uses BFGS with
autograd's exact gradient; without autograd, L-BFGS-B with scipy's
finite-difference gradient, about 75-90 likelihood evaluations per model).
With --nelder-mead, Nelder-Mead (lifetimes up to 0.9) is timed too: it
needs 300-700 evaluations, about 140 s on 1 000 000 customers against 15 s,
so it is left out of the default run; the faster fit is the comparison.
Like lifetimes, BG/NBD is fitted on times scaled by 10 / max(age) (alpha is
scaled back), from all parameters = 1; Gamma-Gamma on the customers with
frequency > 0, from all parameters = 1; tolerance 1e-7 as lifetimes'
default.

With --model NAME (a key of PURCHASE_MODELS: mbgnbd), only that purchase
model is fitted and timed (clv_fit's side is then clv_fit(frequency,
recency, age, NULL, NAME), which fits no spend model either), the same
way: its likelihood vectorised as lifetimes' ModifiedBetaGeoFitter writes
it, L-BFGS-B on the logs of the parameters from all parameters = 1, times
scaled by 10 / max(age); maxreldiff and llgap are over its 4 parameters.

The last line is machine-readable for tools/bench:
    RESULT seconds=<fastest fit> method=<its name> maxreldiff=<max |scipy - clv_fit| / clv_fit
    over the 7 parameters, for that fit> llgap=<how much worse clv_fit's optimum is than
    the best scipy fit's: the larger of the two models' (nll_clv_fit - nll_scipy) / |nll_scipy|,
    negative when clv_fit's likelihood is higher>
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln


def bgnbd_nll(log_params, x, rec, T):
    """Negative mean BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6),
    as lifetimes' BetaGeoFitter writes it: log-sum-exp of the two terms."""
    r, alpha, a, b = np.exp(log_params)
    A_1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A_3 = -(r + x) * np.log(alpha + T)
    A_4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(rec + alpha)
    m = np.maximum(A_3, A_4)
    ll = A_1 + A_2 + np.log(np.exp(A_3 - m) + np.exp(A_4 - m) * (x > 0)) + m
    return -ll.mean()


def gg_nll(log_params, x, m):
    """Negative mean Gamma-Gamma log-likelihood (Fader & Hardie 2013), as
    lifetimes' GammaGammaFitter writes it (customers with x > 0)."""
    p, q, v = np.exp(log_params)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
          + (p * x - 1) * np.log(m) + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))
    return -ll.mean()


def mbgnbd_nll(log_params, x, rec, T):
    """Negative mean MBG/NBD log-likelihood (Batislam, Denizel & Filiztekin
    2007), as lifetimes' ModifiedBetaGeoFitter writes it."""
    r, alpha, a, b = np.exp(log_params)
    A_1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + x + 1) - gammaln(b) - gammaln(a + b + x + 1)
    A_3 = -(r + x) * np.log(alpha + T)
    A_4 = np.log(a) - np.log(b + x) - (r + x) * np.log(rec + alpha)
    m = np.maximum(A_3, A_4)
    ll = A_1 + A_2 + np.log(np.exp(A_3 - m) + np.exp(A_4 - m)) + m
    return -ll.mean()


# purchase models of --model NAME: (negative mean log-likelihood over
# log-parameters, parameter names, index of the time-scale parameters that
# scale back with the times)
PURCHASE_MODELS = {
    "mbgnbd": (mbgnbd_nll, ["r", "alpha", "a", "b"], [1]),
}


def main_model(name, csv, model_json):
    nll, names, scaled = PURCHASE_MODELS[name]
    data = np.loadtxt(csv, delimiter=",", ndmin=2)
    model = json.loads(model_json)
    x, rec, T = data[:, 0], data[:, 1], data[:, 2]
    print(f"{len(x)} customers, {int((x > 0).sum())} with frequency > 0; {name} only")
    ours = nll(np.log([model[k] for k in names]), x, rec, T)
    scale = 10.0 / T.max()
    t0 = time.perf_counter()
    res = minimize(nll, np.zeros(len(names)), args=(x, rec * scale, T * scale), method="L-BFGS-B",
                   tol=1e-7, options={"maxiter": 20000})
    seconds = time.perf_counter() - t0
    params = dict(zip(names, np.exp(res.x)))
    for i in scaled:
        params[names[i]] /= scale
    theirs = nll(np.log([params[k] for k in names]), x, rec, T)
    diff = max(abs(params[k] - model[k]) / abs(model[k]) for k in names)
    print(f"scipy L-BFGS-B: {seconds:.2f} s ({name} {res.nfev} evaluations, "
          f"{'converged' if res.success else 'NOT converged: ' + str(res.message)})")
    print("  " + ", ".join(f"{k} {params[k]:.6g} (clv_fit {model[k]:.6g}, {100 * (params[k] - model[k]) / model[k]:+.4f}%)" for k in names))
    print(f"  negative mean log-likelihood: scipy {theirs:.10f} / clv_fit {ours:.10f} (lower is better)")
    if not res.success:
        print("RESULT seconds=nan method=none maxreldiff=nan llgap=nan")
    else:
        print(f"RESULT seconds={seconds:.3f} method=L-BFGS-B maxreldiff={diff:.3g} llgap={(ours - theirs) / abs(theirs):.3g}")


def fit(method, x, rec, T, xr, mr):
    scale = 10.0 / T.max()
    opts = {"maxiter": 20000, "maxfev": 20000} if method == "Nelder-Mead" else {"maxiter": 20000}
    t0 = time.perf_counter()
    bg = minimize(bgnbd_nll, np.zeros(4), args=(x, rec * scale, T * scale), method=method, tol=1e-7, options=opts)
    gg = minimize(gg_nll, np.zeros(3), args=(xr, mr), method=method, tol=1e-7, options=opts)
    seconds = time.perf_counter() - t0
    r, alpha, a, b = np.exp(bg.x)
    p, q, v = np.exp(gg.x)
    params = {"r": r, "alpha": alpha / scale, "a": a, "b": b, "p": p, "q": q, "v": v}
    return params, seconds, bg, gg


def main():
    args = sys.argv[1:]
    if args and args[0] == "--model":
        main_model(args[1], args[2], args[3])
        return
    methods = ["L-BFGS-B"]
    if args and args[0] == "--nelder-mead":
        methods.insert(0, "Nelder-Mead")
        args = args[1:]
    data = np.loadtxt(args[0], delimiter=",", ndmin=2)
    model = json.loads(args[1])
    x, rec, T, mon = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
    rep = x > 0
    xr, mr = x[rep], mon[rep]
    names = ["r", "alpha", "a", "b", "p", "q", "v"]
    print(f"{len(x)} customers, {int(rep.sum())} with frequency > 0")

    # clv_fit's optimum, evaluated with these formulas (unscaled times)
    ours_bg = bgnbd_nll(np.log([model[k] for k in names[:4]]), x, rec, T)
    ours_gg = gg_nll(np.log([model[k] for k in names[4:]]), xr, mr)

    best = None
    llgap = -np.inf
    for method in methods:
        params, seconds, bg, gg = fit(method, x, rec, T, xr, mr)
        diff = max(abs(params[k] - model[k]) / abs(model[k]) for k in names)
        their_bg = bgnbd_nll(np.log([params[k] for k in names[:4]]), x, rec, T)
        their_gg = gg_nll(np.log([params[k] for k in names[4:]]), xr, mr)
        print(f"scipy {method}: {seconds:.2f} s (BG/NBD {bg.nfev} evaluations, {'converged' if bg.success else 'NOT converged: ' + str(bg.message)}; "
              f"Gamma-Gamma {gg.nfev} evaluations, {'converged' if gg.success else 'NOT converged: ' + str(gg.message)})")
        print("  " + ", ".join(f"{k} {params[k]:.6g} (clv_fit {model[k]:.6g}, {100 * (params[k] - model[k]) / model[k]:+.4f}%)" for k in names))
        print(f"  negative mean log-likelihood: BG/NBD scipy {their_bg:.10f} / clv_fit {ours_bg:.10f}, "
              f"Gamma-Gamma scipy {their_gg:.10f} / clv_fit {ours_gg:.10f} (lower is better)")
        if bg.success and gg.success:
            llgap = max(llgap, (ours_bg - their_bg) / abs(their_bg), (ours_gg - their_gg) / abs(their_gg))
            if best is None or seconds < best[1]:
                best = (method, seconds, diff)
    if best is None:
        print("RESULT seconds=nan method=none maxreldiff=nan llgap=nan")
    else:
        print(f"RESULT seconds={best[1]:.3f} method={best[0]} maxreldiff={best[2]:.3g} llgap={llgap:.3g}")


if __name__ == "__main__":
    main()
