#!/usr/bin/python3
"""Independent reference for the shifted-beta-geometric model (Fader & Hardie
2007, "How to project customer retention"): fits the two cohorts of
../shared/data/sbg_retention_2007.csv with scipy, in plain Python and mpmath
(no code shared with the extension), and prints the numbers that
test/sbg.sql checks: estimates, log-likelihoods, standard errors (inverse
Hessian by mpmath finite differences at 30 digits), survival, retention and
DERL (the series summed term by term, and mpmath's hyp2f1).

Usage: python3 test/reference/sbg.py [path/to/sbg_retention_2007.csv]
"""
import csv
import sys

import mpmath
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/sbg_retention_2007.csv'
rows = list(csv.DictReader(open(path)))
cohorts = {c: [int(r[c]) for r in rows] for c in ('regular', 'highend')}
mpmath.mp.dps = 30


def ll(alpha, beta, n, lib=None):
    """sBG log-likelihood of survivor counts n[0..T]."""
    if lib is None:
        total = 0.0
        for t in range(1, len(n)):
            total += (n[t - 1] - n[t]) * (betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta))
        T = len(n) - 1
        return total + n[T] * (betaln(alpha, beta + T) - betaln(alpha, beta))
    a, b = mpmath.mpf(alpha), mpmath.mpf(beta)
    B = mpmath.beta
    total = mpmath.mpf(0)
    for t in range(1, len(n)):
        total += (n[t - 1] - n[t]) * mpmath.log(B(a + 1, b + t - 1) / B(a, b))
    T = len(n) - 1
    return total + n[T] * mpmath.log(B(a, b + T) / B(a, b))


def se(alpha, beta, n):
    h = mpmath.mpf('1e-6')
    p = [mpmath.mpf(alpha), mpmath.mpf(beta)]
    f = lambda q: ll(q[0], q[1], n, lib=True)
    H = mpmath.matrix(2, 2)
    for i in range(2):
        for j in range(2):
            def at(di, dj):
                q = list(p)
                q[i] += di * h
                q[j] += dj * h
                return f(q)
            H[i, j] = -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h)
    cov = H ** -1
    return [mpmath.sqrt(cov[0, 0]), mpmath.sqrt(cov[1, 1])]


def survival(a, b, t):
    return mpmath.beta(a, b + t) / mpmath.beta(a, b)


def derl_series(a, b, d, n):
    """sum over k >= 1 of S(n+k)/S(n) / (1+d)^(k-1), term by term."""
    a, b, d = mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(d)
    total, ratio, k = mpmath.mpf(0), mpmath.mpf(1), 1
    while True:
        ratio *= (b + n + k - 1) / (a + b + n + k - 1)
        term = ratio / (1 + d) ** (k - 1)
        total += term
        if term < mpmath.mpf('1e-25'):
            return total
        k += 1


def derl_hyp2f1(a, b, d, n):
    """Fader & Hardie (2010): B(a, b+n+1)/B(a, b+n) 2F1(1, b+n+1; a+b+n+1; 1/(1+d))."""
    a, b, d = mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(d)
    return (b + n) / (a + b + n) * mpmath.hyp2f1(1, b + n + 1, a + b + n + 1, 1 / (1 + d))


for name, n in cohorts.items():
    res = minimize(lambda x: -ll(float(np.exp(x[0])), float(np.exp(x[1])), n), [0.0, 0.0],
                   method='Nelder-Mead', options={'xatol': 1e-10, 'fatol': 1e-12, 'maxiter': 10000})
    a, b = (float(v) for v in np.exp(res.x))
    print(f'{name}: alpha {a:.6f} beta {b:.6f} ll {-res.fun:.6f}')
    s = se(a, b, n)
    print(f'  se alpha {float(s[0]):.6f} se beta {float(s[1]):.6f}')
    print('  survival t=0..12:', ' '.join(f'{float(survival(a, b, t)):.6f}' for t in range(13)))
    print('  retention t=1..12:', ' '.join(f'{(b + t - 1) / (a + b + t - 1):.6f}' for t in range(1, 13)))
    for d, k in ((0.1, 0), (0.1, 4), (0.5, 2)):
        print(f'  derl d={d} n={k}: series {float(derl_series(a, b, d, k)):.9f} hyp2f1 {float(derl_hyp2f1(a, b, d, k)):.9f}')
# The published estimates, evaluated: survival and DERL at the paper's values.
for name, a, b in (('regular', 0.704, 1.182), ('highend', 0.668, 3.806)):
    print(f'published {name}: ll {float(ll(a, b, cohorts[name], lib=True)):.4f} '
          f'S(12) {float(survival(a, b, 12)):.6f} derl(0.1, 0) {float(derl_series(a, b, 0.1, 0)):.6f} '
          f'derl(0.1, 3) {float(derl_series(a, b, 0.1, 3)):.6f}')
