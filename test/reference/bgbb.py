#!/usr/bin/python3
"""Independent reference for the BG/BB model (Fader, Hardie & Shang 2010,
"Customer-base analysis in a discrete-time noncontractual setting"): fits the
donation patterns of ../shared/data/donations_bgbb.csv with scipy (no code
shared with the extension) and prints what test/bgbb.sql checks: estimates,
log-likelihood, standard errors (inverse Hessian, mpmath finite differences
at 30 digits), and for a few patterns P(alive), the expected transactions
in the next n* opportunities (the paper's closed form, and the sum of
per-period expectations) and DERT (the paper's 2F1 form, mpmath).

Usage: python3 test/reference/bgbb.py [path/to/donations_bgbb.csv]
"""
import csv
import sys

import mpmath
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/donations_bgbb.csv'
rows = [tuple(int(v) for v in (r['frequency'], r['recency'], r['periods'], r['donors']))
        for r in csv.DictReader(open(path))]
mpmath.mp.dps = 30


def lik(a, b, g, d, x, tx, n, B=None):
    """The paper's equation (5), per pattern (not logged)."""
    if B is None:
        B = lambda p, q: np.exp(betaln(p, q))
    total = B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
    for i in range(n - tx):
        total += B(a + x, b + tx - x + i) / B(a, b) * B(g + 1, d + tx + i) / B(g, d)
    return total


def ll(p, B=None, log=np.log):
    return sum(c * log(lik(*p, x, tx, n, B)) for x, tx, n, c in rows)


res = minimize(lambda z: -ll(np.exp(z)), [0.0] * 4, method='Nelder-Mead',
               options={'xatol': 1e-10, 'fatol': 1e-12, 'maxiter': 20000, 'maxfev': 40000})
a, b, g, d = (float(v) for v in np.exp(res.x))
print(f'alpha {a:.6f} beta {b:.6f} gamma {g:.6f} delta {d:.6f} ll {-res.fun:.6f} '
      f'customers {sum(r[3] for r in rows)}')

# standard errors
p = [mpmath.mpf(v) for v in (a, b, g, d)]
f = lambda q: ll(q, B=mpmath.beta, log=mpmath.log)
h = mpmath.mpf('1e-6')
H = mpmath.matrix(4, 4)
for i in range(4):
    for j in range(4):
        def at(di, dj):
            q = list(p)
            q[i] += di * h
            q[j] += dj * h
            return f(q)
        H[i, j] = -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h)
cov = H ** -1
print('se', ' '.join(f'{float(mpmath.sqrt(cov[i, i])):.6f}' for i in range(4)))


def p_alive(a, b, g, d, x, tx, n):
    return float(np.exp(betaln(a + x, b + n - x) - betaln(a, b) + betaln(g, d + n + 1) - betaln(g, d))
                 / lik(a, b, g, d, x, tx, n))


def expected(a, b, g, d, x, tx, n, ns):
    """Closed form, the paper's equation (13)."""
    L = lik(a, b, g, d, x, tx, n)
    return float(1 / L * np.exp(betaln(a + x + 1, b + n - x) - betaln(a, b)) * d / (g - 1)
                 * np.exp(gammaln(g + d) - gammaln(1 + d))
                 * (np.exp(gammaln(1 + d + n) - gammaln(g + d + n))
                    - np.exp(gammaln(1 + d + n + ns) - gammaln(g + d + n + ns))))


def expected_sum(a, b, g, d, x, tx, n, ns):
    """Sum over the next ns periods of P(alive then) * E(p) under the posterior."""
    L = lik(a, b, g, d, x, tx, n)
    return sum(float(np.exp(betaln(a + x + 1, b + n - x) - betaln(a, b)
                            + betaln(g, d + n + k) - betaln(g, d)) / L) for k in range(1, ns + 1))


def dert(a, b, g, d, x, tx, n, disc):
    """The paper's equation (14)."""
    a, b, g, d = (mpmath.mpf(v) for v in (a, b, g, d))
    L = mpmath.mpf(lik(a, b, g, d, x, tx, n, B=mpmath.beta))
    return float(mpmath.beta(a + x + 1, b + n - x) / mpmath.beta(a, b)
                 * mpmath.beta(g, d + n + 1) / (mpmath.beta(g, d) * (1 + disc))
                 * mpmath.hyp2f1(1, d + n + 1, g + d + n + 1, 1 / (1 + mpmath.mpf(disc))) / L)


for pat in ((0, 0, 6), (1, 1, 6), (3, 6, 6), (6, 6, 6), (4, 5, 6), (2, 3, 6)):
    print(f'pattern {pat}: p_alive {p_alive(a, b, g, d, *pat):.9f} '
          f'E5 {expected(a, b, g, d, *pat, 5):.9f} sum {expected_sum(a, b, g, d, *pat, 5):.9f} '
          f'E10 {expected(a, b, g, d, *pat, 10):.9f} dert0.1 {dert(a, b, g, d, *pat, 0.1):.9f}')
print(f'published: ll {ll((1.204, 0.750, 0.657, 2.783)):.4f} '
      f'p_alive(3,6,6) {p_alive(1.204, 0.750, 0.657, 2.783, 3, 6, 6):.6f}')
# At the published estimates (what test/bgbb.sql checks to 9 digits).
pub = (1.204, 0.750, 0.657, 2.783)
for pat in ((0, 0, 6), (1, 1, 6), (3, 6, 6), (6, 6, 6), (4, 5, 6), (2, 3, 6)):
    print(f'published {pat}: p_alive {p_alive(*pub, *pat):.9f} E5 {expected(*pub, *pat, 5):.9f} '
          f'E10 {expected(*pub, *pat, 10):.9f} dert0.1 {dert(*pub, *pat, 0.1):.9f} '
          f'E200000 {expected(*pub, *pat, 200000):.9f}')
