#!/usr/bin/python3
"""Independent reference for the MBG/NBD model (Batislam, Denizel &
Filiztekin 2007; BTYDplus' mbgcnbd with k = 1) and for the standard errors
of the BG/NBD and MBG/NBD fits, in plain Python with scipy (no code shared
with the extension).  Prints the numbers test/clv_models.sql checks:

- the CDNOW sample (calibration to 1997-09-30, weeks) summarised here from
  the raw orders, both models fitted with scipy (L-BFGS-B on
  log-parameters, likelihoods written from the papers);
- standard errors: the inverse of the Hessian of -LL at the optimum, by
  central second differences of the likelihood itself (steps 1e-4
  relative), in the natural parameters;
- MBG/NBD P(alive), conditional expected purchases (scipy's hyp2f1), the
  unconditional expectation and P(X(t) = n), the last by numeric
  integration over the dropout probability p (scipy.integrate.quad) of
  the model's definition, not by the closed form the extension uses.

Usage: python3 test/reference/mbgnbd.py [path/to/cdnow_sample.txt]
"""
import sys
from collections import defaultdict
from datetime import date

import numpy as np
from scipy.integrate import quad
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1
from scipy.stats import nbinom, poisson

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/cdnow_sample.txt'
end = date(1997, 9, 30)
days = defaultdict(lambda: defaultdict(float))
for line in open(path):
    f = line.split()
    if not f:
        continue
    d = date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
    if d <= end:
        days[int(f[1])][d] += float(f[4])
x, tx, T, mon = [], [], [], []
for c, amounts in days.items():
    ds = sorted(amounts)
    x.append(len(ds) - 1)
    tx.append((ds[-1] - ds[0]).days / 7.0)
    T.append((end - ds[0]).days / 7.0)
    mon.append(sum(amounts[d] for d in ds[1:]) / (len(ds) - 1) if len(ds) > 1 else 0.0)
x, tx, T, mon = np.array(x, float), np.array(tx), np.array(T), np.array(mon)
gx, gm = x[x > 0], mon[x > 0]


def ll_bgnbd(p):
    r, alpha, a, b = p
    c = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    xp = np.maximum(x, 1)
    B = np.where(x > 0, betaln(a + 1, b + xp - 1) - betaln(a, b) - (r + x) * np.log(alpha + tx), -np.inf)
    return np.sum(c + np.logaddexp(A, B))


def ll_mbgnbd(p):
    r, alpha, a, b = p
    c = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A = betaln(a, b + x + 1) - betaln(a, b) - (r + x) * np.log(alpha + T)
    B = betaln(a + 1, b + x) - betaln(a, b) - (r + x) * np.log(alpha + tx)
    return np.sum(c + np.logaddexp(A, B))


def ll_gg(p):
    """Gamma-Gamma (Fader & Hardie 2013) over the repeat customers' mean spend."""
    pp, q, v = p
    return np.sum(gammaln(pp * gx + q) - gammaln(pp * gx) - gammaln(q) + q * np.log(v)
                  + (pp * gx - 1) * np.log(gm) + pp * gx * np.log(gx) - (pp * gx + q) * np.log(gx * gm + v))


def fit(ll, n=4):
    res = minimize(lambda lp: -ll(np.exp(lp)), np.zeros(n), method='L-BFGS-B',
                   options={'ftol': 1e-15, 'gtol': 1e-10, 'maxiter': 10000})
    return np.exp(res.x), -res.fun


def se(ll, p):
    n = len(p)
    h = 1e-4 * p
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            def f(di, dj):
                q = p.copy()
                q[i] += di * h[i]
                q[j] += dj * h[j]
                return -ll(q)
            H[i, j] = (f(1, 1) - f(1, -1) - f(-1, 1) + f(-1, -1)) / (4 * h[i] * h[j])
    return np.sqrt(np.diag(np.linalg.inv(H)))


def p_alive(p, x, tx, T):
    r, alpha, a, b = p
    return 1.0 / (1.0 + a / (b + x) * ((alpha + T) / (alpha + tx)) ** (r + x))


def cond_exp(p, t, x, tx, T):
    r, alpha, a, b = p
    z = t / (alpha + T + t)
    g = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z)
    return (a + b + x) / (a - 1) * (1 - g) * p_alive(p, x, tx, T)


def uncond_exp(p, t):
    r, alpha, a, b = p
    return b / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, t / (alpha + t)))


def purchase_prob(p, t, n):
    """P(X(t) = n) from the definition: dropout p ~ Beta(a, b) at time 0 and
    after each purchase, Poisson purchases with a Gamma(r, alpha) rate (so an
    NBD count in t); integrated over p numerically."""
    r, alpha, a, b = p
    q = alpha / (alpha + t)
    nbd_n = nbinom.pmf(n, r, q)
    nbd_ge = nbinom.sf(n - 1, r, q) if n > 0 else 1.0

    def integrand(pp):
        dens = np.exp((a - 1) * np.log(pp) + (b - 1) * np.log1p(-pp) - betaln(a, b))
        v = (1 - pp) ** (n + 1) * nbd_n
        if n > 0:
            v += pp * (1 - pp) ** n * nbd_ge
        else:
            v += pp
        return dens * v
    return quad(integrand, 0, 1, epsabs=1e-14, epsrel=1e-12, limit=200)[0]


bg, bg_ll = fit(ll_bgnbd)
mb, mb_ll = fit(ll_mbgnbd)
gg, gg_ll = fit(ll_gg, 3)
print('customers', len(x), 'repeat days', int(x.sum()))
print('BG/NBD  r alpha a b', ' '.join(f'{v:.6g}' for v in bg), 'll', f'{bg_ll:.6f}')
print('BG/NBD  se', ' '.join(f'{v:.6g}' for v in se(ll_bgnbd, bg)))
print('MBG/NBD r alpha a b', ' '.join(f'{v:.6g}' for v in mb), 'll', f'{mb_ll:.6f}')
print('MBG/NBD se', ' '.join(f'{v:.6g}' for v in se(ll_mbgnbd, mb)))
print('Gamma-Gamma p q v', ' '.join(f'{v:.6g}' for v in gg), 'll', f'{gg_ll:.6f}')
print('Gamma-Gamma se', ' '.join(f'{v:.6g}' for v in se(ll_gg, gg)))
# predictions at the published MBG/NBD estimates (so that they do not
# depend on the last digits of either fit)
P = np.array([0.525, 6.183, 0.891, 1.614])
for (xx, ttx, TT) in [(0, 0, 38.86), (0, 0, 5), (2, 30.43, 38.86), (7, 35.0, 38.0), (1, 2.0, 30.0),
                      (221, 103.43, 103.57)]:
    print(f'MBG p_alive({xx},{ttx},{TT}) {p_alive(P, xx, ttx, TT):.10g}',
          f'E39 {cond_exp(P, 39, xx, ttx, TT):.10g}')
for t in (1, 39, 52):
    print(f'MBG E[X({t})] {uncond_exp(P, t):.10g}')
for t, n in [(39, 0), (39, 1), (39, 2), (39, 5), (52, 10)]:
    print(f'MBG P(X({t})={n}) {purchase_prob(P, t, n):.10g}')
