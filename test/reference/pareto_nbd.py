#!/usr/bin/python3
"""Independent reference for the Pareto/NBD model (Schmittlein, Morrison &
Colombo 1987; Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD
model and related expressions"): mpmath at 40 digits, from the paper's
formulas as printed (2F1 by mpmath.hyp2f1 on the untransformed arguments,
no code shared with the extension), prints the numbers test/clv_pareto.sql
checks as SQL VALUES rows:

  ll        one customer's log-likelihood (FHL 2005 eq. 22 with the 2F1 terms)
  p_alive   P(alive | x, tx, T)
  expected  E[X(T, T+t) | x, tx, T]
  pn        P(X(t) = n) of a new customer: the Poisson count averaged over
            the Gamma purchase rate and over the exponential dropout time,
            integrated by mpmath.quad over 200 pieces of (0, t)

The cases: the CDNOW estimates of FHL 2005 (r 0.553, alpha 10.578, s 0.606,
beta 11.669) at the heavy buyer of CLVTools issue 100 (x 221, tx 103.43,
T 103.57) and at ordinary customers; alpha and beta many orders apart (the
2F1 argument near 1); and random parameters and customers (seed 23).

And the CDNOW fit with its standard errors: the summaries built in plain
Python from ../shared/data/cdnow_sample.txt, the likelihood with
scipy.special.hyp2f1 (lifetimes' ParetoNBDFitter formulation, vectorised),
minimised by scipy (Nelder-Mead, then BFGS), the standard errors from the
inverse of a central-difference Hessian of that likelihood in the natural
parameters.

Usage: python3 test/reference/pareto_nbd.py [path/to/cdnow_sample.txt]
"""
import datetime
import os
import sys
import random

import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1

mp.mp.dps = 40


def likelihood(r, al, s, be, x, tx, T):
    r, al, s, be, x, tx, T = map(mp.mpf, (r, al, s, be, x, tx, T))
    a = r + s + x
    if al >= be:
        def F(y):
            return mp.hyp2f1(a, s + 1, a + 1, (al - be) / (al + y)) / (al + y) ** a
    else:
        def F(y):
            return mp.hyp2f1(a, r + x, a + 1, (be - al) / (be + y)) / (be + y) ** a
    lead = mp.gamma(r + x) * al ** r * be ** s / mp.gamma(r)
    alive = 1 / ((al + T) ** (r + x) * (be + T) ** s)
    return lead * (alive + s / a * (F(tx) - F(T))), lead * alive


def p_alive(r, al, s, be, x, tx, T):
    L, alive = likelihood(r, al, s, be, x, tx, T)
    return alive / L


def expected(r, al, s, be, t, x, tx, T):
    pa = p_alive(r, al, s, be, x, tx, T)
    r, al, s, be, t, x, tx, T = map(mp.mpf, (r, al, s, be, t, x, tx, T))
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * pa


def pn(r, al, s, be, t, n):
    r, al, s, be, t = map(mp.mpf, (r, al, s, be, t))
    nbd = mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n))
    alive = nbd * (al / (al + t)) ** r * (t / (al + t)) ** n * (be / (be + t)) ** s
    J = mp.quad(lambda u: u ** n * (al + u) ** (-(r + n)) * (be + u) ** (-(s + 1)),
                mp.linspace(0, t, 200))
    return alive + s * be ** s * al ** r * nbd * J


def g(v):
    return mp.nstr(v, 17)


cases = []
cdnow = (0.553, 10.578, 0.606, 11.669)
cases.append((cdnow, 221, 103.43, 103.57, 52.0))
cases.append((cdnow, 0, 0.0, 38.86, 52.0))
cases.append((cdnow, 2, 30.43, 38.86, 39.0))
cases.append((cdnow, 7, 35.0, 36.0, 39.0))
cases.append(((0.5, 1e4, 0.6, 1e-2), 221, 1.0, 103.57, 52.0))
cases.append(((0.5, 1e-2, 0.6, 1e4), 0, 0.0, 103.57, 52.0))
cases.append(((0.5, 1e-2, 0.6, 1e5), 3, 1.0, 103.57, 52.0))
cases.append(((0.5, 1e5, 0.6, 1e-2), 3, 1.0, 103.57, 52.0))
rnd = random.Random(23)
for i in range(40):
    th = tuple(float('%.6g' % 10 ** rnd.uniform(lo, hi))
               for lo, hi in ((-1.5, 1.5), (-2, 4), (-1.5, 1.5), (-2, 4)))
    if abs(th[2] - 1) < 1e-3:
        continue
    x = rnd.choice([0, 1, 2, 5, 20, 221, rnd.randint(0, 600)])
    T = float('%.6g' % rnd.uniform(0.5, 200))
    tx = 0.0 if x == 0 else float('%.6g' % rnd.uniform(0, T))
    t = float('%.6g' % rnd.uniform(0.1, 100))
    cases.append((th, x, tx, T, t))

print('-- (r, alpha, s, beta, x, tx, T, t, ll, p_alive, expected)')
rows = []
for th, x, tx, T, t in cases:
    L, _ = likelihood(*th, x, tx, T)
    rows.append('(%s, %d, %r, %r, %r, %s, %s, %s)' % (
        ', '.join(repr(v) for v in th), x, tx, T, t, g(mp.log(L)),
        g(p_alive(*th, x, tx, T)), g(expected(*th, t, x, tx, T))))
print(',\n'.join(rows))

print('-- (r, alpha, s, beta, t, n, P(X(t) = n))')
rows = []
for th, t, n in ((cdnow, 39.0, 0), (cdnow, 39.0, 1), (cdnow, 39.0, 5), (cdnow, 52.0, 500),
                 ((2, 1, 0.5, 1e3), 1000.0, 7), ((0.5, 1e3, 2, 0.1), 52.0, 1),
                 ((0.5, 10, 1, 10), 1000.0, 30)):
    rows.append('(%s, %r, %d, %s)' % (', '.join(repr(float(v)) for v in th), t, n,
                                     g(pn(*th, t, n))))
print(',\n'.join(rows))


# ---------- the CDNOW fit and its standard errors ----------

def cdnow_summaries(path):
    cut = datetime.date(1997, 9, 30)
    days = {}
    for line in open(path):
        f = line.split()
        if not f:
            continue
        d = datetime.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
        days.setdefault(f[1], set()).add(d)
    x, rec, T = [], [], []
    for ds in days.values():
        cal = sorted(d for d in ds if d <= cut)
        x.append(len(cal) - 1)
        rec.append((cal[-1] - cal[0]).days / 7.0)
        T.append((cut - cal[0]).days / 7.0)
    return np.array(x, float), np.array(rec), np.array(T)


def pareto_ll(theta, x, rec, T):
    r, al, s, be = theta
    rsx = r + s + x
    if al >= be:
        F = [hyp2f1(rsx, s + 1, rsx + 1, (al - be) / (al + y)) / (al + y) ** rsx for y in (rec, T)]
    else:
        F = [hyp2f1(rsx, r + x, rsx + 1, (be - al) / (be + y)) / (be + y) ** rsx for y in (rec, T)]
    lead = gammaln(r + x) - gammaln(r) + r * np.log(al) + s * np.log(be)
    return np.sum(lead + np.log((al + T) ** -(r + x) * (be + T) ** -s + s / rsx * (F[0] - F[1])))


path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), '../../../shared/data/cdnow_sample.txt')
if os.path.exists(path):
    x, rec, T = cdnow_summaries(path)
    nll = lambda lp: -pareto_ll(np.exp(lp), x, rec, T)
    res = minimize(nll, np.zeros(4), method='Nelder-Mead',
                   options={'xatol': 1e-10, 'fatol': 1e-10, 'maxiter': 20000, 'maxfev': 20000})
    res = minimize(nll, res.x, method='BFGS', options={'gtol': 1e-8})
    theta = np.exp(res.x)
    H = np.zeros((4, 4))
    for i in range(4):
        for j in range(4):
            hi, hj = 1e-4 * theta[i], 1e-4 * theta[j]
            def f(di, dj):
                t = theta.copy()
                t[i] += di
                t[j] += dj
                return pareto_ll(t, x, rec, T)
            H[i, j] = (f(hi, hj) - f(hi, -hj) - f(-hi, hj) + f(-hi, -hj)) / (4 * hi * hj)
    se = np.sqrt(np.diag(np.linalg.inv(-H)))
    print('-- CDNOW (%d customers): r, alpha, s, beta; log-likelihood; standard errors' % len(x))
    print('-- ' + ' '.join('%.6g' % v for v in theta) + '; %.6f; ' % -res.fun
          + ' '.join('%.4g' % v for v in se))
