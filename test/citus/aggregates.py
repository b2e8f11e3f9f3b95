#!/usr/bin/python3
"""Every aggregate of the extension on a real Citus cluster (TAP).

The aggregates come from the catalog (pg_aggregate and the extension's
members), every signature: the metrics m(args), the state aggregates
m_state(args) and the rollup forms m(m_state) and m_state(m_state).  Each
one's arguments are built from one generated table of order-like rows by
FEED below, by argument name and type; an argument FEED does not know is a
failure, so a new aggregate is either fed or noticed.  The table is
hash-distributed by customer; each aggregate runs grouped by a column that
is not the distribution column, and ungrouped, with coordinator aggregation
disabled, and must equal the same query over a local (not distributed)
copy of the rows.  EXPLAIN must show the aggregation inside the worker
tasks (worker_partial_agg), not rows gathered to the coordinator.  The
state arguments come from distributed rollup tables filled by INSERT ...
SELECT m_state(...) on the workers.

Run by test/citus/citus.sh, which starts the cluster.
"""
import argparse
import io
import re
import sys

import psycopg2

ap = argparse.ArgumentParser()
ap.add_argument('--host', required=True)
ap.add_argument('--port', type=int, required=True)
ap.add_argument('--data', required=True, help='the CDNOW sample (../shared/data/cdnow_sample.txt)')
opts = ap.parse_args()
tests = []          # (ok, description, diagnostics)


def ok(cond, desc, diag=''):
    tests.append((bool(cond), desc, diag))
    return cond


def print_tap():
    """The plan and one line per test.  A failure's line and diagnostics go
    to stderr too: prove (as tools/test runs it) shows stderr, so a CI log
    says which aggregate differed and how."""
    print(f'1..{len(tests)}')
    for i, (good, desc, diag) in enumerate(tests, 1):
        print(f'{"ok" if good else "not ok"} {i} - {desc}')
        if not good:
            sys.stdout.flush()
            print(f'# not ok {i} - {desc}', file=sys.stderr)
            for line in diag.splitlines():
                print(f'#   {line}', file=sys.stderr)
            sys.stderr.flush()
    sys.stdout.flush()


def connect(db):
    conn = psycopg2.connect(host=opts.host, port=opts.port, user='postgres', dbname=db)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET TimeZone = 'UTC'")
    return conn, cur


# The rows are the CDNOW sample (real orders: 2 357 customers, 6 919
# orders in 1997-98, on which the CLV models are known to converge) as
# facts(s, k, g, day, amount): s a row number, k the customer, g = k % 4 a
# group that is not the distribution column (so that each group holds
# whole customers: enough to fit the CLV models), day and amount the
# order's.  Two distributed copies: facts is distributed by customer (each
# customer's rows in one shard), facts_by_order by s (a customer's rows in
# several shards, so the coordinator merges partial states that share
# customers).  Argument expressions are built from
# these.  A row-level argument is NULL in every 17th row (NULLs are
# skipped); the parameters that must be the same in a group are constants.
def null_some(expr):
    return f'CASE WHEN s % 17 = 0 THEN NULL ELSE {expr} END'


TS0 = "timestamptz '2024-01-01 00:00+00'"
# the order's day as a timestamptz at noon UTC, whatever the TimeZone
ORDER_TS = "(timestamptz '1997-01-01 12:00+00' + (day - date '1997-01-01') * interval '24 hours')"
KEYS = {
    'smallint': 'k::int2',
    'integer': 'k::int4',
    'numeric': 'k::numeric',
    'bigint': 'k',
    'text': "('c' || k)",
    'character varying': "('c' || k)::varchar",
    'uuid': 'md5(k::text)::uuid',
}
# survey scores: every type a score may have (whole numbers in each)
SCORE_TYPES = {
    'smallint': 'int2',
    'integer': 'int4',
    'bigint': 'int8',
    'numeric': 'numeric',
    'double precision': 'float8',
}
PERIODS = {
    'daterange': "daterange('2024-02-01', '2024-03-01')",
    'tsrange': "tsrange('2024-02-01', '2024-03-01')",
    'tstzrange': "tstzrange('2024-02-01 00:00+00', '2024-03-01 00:00+00')",
}


def activity(rtype, multi):
    lo = {'date': "date '2024-01-01' + (s % 60)::int",
          'ts': "timestamp '2024-01-01' + (s % 60) * interval '1 day'",
          'tstz': f"{TS0} + (s % 60) * interval '1 day'"}[rtype]
    unit = "" if rtype == 'date' else " * interval '1 day'"
    hi = f"{lo} + (5 + s % 90){unit}" if rtype != 'date' else f"{lo} + (5 + s % 90)::int"
    rng = {'date': 'daterange', 'ts': 'tsrange', 'tstz': 'tstzrange'}[rtype]
    one = f'{rng}({lo}, {hi})'
    if not multi:
        return one
    if rtype == 'date':
        later = f'{rng}({hi} + 10, {hi} + 40)'
    else:
        later = f"{rng}({hi} + interval '10 days', {hi} + interval '40 days')"
    return f'{rng.replace("range", "multirange")}({one}, {later})'


def bgbb_buys(j):
    """Whether the row's simulated customer buys at opportunity j (1..6)."""
    prime = (7, 11, 13, 17, 19, 23)[j - 1]
    return (f'({j} <= 1 + ((s * 37) % 100) * ((s * 37) % 100) / 1000 '
            f'AND (s * {prime}) % 103 < (s * 31) % 101)')


def bgbb_frequency():
    return '(' + ' + '.join(f'{bgbb_buys(j)}::int' for j in range(1, 7)) + ')::int4'


def bgbb_recency():
    return 'greatest(' + ', '.join(f'CASE WHEN {bgbb_buys(j)} THEN {j} ELSE 0 END' for j in range(1, 7)) + ')::int4'


def feed(agg, name, typ, argtypes):
    """The SQL expression for argument name of type typ of aggregate agg."""
    if name in ('customer_id', 'user_id') and typ in KEYS:
        return null_some(KEYS[typ])
    agg = agg[:-len('_state')] if agg.endswith('_state') else agg
    if agg == 'cohort_revenue_retention' and name == 'cohort_start' and typ == 'date':
        return "date '1997-01-01'"
    if name == 'gross' and typ == 'boolean':
        return 'true'
    if name == 'trial_started_at':
        return {'timestamp with time zone': null_some(ORDER_TS), 'date': null_some('day')}.get(typ)
    if name == 'converted_at':
        if typ == 'timestamp with time zone':
            return f"CASE WHEN s % 3 = 0 THEN NULL ELSE {ORDER_TS} + (s % 20) * interval '1 day' END"
        if typ == 'date':
            return "CASE WHEN s % 3 = 0 THEN NULL ELSE day + (s % 20)::int END"
    if name == 'within' and typ == 'interval':
        return "interval '14 days'"
    if name == 'score' and typ in SCORE_TYPES:
        with_scale = len(argtypes) > 1
        cast = SCORE_TYPES[typ]
        if agg == 'nps':
            return null_some(f'(s % 11)::{cast}')
        if agg == 'csat':
            return null_some(f'(1 + s % 7)::{cast}' if with_scale else f'(1 + s % 5)::{cast}')
        if agg == 'ces':
            return null_some(f'(1 + s % 5)::{cast}' if with_scale else f'(1 + s % 7)::{cast}')
    if name == 'scale_max' and typ in ('integer', 'double precision'):
        lit = {'csat': '7', 'ces': '5'}.get(agg)
        return lit and (lit if typ == 'integer' else f'{lit}::float8')
    if name in ('satisfied', 'converted', 'returned') and typ == 'boolean':
        return null_some('(s % 3 = 0)')
    if name == 'activity':
        multi = 'multirange' in typ
        base = typ.replace('multirange', 'range')
        rtype = {'daterange': 'date', 'tsrange': 'ts', 'tstzrange': 'tstz'}.get(base)
        if rtype:
            return null_some(activity(rtype, multi))
    # sbg_fit: one cohort's survivors at the start of periods 0, 1, 2 (each
    # row adds its customers to its period; the sums fall steeply enough in
    # every group that no group's counts rise, and the fit converges)
    if agg == 'sbg_fit' and name == 'period' and typ == 'integer':
        return '(s % 3)::int4'
    if agg == 'sbg_fit' and name == 'customers' and typ == 'bigint':
        return null_some('(CASE s % 3 WHEN 0 THEN 1000 WHEN 1 THEN 300 ELSE 150 END)::int8')
    # bgbb_fit: one (frequency, recency, periods) pattern per row, made by
    # a deterministic simulation from the row number: a purchase chance per
    # row, a purchase at opportunity j when a per-opportunity draw is below
    # it, while j <= the row's death time (decreasing hazard); possible by
    # construction (frequency <= recency <= periods)
    if agg == 'bgbb_fit' and typ in ('integer', 'bigint'):
        return {'frequency': bgbb_frequency(), 'recency': bgbb_recency(),
                'periods': '6', 'customers': null_some('(1 + s % 3)::int8')}.get(name)
    if name == 'period' and typ in PERIODS:
        return PERIODS[typ]
    if name == 'period' and typ == 'interval':
        return "interval '1 month'"
    if name in ('start_mrr', 'end_mrr') and typ in ('numeric', 'double precision'):
        m = 50 if name == 'start_mrr' else 37
        return null_some(f"(s % {m})::{'numeric' if typ == 'numeric' else 'float8'}")
    if name == 'amount' and typ in ('numeric', 'double precision'):
        return null_some(f"amount::{'numeric' if typ == 'numeric' else 'float8'}")
    # returning_customer_rate: the CDNOW days moved to 2024, so that the
    # period (February 2024) has customers who bought in January and new ones
    if name == 'ordered_at':
        return null_some({'date': "date '2024-01-01' + (day - date '1997-01-01')",
                          'timestamp without time zone':
                              "timestamp '2024-01-01 12:00' + (day - date '1997-01-01') * interval '1 day'",
                          'timestamp with time zone':
                              f"{TS0} + interval '12 hours' + (day - date '1997-01-01') * interval '1 day'"}[typ])
    if name in ('purchased_at', 'purchased_on'):
        if typ == 'timestamp with time zone':
            return null_some(ORDER_TS)
        if typ == 'date':
            return null_some('day')
    if name == 'issued_on':
        if typ == 'timestamp with time zone':
            return null_some(f"{TS0} + (s % 2000) * interval '7 hours'")
        if typ == 'date':
            return null_some("date '2024-01-01' + (s % 300)::int")
    if name == 'paid_on':
        if typ == 'timestamp with time zone':
            return (f"CASE WHEN s % 7 = 0 THEN NULL ELSE "
                    f"{TS0} + (s % 2000) * interval '7 hours' + (s % 40) * interval '1 day' END")
        if typ == 'date':
            return "CASE WHEN s % 7 = 0 THEN NULL ELSE date '2024-01-01' + (s % 300)::int + (s % 40)::int END"
    if name == 'due_on' and typ == 'date':
        return "date '2024-01-01' + (s % 300)::int + (s % 50)::int"
    if name == 'due_on' and typ == 'timestamp with time zone':
        return f"{TS0} + (s % 2000) * interval '7 hours' + (s % 50) * interval '1 day'"
    if name == 'as_of' and typ == 'date':
        return "date '2024-06-30'"
    if name == 'as_of' and typ == 'timestamp with time zone':
        # the receivables' timestamptz forms read it as its day in TimeZone (UTC on every node)
        return "timestamptz '2024-06-30 18:00+00'"
    if name == 'observed_until' and agg in ('cohort_retention', 'cohort_periods'):
        return {'timestamp with time zone': "timestamptz '2024-05-01 00:00+00'",
                'date': "date '2024-05-01'"}.get(typ)
    if name == 'brackets' and typ == 'interval[]':
        return "ARRAY['0 days', '7 days', '30 days', '90 days']::interval[]"
    if name == 'mode' and typ == 'text':
        return "'on_or_after'"
    if name == 'origin':
        return {'timestamp with time zone': TS0, 'date': "date '2024-01-01'"}.get(typ)
    if name == 'observed_until':
        return {'timestamp with time zone': "timestamptz '1997-09-30 12:00+00'",
                'date': "date '1997-09-30'"}.get(typ)
    if name == 'time_unit' and typ == 'interval':
        return "interval '1 week'"
    if name == 'horizon' and typ == 'interval':
        return "interval '52 weeks'"
    # clv_fit: one made-up customer summary per row (frequency x, recency
    # t_x <= age T, monetary > 0 when x > 0), heterogeneous enough to fit
    if name == 'frequency' and typ == 'double precision':
        return null_some('(k % 7 / 3)::float8')
    if name == 'recency' and typ == 'double precision':
        return 'CASE WHEN k % 7 / 3 = 0 THEN 0 ELSE 1 + s % 20 END::float8'
    if name == 'age' and typ == 'double precision':
        return '(30 + s % 10)::float8'
    if name == 'monetary' and typ == 'double precision':
        return 'CASE WHEN k % 7 / 3 = 0 THEN 0 ELSE amount + 1 END::float8'
    if agg in ('clv_fit', 'clv_fit_state') and name == 'model' and typ == 'text':
        return "'mbgnbd'"
    if agg in ('clv', 'clv_state') and name == 'model' and typ == 'text':
        return "'pareto_nbd'"
    if name == 'min_orders' and typ in ('integer', 'double precision'):
        return '2' if typ == 'integer' else '2::float8'
    if name == 'units_sold' and typ == 'bigint':
        return null_some('(1 + s % 5)::int8')
    if name == 'units_returned' and typ == 'bigint':
        return '(s % 2)::int8'
    if name == 'conversions' and typ == 'bigint':
        return null_some('(s % 3)::int8')
    if name == 'visitors' and typ == 'bigint':
        return '(3 + s % 5)::int8'
    if name == 'cohort_start':
        if typ == 'timestamp with time zone':
            return f"{TS0} + (k % 30) * interval '1 day'"
        if typ == 'date':
            return "date '2024-01-01' + (k % 30)::int"
    if name == 'active_at':
        if typ == 'timestamp with time zone':
            return null_some(f"{TS0} + (k % 30) * interval '1 day' + (s % 200) * interval '1 day'")
        if typ == 'timestamp without time zone':
            return null_some("timestamp '2024-01-01' + (k % 30) * interval '1 day' + (s % 200) * interval '1 day'")
        if typ == 'date':
            return null_some("date '2024-01-01' + (k % 30)::int + (s % 200)::int")
    if name == 'window' and typ == 'interval':
        return "interval '30 days'"
    if name == 'ts' and typ == 'timestamp with time zone':
        return null_some(ORDER_TS)
    if name == 'steps' and typ == 'boolean[]':
        return ('VARIADIC ARRAY[amount > 0, amount > 20, '
                'CASE WHEN s % 5 = 0 THEN NULL ELSE amount > 50 END]')
    if name == 'month' and typ == 'date':
        return null_some("date_trunc('month', day)::date")
    if name == 'mrr' and typ in ('numeric', 'double precision'):
        return null_some(f"(amount * (1 + s % 3))::{'numeric' if typ == 'numeric' else 'float8'}")
    if name == 'active_on' and typ == 'date':
        return null_some("date '2024-01-01' + (s % 40)::int")
    return None


def numbers_equal(a, b):
    """Equal text, or equal apart from the last digits of floating point numbers."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    num = r'-?\d+(?:\.\d+)?(?:e[-+]?\d+)?'
    if re.sub(num, '#', a) != re.sub(num, '#', b):
        return False
    for x, y in zip(re.findall(num, a), re.findall(num, b)):
        fx, fy = float(x), float(y)
        if abs(fx - fy) > 1e-9 * max(1.0, abs(fx), abs(fy)):
            return False
    return True


def load_facts(cur):
    """The CDNOW sample into the distributed table facts and its local copy."""
    cur.execute("SET citus.shard_count = 4")
    cur.execute("CREATE TEMP TABLE raw (master text, k int8, day text, cds int, amount numeric)")
    with open(opts.data) as f:
        text = ''.join(' '.join(line.split()) + '\n' for line in f if line.strip())
    cur.copy_expert("COPY raw FROM STDIN WITH (FORMAT text, DELIMITER ' ')", io.StringIO(text))
    cur.execute("""CREATE TABLE facts_local AS
                   SELECT s, k, (k % 4)::int4 AS g, to_date(day, 'YYYYMMDD') AS day, amount
                     FROM (SELECT row_number() OVER (ORDER BY k, day, amount) AS s, * FROM raw) r""")
    for table, column in (('facts', 'k'), ('facts_by_order', 's')):
        cur.execute(f"CREATE TABLE {table} (LIKE facts_local)")
        cur.execute(f"SELECT create_distributed_table('{table}', '{column}')")
        cur.execute(f"INSERT INTO {table} SELECT * FROM facts_local")
    cur.execute("SELECT count(*), count(DISTINCT k) FROM facts")
    return cur.fetchone()


def main():
    conn, cur = connect('retention_citus')
    cur.execute("SELECT result FROM run_command_on_workers("
                "$$SELECT extversion FROM pg_extension WHERE extname = 'retention'$$) ORDER BY nodeport")
    versions = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT extversion FROM pg_extension WHERE extname = 'retention'")
    mine = cur.fetchone()[0]
    ok(versions == [mine, mine], f'CREATE EXTENSION on the coordinator reaches both workers (version {mine})',
       f'workers: {versions}')

    rows, customers = load_facts(cur)
    cur.execute("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'facts'::regclass")
    shards = cur.fetchone()[0]
    ok(rows == 6919 and customers == 2357 and shards == 4,
       f'the CDNOW sample ({rows} orders of {customers} customers) in a table of {shards} shards, '
       'hash-distributed by customer, and a local copy')

    cur.execute("""
        SELECT p.oid::regprocedure::text, p.proname,
               ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) WITH ORDINALITY u(t, i) ORDER BY i),
               coalesce(p.proargnames, ARRAY[]::text[]),
               ARRAY(SELECT t FROM unnest(p.proargtypes) WITH ORDINALITY u(t, i) ORDER BY i)::oid[]
          FROM pg_proc p
          JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
          JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'retention'
         WHERE p.prokind = 'a'
         ORDER BY p.proname, p.oid::regprocedure::text""")
    aggs = cur.fetchall()
    ok(len(aggs) > 100, f'the catalog lists {len(aggs)} aggregate signatures')

    # state types: a type of the extension that is some aggregate's STYPE
    cur.execute("""
        SELECT DISTINCT format_type(a.aggtranstype, NULL) FROM pg_aggregate a
          JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
          JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'retention'""")
    state_types = {r[0] for r in cur.fetchall()}

    def call_args(agg, argtypes, argnames):
        exprs = []
        for i, typ in enumerate(argtypes):
            name = argnames[i] if i < len(argnames) else ''
            if typ in state_types and not name:
                exprs.append('st')
                continue
            e = feed(agg, name, typ, argtypes)
            if e is None:
                return None, f'no way to feed argument {name or "$" + str(i + 1)} {typ}'
            exprs.append(e)
        return ', '.join(exprs), None

    # rollup tables of every state type, filled on the workers by INSERT ... SELECT
    builders = {}
    for sig, name, argtypes, argnames, _ in aggs:
        # a builder takes rows, not states: clv_fit_state(clv_fit_state, model)
        # merges stored states and cannot fill a rollup from the facts
        if name in state_types and not any(t in state_types for t in argtypes):
            builders.setdefault(name, (sig, argtypes, argnames))
    rollups = {}
    for st in sorted(state_types):
        if st not in builders:
            ok(False, f'{st}: some aggregate {st}(args) builds it', 'no builder aggregate in the catalog')
            continue
        sig, argtypes, argnames = builders[st]
        args, why = call_args(st, argtypes, argnames)
        if args is None:
            continue        # reported with the aggregate itself below
        try:
            cur.execute(f"CREATE TABLE roll_{st} (g int4, k int8, st {st})")
            cur.execute(f"SELECT create_distributed_table('roll_{st}', 'k')")
            cur.execute(f"INSERT INTO roll_{st} SELECT g, k, {st}({args}) FROM facts GROUP BY g, k")
            cur.execute(f"CREATE TABLE roll_{st}_local AS SELECT g, k, {st}({args}) AS st FROM facts_local GROUP BY g, k")
            cur.execute(f"SELECT count(*), count(st) FROM roll_{st}")
            n, nst = cur.fetchone()
            cur.execute(f"SELECT g, k, st::text FROM roll_{st} ORDER BY g, k")
            got = cur.fetchall()
            cur.execute(f"SELECT g, k, st::text FROM roll_{st}_local ORDER BY g, k")
            same = got == cur.fetchall()
            rollups[st] = True
            ok(n > 0 and same, f'{st}: {n} states stored by the workers in a distributed rollup '
               f'(INSERT ... SELECT {sig}) equal the local ones')
        except psycopg2.Error as ex:
            ok(False, f'{st}: a distributed rollup table of stored states', str(ex).strip())

    for sig, name, argtypes, argnames, _ in aggs:
        args, why = call_args(name, argtypes, argnames)
        if args is None:
            ok(False, f'{sig}: fed by the suite', why)
            continue
        over_state = 'st' in args.split(', ')
        if over_state:
            st = [t for t in argtypes if t in state_types][0]
            if st not in rollups:
                ok(False, f'{sig}: over stored {st} values', 'no rollup table')
                continue
            dist, local = f'roll_{st}', f'roll_{st}_local'
            dists = [dist]
        else:
            dists, local = ['facts', 'facts_by_order'], 'facts_local'
        call = f'{name}({args})'
        queries = {
            'grouped': f'SELECT g, ({call})::text FROM {{t}} GROUP BY g ORDER BY g',
            'ungrouped': f'SELECT ({call})::text FROM {{t}}',
        }
        problems = []
        for (kind, q), dist in [(kq, d) for kq in queries.items() for d in dists]:
            try:
                cur.execute(q.format(t=local))
                want = cur.fetchall()
                cur.execute(q.format(t=dist))
                got = cur.fetchall()
                if len(want) != len(got) or not all(
                        all(numbers_equal(str(a), str(b)) for a, b in zip(r1, r2)) for r1, r2 in zip(want, got)):
                    problems.append(f'{kind}, {dist}: distributed {got!r} differs from local {want!r}'[:600])
                if kind == 'grouped' and all(v is None for r in want for v in r[1:]):
                    problems.append(f'{kind}: every group is NULL, the feed tests nothing')
                cur.execute('EXPLAIN (VERBOSE, COSTS OFF) ' + q.format(t=dist))
                plan = '\n'.join(r[0] for r in cur.fetchall())
                if 'worker_partial_agg' not in plan or 'coord_combine_agg' not in plan:
                    problems.append(f'{kind}, {dist}: the plan does not aggregate on the workers:\n{plan[:800]}')
            except psycopg2.Error as ex:
                problems.append(f'{kind}, {dist}: {str(ex).strip()}')
        ok(not problems, f'{sig}: grouped and ungrouped on the workers, equal to one node'
           + ('' if over_state else ', rows distributed by customer and by order'),
           '\n'.join(problems))

    conn.close()

    # The extension created on every node before the nodes were joined:
    # every aggregate over order rows, ungrouped.
    conn, cur = connect('retention_citus_each')
    load_facts(cur)
    bad = []
    n = 0
    for sig, name, argtypes, argnames, _ in aggs:
        args, why = call_args(name, argtypes, argnames)
        if args is None or 'st' in args.split(', '):
            continue
        n += 1
        q = f'SELECT ({name}({args}))::text FROM {{t}}'
        try:
            cur.execute(q.format(t='facts_local'))
            want = cur.fetchone()[0]
            cur.execute(q.format(t='facts_by_order'))
            got = cur.fetchone()[0]
            if not numbers_equal(want, got):
                bad.append(f'{sig}: {got!r} != {want!r}'[:300])
        except psycopg2.Error as ex:
            bad.append(f'{sig}: {str(ex).strip()}'[:300])
    ok(not bad and n > 50, f'extension created on every node first: {n} aggregates over rows equal one node '
       '(rows distributed by order, ungrouped)',
       '\n'.join(bad[:20]))
    conn.close()

    # retention 1.1, not updated: its keyed transition functions are the
    # 1.1 symbols (src/compat.c), which find the key type without the call
    # expression that Citus' worker_partial_agg does not pass.
    conn, cur = connect('retention_citus_11')
    load_facts(cur)
    problems = []
    for q in ('SELECT repeat_purchase_ratio(k)::text FROM {t}',
              'SELECT repeat_purchase_ratio(k::int4)::text FROM {t}',
              'SELECT loyal_customer_rate(k::text, 3)::text FROM {t}',
              'SELECT purchase_frequency(md5(k::text)::uuid)::text FROM {t}',
              'SELECT time_between_purchases(k, day)::text FROM {t}'):
        try:
            cur.execute(q.format(t='facts_local'))
            want = cur.fetchone()[0]
            for dist in ('facts', 'facts_by_order'):
                cur.execute(q.format(t=dist))
                got = cur.fetchone()[0]
                if want is None or not numbers_equal(str(want), str(got)):
                    problems.append(f'{q.format(t=dist)}: {got!r}, one node {want!r}')
        except psycopg2.Error as ex:
            problems.append(f'{q}: {str(ex).strip()}')
    cur.execute("SELECT extversion FROM pg_extension WHERE extname = 'retention'")
    version = cur.fetchone()[0]
    ok(not problems and version == '1.1',
       f'retention {version} (not updated): its keyed aggregates on the workers equal one node',
       '\n'.join(problems))
    conn.close()

    print_tap()


try:
    main()
except Exception as ex:     # a crash of the suite itself is one failure, shown
    tests.append((False, 'the Citus suite runs to the end', repr(ex)))
    print_tap()
    sys.exit(1)
