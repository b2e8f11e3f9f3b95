"""Client-driver test: retention's metrics through psycopg2 (Debian's
python3-psycopg2), printed as TAP for prove (tools/test).

psycopg2 interpolates query parameters on the client and sends a simple
query; it receives every result as text.  So here the extended protocol
and binary results do not apply: parameters go through psycopg2's own
adapters (lists, DateRange, str), and server-side prepared statements
through SQL PREPARE / EXECUTE.  What is checked: every metric comes back as
a type psycopg2 maps natively (float, Decimal, timedelta, list), no custom
type OID appears in the metadata of a metric column, states and clv_model
come back as readable text that reads back in, and the numbers are right.

Connects with the PG* environment (PGHOST = the private socket directory).
"""
import datetime
import decimal
import json
import math
import sys

import psycopg2
import psycopg2.extras

FLOAT8, FLOAT8_ARRAY, INTERVAL, NUMERIC, TEXT = 701, 1022, 1186, 1700, 25
FIRST_USER_OID = 16384

n = 0
failed = 0


def ok(cond, name, diag=None):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, name))
    if not cond and diag is not None:
        print("# " + str(diag).replace("\n", "\n# "))


def close(a, b, rel=1e-9):
    return a is not None and b is not None and abs(a - b) <= rel * max(1.0, abs(b))


def one(cur, sql, params=None):
    """The single value of a one-row, one-column query, and its type OID."""
    cur.execute(sql, params)
    row = cur.fetchone()
    return row[0], cur.description[0].type_code


conn = psycopg2.connect("")
conn.autocommit = True
cur = conn.cursor()
print("# psycopg2 %s, server %s" % (psycopg2.__version__, conn.server_version))

# ---- nps: an int[] parameter, float8 back --------------------------------
v, t = one(cur, "SELECT nps(s) FROM unnest(%s::int[]) s", ([10, 9, 8, 6, None],))
ok(t == FLOAT8 and isinstance(v, float) and v == 25.0, "nps of a list parameter is the float 25", (v, t))

v, t = one(cur, "SELECT nps_state(s) FROM unnest(%s::int[]) s", ([10, 9, 7, 3],))
ok(t >= FIRST_USER_OID and v == "v1 promoters=2 passives=1 detractors=1",
   "nps_state comes back as its readable text (custom type OID %d)" % t, v)
v2, t2 = one(cur, "SELECT nps(%s::nps_state)", (v,))
ok(v2 == 25.0 and t2 == FLOAT8, "the state text reads back in as a parameter", v2)

# ---- churn_rate with a daterange parameter, prepared ---------------------
cur.execute("""CREATE TEMP TABLE subscriptions (customer_id int, plan text, started_at date, ended_at date);
INSERT INTO subscriptions VALUES
    (1, 'pro', '2025-03-01', NULL), (2, 'pro', '2025-06-01', '2026-01-15'),
    (3, 'basic', '2025-11-01', '2026-02-01'), (4, 'basic', '2026-01-10', NULL),
    (5, 'basic', '2026-01-03', '2026-01-20'), (6, 'pro', '2025-01-01', '2026-01-05'),
    (6, 'pro', '2026-01-25', NULL), (7, 'basic', NULL, NULL)""")
january = psycopg2.extras.DateRange(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))
cur.execute("""SELECT churn_rate(daterange(started_at, ended_at), %s),
                      retention_rate(daterange(started_at, ended_at), %s)
                 FROM subscriptions""", (january, january))
row = cur.fetchone()
types = [d.type_code for d in cur.description]
ok(row == (60.0, 40.0) and types == [FLOAT8, FLOAT8],
   "churn_rate and retention_rate with a DateRange parameter: 60 and 40", (row, types))

cur.execute("""PREPARE churn(daterange) AS
    SELECT churn_rate(daterange(started_at, ended_at), $1) FROM subscriptions""")
v, t = one(cur, "EXECUTE churn(%s)", (january,))
ok(v == 60.0 and t == FLOAT8, "prepared churn_rate, January: 60", v)
v, t = one(cur, "EXECUTE churn(%s)",
           (psycopg2.extras.DateRange(datetime.date(2025, 12, 1), datetime.date(2026, 1, 1)),))
ok(v == 0.0, "prepared churn_rate, December: 0", v)
cur.execute("DEALLOCATE churn")

cur.execute("""SELECT churn_state(daterange(started_at, ended_at), %s) FROM subscriptions""", (january,))
v = cur.fetchone()[0]
ok(isinstance(v, str) and v.startswith("v1 at_start=5 retained=2 at_end=4 range=daterange"),
   "churn_state comes back as readable text", v)

# ---- orders: repeat_purchase_ratio, time_between_purchases, revenue ------
cur.execute("""CREATE TEMP TABLE orders (customer_id int, ordered_on date);
INSERT INTO orders VALUES (1, '2026-01-01'), (1, '2026-01-11'), (1, '2026-01-21'), (2, '2026-01-02'),
                          (3, '2026-01-05'), (3, '2026-01-15'), (4, '2026-01-09')""")
cur.execute("PREPARE rpr(date) AS SELECT repeat_purchase_ratio(customer_id) FROM orders WHERE ordered_on >= $1")
v, t = one(cur, "EXECUTE rpr(%s)", (datetime.date(2026, 1, 1),))
ok(v == 50.0 and t == FLOAT8, "prepared repeat_purchase_ratio: 50", v)
v, t = one(cur, "EXECUTE rpr(%s)", (datetime.date(2026, 1, 6),))
ok(close(v, 100 / 3), "prepared repeat_purchase_ratio from 6 January: 33.3", v)

v, t = one(cur, "SELECT time_between_purchases(customer_id, ordered_on) FROM orders WHERE customer_id = ANY(%s)",
           ([1, 2, 3, 4],))
ok(t == INTERVAL and v == datetime.timedelta(days=10),
   "time_between_purchases is an interval, a timedelta of 10 days", (v, t))

v, t = one(cur, """SELECT revenue_churn(s, e) FROM (VALUES (100.00, 150.00), (200.00, 200.00), (100.00, 40.00),
                   (300.00, NULL), (50.00, 0)) m(s, e)""")
ok(t == NUMERIC and v == decimal.Decimal("410.0000"), "revenue_churn is numeric, a Decimal 410.0000", (v, t))

# ---- clv_fit and clv_predict ---------------------------------------------
published = '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'
v, t = one(cur, "SELECT clv_predict(%s::clv_model, %s, %s, %s, %s, %s, %s)",
           (published, 39, 2, 30.43, 38.86, 30, 0.01))
ok(t == FLOAT8 and close(v, 31.62779154635129), "clv_predict with the published CDNOW model: 31.6278", v)

# The first 40 customers of the CDNOW sample as weekly summaries: few enough to
# inline, enough for a converged fit (an unconverged model predicts NULL).
fit = """SELECT clv_fit(frequency, recency, age, monetary)
           FROM (VALUES
             (2, 30.43, 38.86, 22.35), (0, 0.00, 38.43, 0.00), (1, 1.71, 38.86, 11.77), (0, 0.00, 38.86, 0.00),
             (0, 0.00, 34.43, 0.00), (0, 0.00, 38.86, 0.00), (0, 0.00, 38.86, 0.00), (7, 29.43, 38.86, 73.74),
             (1, 5.00, 38.86, 11.77), (0, 0.00, 38.86, 0.00), (2, 35.71, 38.86, 25.55), (0, 0.00, 38.86, 0.00),
             (5, 24.43, 38.86, 29.44), (0, 0.00, 38.86, 0.00), (0, 0.00, 38.86, 0.00), (3, 20.86, 36.29, 17.89),
             (0, 0.00, 38.86, 0.00), (0, 0.00, 38.86, 0.00), (0, 0.00, 37.43, 0.00), (0, 0.00, 38.86, 0.00),
             (3, 28.29, 38.71, 25.08), (10, 34.14, 38.86, 24.24), (1, 4.86, 38.86, 9.99),
             (0, 0.00, 38.71, 0.00), (2, 14.57, 38.71, 32.30), (0, 0.00, 38.71, 0.00), (0, 0.00, 38.71, 0.00),
             (0, 0.00, 38.71, 0.00), (0, 0.00, 38.71, 0.00), (1, 1.57, 38.71, 227.14), (0, 0.00, 38.71, 0.00),
             (1, 29.43, 38.71, 80.46), (0, 0.00, 38.71, 0.00), (1, 5.86, 38.71, 40.47), (0, 0.00, 38.71, 0.00),
             (0, 0.00, 38.71, 0.00), (0, 0.00, 38.71, 0.00), (0, 0.00, 38.71, 0.00), (1, 27.14, 38.71, 31.14),
             (0, 0.00, 38.71, 0.00)) c(frequency, recency, age, monetary)"""
model, t = one(cur, fit)
params = json.loads(model) if isinstance(model, str) else None
ok(t >= FIRST_USER_OID and params is not None and params["customers"] == 40
   and all(isinstance(params[k], float) for k in ("r", "alpha", "a", "b")),
   "clv_fit returns a clv_model as readable JSON text", model)
v, _ = one(cur, "SELECT clv_p_alive(%s::clv_model, 2, 30.43, 38.86)", (model,))
w, _ = one(cur, "SELECT clv_p_alive((" + fit + "), 2, 30.43, 38.86)")
ok(v is not None and v == w, "the model's text, sent back as a parameter, predicts exactly as the model", (v, w))

# ---- arrays ---------------------------------------------------------------
v, t = one(cur, "SELECT health_score(%s::float8[], %s::float8[])", ([80, 60, 90], [0.5, 0.3, 0.2]))
ok(close(v, 76.0) and t == FLOAT8, "health_score of list parameters: 76", v)
v, t = one(cur, """SELECT array_agg(m ORDER BY ch) FROM (SELECT ch, nps(s) AS m
                   FROM (VALUES ('a', 10), ('a', 0), ('b', 9)) a(ch, s) GROUP BY ch) g""")
ok(t == FLOAT8_ARRAY and v == [0.0, 100.0], "an array of metrics is float8[], a list of floats", (v, t))

# ---- the catalog ----------------------------------------------------------
# What a BI tool would do to list the metrics, with an array parameter.
cur.execute("""SELECT signature, returns, to_regtype(returns)::oid FROM retention_catalog
                WHERE kind = ANY(%s) AND unit NOT IN ('state', 'model', 'record') ORDER BY signature""",
            (["aggregate", "merge", "window", "scalar"],))
rows = cur.fetchall()
ok(len(rows) > 50 and all(r[2] is not None and r[2] < FIRST_USER_OID for r in rows),
   "every metric in retention_catalog returns a built-in type (no custom OID)",
   [r for r in rows if r[2] is None or r[2] >= FIRST_USER_OID])

conn.close()
print("1..%d" % n)
sys.exit(1 if failed else 0)
