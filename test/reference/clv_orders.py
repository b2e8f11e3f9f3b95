#!/usr/bin/python3
"""Independent reference for clv(customer_id, purchased_at, amount, horizon
[, model]) on the CDNOW sample: the mean over customers of the expected
value over the horizon, with each purchase model, in plain Python with
scipy (no code shared with the extension).  Prints the numbers
test/clv_orders_models.sql checks.

What clv() computes, from its reference (docs/reference/clv.md):
- every order of the group, summarised per customer up to the group's last
  purchase day, in weeks: x = purchase days - 1, tx = first to last
  purchase day, T = first purchase day to the group's last purchase day,
  monetary = the amounts of the repeat days (every day but the first)
  divided by x;
- the purchase model (BG/NBD, MBG/NBD or Pareto/NBD) fitted on the
  customers with T > 0, Gamma-Gamma on the repeat customers with a
  positive monetary value, both by maximum likelihood;
- per customer E[order value | x, monetary] (Gamma-Gamma) times
  E[purchases in (T, T + horizon] | x, tx, T], averaged over customers.

The likelihoods and conditional expectations are written from the papers:
BG/NBD (Fader, Hardie & Lee 2005a), MBG/NBD (Batislam, Denizel & Filiztekin
2007), Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee
2005, "A note on deriving the Pareto/NBD model"), Gamma-Gamma (Fader, Hardie
& Lee 2005b), minimised by scipy on log-parameters (Nelder-Mead, then BFGS).

Usage: python3 test/reference/clv_orders.py [path/to/cdnow_sample.txt]
"""
import sys
from collections import defaultdict
from datetime import date

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/cdnow_sample.txt'
HORIZON = 39.0
days = defaultdict(lambda: defaultdict(float))
for line in open(path):
    f = line.split()
    if not f:
        continue
    d = date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
    days[int(f[1])][d] += float(f[4])
last = max(max(a) for a in days.values())
x, tx, T, mon = [], [], [], []
for c, amounts in days.items():
    ds = sorted(amounts)
    x.append(len(ds) - 1)
    tx.append((ds[-1] - ds[0]).days / 7.0)
    T.append((last - ds[0]).days / 7.0)
    mon.append(sum(amounts[d] for d in ds[1:]) / (len(ds) - 1) if len(ds) > 1 else 0.0)
x, tx, T, mon = np.array(x, float), np.array(tx), np.array(T), np.array(mon)
fit_rows = T > 0
fx, ftx, fT = x[fit_rows], tx[fit_rows], T[fit_rows]
spend = (x > 0) & (mon > 0) & fit_rows
gx, gm = x[spend], mon[spend]


def ll_bgnbd(p):
    r, alpha, a, b = p
    c = gammaln(r + fx) - gammaln(r) + r * np.log(alpha)
    A = betaln(a, b + fx) - betaln(a, b) - (r + fx) * np.log(alpha + fT)
    xp = np.maximum(fx, 1)
    B = np.where(fx > 0, betaln(a + 1, b + xp - 1) - betaln(a, b) - (r + fx) * np.log(alpha + ftx), -np.inf)
    return np.sum(c + np.logaddexp(A, B))


def ll_mbgnbd(p):
    r, alpha, a, b = p
    c = gammaln(r + fx) - gammaln(r) + r * np.log(alpha)
    A = betaln(a, b + fx + 1) - betaln(a, b) - (r + fx) * np.log(alpha + fT)
    B = betaln(a + 1, b + fx) - betaln(a, b) - (r + fx) * np.log(alpha + ftx)
    return np.sum(c + np.logaddexp(A, B))


def pareto_log_terms(p, x, tx, T):
    """log of the 'alive to T' term and of the whole likelihood, per customer."""
    r, al, s, be = p
    rsx = r + s + x
    if al >= be:
        logF = [np.log(hyp2f1(rsx, s + 1, rsx + 1, (al - be) / (al + y))) - rsx * np.log(al + y) for y in (tx, T)]
    else:
        logF = [np.log(hyp2f1(rsx, r + x, rsx + 1, (be - al) / (be + y))) - rsx * np.log(be + y) for y in (tx, T)]
    lead = gammaln(r + x) - gammaln(r) + r * np.log(al) + s * np.log(be)
    log_alive = -(r + x) * np.log(al + T) - s * np.log(be + T)
    # F(tx) - F(T) >= 0: log(e^a - e^b) = a + log1p(-e^(b - a)), -inf when tx = T
    with np.errstate(divide='ignore'):
        log_diff = logF[0] + np.log1p(-np.exp(logF[1] - logF[0])) + np.log(s / rsx)
    return lead + log_alive, lead + np.logaddexp(log_alive, log_diff)


def ll_pareto(p):
    return np.sum(pareto_log_terms(p, fx, ftx, fT)[1])


def ll_gg(p):
    pp, q, v = p
    return np.sum(gammaln(pp * gx + q) - gammaln(pp * gx) - gammaln(q) + q * np.log(v)
                  + (pp * gx - 1) * np.log(gm) + pp * gx * np.log(gx) - (pp * gx + q) * np.log(gx * gm + v))


def fit(ll, n):
    f = lambda lp: -ll(np.exp(lp))
    res = minimize(f, np.zeros(n), method='Nelder-Mead',
                   options={'xatol': 1e-10, 'fatol': 1e-10, 'maxiter': 40000, 'maxfev': 40000})
    res = minimize(f, res.x, method='BFGS', options={'gtol': 1e-9})
    return np.exp(res.x), -res.fun


def exp_bgnbd(p, t):
    r, alpha, a, b = p
    z = t / (alpha + T + t)
    g = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    alive = np.where(x > 0, 1.0 / (1.0 + a / (b + np.maximum(x, 1) - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)), 1.0)
    return (a + b + x - 1) / (a - 1) * (1 - g) * alive


def exp_mbgnbd(p, t):
    r, alpha, a, b = p
    z = t / (alpha + T + t)
    g = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z)
    alive = 1.0 / (1.0 + a / (b + x) * ((alpha + T) / (alpha + tx)) ** (r + x))
    return (a + b + x) / (a - 1) * (1 - g) * alive


def exp_pareto(p, t):
    r, al, s, be = p
    log_alive, log_l = pareto_log_terms(p, x, tx, T)
    alive = np.exp(log_alive - log_l)
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * alive


gg, gg_ll = fit(ll_gg, 3)
pp, q, v = gg
value = (q - 1) / (pp * x + q - 1) * (v * pp / (q - 1)) + pp * x / (pp * x + q - 1) * mon
print('-- CDNOW sample, all orders (last purchase day %s): %d customers, %d in the spend model'
      % (last, len(x), len(gx)))
print('-- Gamma-Gamma p, q, v: %s; log-likelihood %.6f' % (' '.join('%.6g' % w for w in gg), gg_ll))
for name, ll, expect in (('bgnbd', ll_bgnbd, exp_bgnbd), ('mbgnbd', ll_mbgnbd, exp_mbgnbd),
                         ('pareto_nbd', ll_pareto, exp_pareto)):
    p, l = fit(ll, 4)
    clv = np.mean(value * expect(p, HORIZON))
    print("('%s', %.10g),  -- parameters %s; log-likelihood %.6f"
          % (name, clv, ' '.join('%.6g' % w for w in p), l))
