"""Client-driver test: retention's metrics through psycopg 3 (Debian's
python3-psycopg), printed as TAP for prove (tools/test).

Unlike psycopg2, psycopg 3 binds parameters on the server (the extended
protocol: Parse/Bind/Execute), prepares a statement on the server with
prepare=True, and reads binary results with binary=True.  Checked: the
metrics in binary and in text are the same Python values (float, Decimal,
timedelta, list), no custom type OID in a metric column's metadata, states
and clv_model as readable text that reads back in (in binary, a state is its
send form, bytes), and the numbers.

Connects with the PG* environment (PGHOST = the private socket directory).
"""
import datetime
import decimal
import json
import sys

import psycopg
from psycopg.types.range import Range

FLOAT8, FLOAT8_ARRAY, INTERVAL, NUMERIC = 701, 1022, 1186, 1700
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


def one(cur, sql, params=None, **kw):
    """The single value of a one-row, one-column query, and its type OID."""
    cur.execute(sql, params, **kw)
    return cur.fetchone()[0], cur.description[0].type_code


conn = psycopg.connect("", autocommit=True)
cur = conn.cursor()
print("# psycopg %s (%s), server %s" % (psycopg.__version__, psycopg.pq.__impl__, conn.info.server_version))

# ---- nps: a list parameter bound on the server, binary float8 back -------
v, t = one(cur, "SELECT nps(s) FROM unnest(%s::int[]) s", ([10, 9, 8, 6, None],), binary=True)
ok(t == FLOAT8 and isinstance(v, float) and v == 25.0 and cur.pgresult.fformat(0) == 1,
   "nps, server-bound list parameter, binary result: 25.0", (v, t))

v, t = one(cur, "SELECT nps_state(s) FROM unnest(%s::int[]) s", ([10, 9, 7, 3],))
ok(t >= FIRST_USER_OID and v == "v1 promoters=2 passives=1 detractors=1",
   "nps_state in text is its readable text (custom type OID %d)" % t, v)
b, _ = one(cur, "SELECT nps_state(s) FROM unnest(%s::int[]) s", ([10, 9, 7, 3],), binary=True)
ok(isinstance(b, bytes) and len(b) > 0, "nps_state in binary is bytes (its send form)", b)
v2, _ = one(cur, "SELECT nps(%s::nps_state)", (v,), binary=True)
ok(v2 == 25.0, "the state text reads back in as a parameter", v2)

# ---- churn_rate with a daterange parameter, prepared on the server -------
cur.execute("""CREATE TEMP TABLE subscriptions (customer_id int, plan text, started_at date, ended_at date);
INSERT INTO subscriptions VALUES
    (1, 'pro', '2025-03-01', NULL), (2, 'pro', '2025-06-01', '2026-01-15'),
    (3, 'basic', '2025-11-01', '2026-02-01'), (4, 'basic', '2026-01-10', NULL),
    (5, 'basic', '2026-01-03', '2026-01-20'), (6, 'pro', '2025-01-01', '2026-01-05'),
    (6, 'pro', '2026-01-25', NULL), (7, 'basic', NULL, NULL)""")
churn = """SELECT churn_rate(daterange(started_at, ended_at), %s::daterange),
                  retention_rate(daterange(started_at, ended_at), %s::daterange) FROM subscriptions"""
january = Range(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))
december = Range(datetime.date(2025, 12, 1), datetime.date(2026, 1, 1))
cur.execute(churn, (january, january), prepare=True, binary=True)
row = cur.fetchone()
ok(row == (60.0, 40.0) and [d.type_code for d in cur.description] == [FLOAT8, FLOAT8],
   "prepared churn_rate and retention_rate, January, binary: 60 and 40", row)
cur.execute(churn, (december, december), prepare=True, binary=True)
row = cur.fetchone()
cur.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%%churn_rate%%'")
prepared = cur.fetchone()[0]
ok(row == (0.0, 100.0) and prepared == 1, "the same server-side prepared statement, December: 0 and 100", (row, prepared))

# ---- orders ---------------------------------------------------------------
cur.execute("""CREATE TEMP TABLE orders (customer_id int, ordered_on date);
INSERT INTO orders VALUES (1, '2026-01-01'), (1, '2026-01-11'), (1, '2026-01-21'), (2, '2026-01-02'),
                          (3, '2026-01-05'), (3, '2026-01-15'), (4, '2026-01-09')""")
rpr = "SELECT repeat_purchase_ratio(customer_id) FROM orders WHERE ordered_on >= %s"
v, t = one(cur, rpr, (datetime.date(2026, 1, 6),), prepare=True, binary=True)
w, _ = one(cur, rpr, (datetime.date(2026, 1, 6),), prepare=True)
ok(t == FLOAT8 and v == w == 100 / 3, "repeat_purchase_ratio, binary = text = 33.33...", (v, w))

for binary in (True, False):
    v, t = one(cur, "SELECT time_between_purchases(customer_id, ordered_on) FROM orders WHERE customer_id = ANY(%s)",
               ([1, 2, 3, 4],), binary=binary)
    ok(t == INTERVAL and v == datetime.timedelta(days=10),
       "time_between_purchases, %s: a timedelta of 10 days" % ("binary" if binary else "text"), (v, t))

v, t = one(cur, """SELECT revenue_churn(s, e) FROM (VALUES (100.00, 150.00), (200.00, 200.00), (100.00, 40.00),
                   (300.00, NULL), (50.00, 0)) m(s, e) WHERE s >= %s""", (0,), binary=True)
ok(t == NUMERIC and v == decimal.Decimal("410.0000"), "revenue_churn, binary numeric: Decimal 410.0000", (v, t))

# ---- clv_fit and clv_predict ---------------------------------------------
published = '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'
v, t = one(cur, "SELECT clv_predict(%s::clv_model, %s, %s, %s, %s, %s, %s)",
           (published, 39.0, 2.0, 30.43, 38.86, 30.0, 0.01), binary=True)
ok(t == FLOAT8 and abs(v - 31.62779154635129) <= 1e-12 * 31.63, "clv_predict with the published CDNOW model: 31.6278", v)

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
ok(t >= FIRST_USER_OID and params is not None and params["customers"] == 40,
   "clv_fit returns a clv_model as readable JSON text", model)
v, _ = one(cur, "SELECT clv_p_alive(%s::clv_model, 2, 30.43, 38.86)", (model,), binary=True)
w, _ = one(cur, "SELECT clv_p_alive((" + fit + "), 2, 30.43, 38.86)", binary=True)
ok(v is not None and v == w, "the model's text, sent back as a parameter, predicts exactly as the model", (v, w))

# ---- arrays ---------------------------------------------------------------
v, t = one(cur, "SELECT health_score(%s, %s)", ([80.0, 60.0, 90.0], [0.5, 0.3, 0.2]), binary=True)
ok(v == 76.0 or abs(v - 76.0) < 1e-12, "health_score of float lists (float8[] parameters), binary: 76", v)
v, t = one(cur, """SELECT array_agg(m ORDER BY ch) FROM (SELECT ch, nps(s) AS m
                   FROM (VALUES ('a', 10), ('a', 0), ('b', 9)) a(ch, s) GROUP BY ch) g WHERE %s""",
           (True,), binary=True)
ok(t == FLOAT8_ARRAY and v == [0.0, 100.0], "an array of metrics, binary float8[]: a list of floats", (v, t))

conn.close()
print("1..%d" % n)
sys.exit(1 if failed else 0)
