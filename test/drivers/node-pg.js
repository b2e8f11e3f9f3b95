// Client-driver test: retention's metrics through node-pg (npm "pg", pinned
// by test/drivers/package-lock.json; tools/test installs it into a
// git-ignored cache and sets NODE_PATH), printed as TAP for prove.
//
// node-pg sends every query that has parameters through the extended
// protocol (Parse/Bind/Execute); a query with a name is parsed once per
// connection and re-executed (a prepared statement).  Results are read in
// text format, which PostgreSQL 15 writes with the shortest exact digits, so
// floats arrive exact.  binary: true does ask the server for binary results
// (checked below), but node-pg 8 decodes every DataRow field as UTF-8 text
// before its binary type parsers run, so a float8 whose bytes are not valid
// UTF-8 comes back wrong (33.87 for 33.33): a TODO test records that.  Its
// binary parsers also cover neither interval nor float8[].  Checked: every
// metric comes back as a type node-pg maps natively (number,
// PostgresInterval, array, numeric as a string), no custom type OID in a
// metric column's metadata, states and clv_model as readable text that reads
// back in, and the numbers.
//
// Connects with the PG* environment (PGHOST = the private socket directory).
'use strict';
const { Client } = require('pg');

const FLOAT8 = 701, FLOAT8_ARRAY = 1022, INTERVAL = 1186, NUMERIC = 1700;
const FIRST_USER_OID = 16384;

let n = 0, failed = 0;
function ok(cond, name, diag) {
  n += 1;
  if (!cond) failed += 1;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${name}`);
  if (!cond && diag !== undefined) console.log('# ' + JSON.stringify(diag));
}
const close = (a, b) => typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function main() {
  const c = new Client();
  await c.connect();
  const ver = (await c.query('SHOW server_version')).rows[0].server_version;
  console.log(`# node ${process.version}, pg ${require('pg/package.json').version}, server ${ver}`);

  // One value of a one-row, one-column query, with its type and format.
  async function one(config) {
    const r = await c.query(config);
    const f = r.fields[0];
    return { v: r.rows[0][f.name], type: f.dataTypeID, format: f.format };
  }

  // ---- nps: a float8 from a parameterised query ---------------------------
  let r = await one({ text: 'SELECT nps(s) FROM unnest($1::int[]) s', values: [[10, 9, 8, 6, null]] });
  ok(r.v === 25 && r.type === FLOAT8, 'nps of an array parameter is the number 25', r);

  r = await one({ text: 'SELECT nps_state(s) FROM unnest($1::int[]) s', values: [[10, 9, 7, 3]] });
  ok(r.type >= FIRST_USER_OID && r.v === 'v1 promoters=2 passives=1 detractors=1',
    `nps_state comes back as its readable text (custom type OID ${r.type})`, r);
  const back = await one({ text: 'SELECT nps($1::nps_state)', values: [r.v] });
  ok(back.v === 25, 'the state text reads back in as a parameter', back);

  // ---- churn_rate with a daterange parameter, a named prepared statement -
  await c.query(`CREATE TEMP TABLE subscriptions (customer_id int, plan text, started_at date, ended_at date);
    INSERT INTO subscriptions VALUES
      (1, 'pro', '2025-03-01', NULL), (2, 'pro', '2025-06-01', '2026-01-15'),
      (3, 'basic', '2025-11-01', '2026-02-01'), (4, 'basic', '2026-01-10', NULL),
      (5, 'basic', '2026-01-03', '2026-01-20'), (6, 'pro', '2025-01-01', '2026-01-05'),
      (6, 'pro', '2026-01-25', NULL), (7, 'basic', NULL, NULL)`);
  const churn = {
    name: 'retention_churn',
    text: `SELECT churn_rate(daterange(started_at, ended_at), $1::daterange),
                  retention_rate(daterange(started_at, ended_at), $1::daterange) FROM subscriptions`,
  };
  let q = await c.query({ ...churn, values: ['[2026-01-01,2026-02-01)'] });
  ok(q.rows[0].churn_rate === 60 && q.rows[0].retention_rate === 40 &&
     q.fields.every((f) => f.dataTypeID === FLOAT8),
  'prepared churn_rate and retention_rate, January: 60 and 40', q.rows);
  q = await c.query({ ...churn, values: ['[2025-12-01,2026-01-01)'] });
  ok(q.rows[0].churn_rate === 0 && q.rows[0].retention_rate === 100,
    'the same prepared statement, December: 0 and 100', q.rows);

  r = await one({ text: 'SELECT churn_state(daterange(started_at, ended_at), $1) FROM subscriptions',
    values: ['[2026-01-01,2026-02-01)'] });
  ok(typeof r.v === 'string' && r.v.startsWith('v1 at_start=5 retained=2 at_end=4 range=daterange'),
    'churn_state comes back as readable text', r);

  // ---- orders ---------------------------------------------------------------
  await c.query(`CREATE TEMP TABLE orders (customer_id int, ordered_on date);
    INSERT INTO orders VALUES (1, '2026-01-01'), (1, '2026-01-11'), (1, '2026-01-21'), (2, '2026-01-02'),
                              (3, '2026-01-05'), (3, '2026-01-15'), (4, '2026-01-09')`);
  const rpr = { name: 'retention_rpr', text: 'SELECT repeat_purchase_ratio(customer_id) FROM orders WHERE ordered_on >= $1',
  };
  q = await c.query({ ...rpr, values: ['2026-01-01'] });
  ok(q.rows[0].repeat_purchase_ratio === 50 && q.fields[0].dataTypeID === FLOAT8,
    'prepared repeat_purchase_ratio: 50', q.rows);
  q = await c.query({ ...rpr, values: ['2026-01-06'] });
  ok(close(q.rows[0].repeat_purchase_ratio, 100 / 3), 'prepared repeat_purchase_ratio from 6 January: 33.3', q.rows);

  r = await one({ text: 'SELECT time_between_purchases(customer_id, ordered_on) FROM orders WHERE customer_id = ANY($1)',
    values: [[1, 2, 3, 4]] });
  ok(r.type === INTERVAL && r.v.days === 10 && !r.v.hours && !r.v.months,
    'time_between_purchases is an interval, parsed to 10 days (text format)', r);

  r = await one({ text: `SELECT revenue_churn(s, e) FROM (VALUES (100.00, 150.00), (200.00, 200.00), (100.00, 40.00),
                         (300.00, NULL), (50.00, 0)) m(s, e) WHERE s >= $1`, values: [0] });
  ok(r.type === NUMERIC && r.v === '410.0000', 'revenue_churn is numeric (a string in node-pg text format)', r);

  // ---- clv_fit and clv_predict ----------------------------------------------
  const published = '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}';
  r = await one({ text: 'SELECT clv_predict($1::clv_model, $2, $3, $4, $5, $6, $7)',
    values: [published, 39, 2, 30.43, 38.86, 30, 0.01] });
  ok(r.type === FLOAT8 && close(r.v, 31.62779154635129), 'clv_predict with the published CDNOW model: 31.6278', r);

  // The first 40 customers of the CDNOW sample as weekly summaries: few enough to
  // inline, enough for a converged fit (an unconverged model predicts NULL).
  const fit = `SELECT clv_fit(frequency, recency, age, monetary)
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
      (0, 0.00, 38.71, 0.00)) c(frequency, recency, age, monetary)`;
  const model = await one({ text: fit });
  let params = null;
  try { params = JSON.parse(model.v); } catch (e) { /* reported below */ }
  ok(model.type >= FIRST_USER_OID && params && params.customers === 40 &&
     ['r', 'alpha', 'a', 'b'].every((k) => typeof params[k] === 'number'),
  'clv_fit returns a clv_model as readable JSON text', model);
  const v = await one({ text: 'SELECT clv_p_alive($1::clv_model, 2, 30.43, 38.86)', values: [model.v] });
  const w = await one({ text: `SELECT clv_p_alive((${fit}), 2, 30.43, 38.86)`, queryMode: 'extended' });
  ok(typeof v.v === 'number' && v.v === w.v, 'the model\'s text, sent back as a parameter, predicts exactly as the model', [v, w]);

  // ---- arrays ---------------------------------------------------------------
  r = await one({ text: 'SELECT health_score($1::float8[], $2::float8[])', values: [[80, 60, 90], [0.5, 0.3, 0.2]] });
  ok(close(r.v, 76), 'health_score of array parameters: 76', r);
  r = await one({ text: `SELECT array_agg(m ORDER BY ch) FROM (SELECT ch, nps(s) AS m
                         FROM (VALUES ('a', 10), ('a', 0), ('b', 9)) a(ch, s) GROUP BY ch) g WHERE $1`, values: [true] });
  ok(r.type === FLOAT8_ARRAY && Array.isArray(r.v) && r.v[0] === 0 && r.v[1] === 100,
    'an array of metrics is float8[], an array of numbers (text format)', r);

  // ---- binary results ---------------------------------------------------------
  // Without parameters node-pg uses the simple protocol, which has text
  // results only; queryMode 'extended' forces Parse/Bind/Execute.
  const third = { text: 'SELECT repeat_purchase_ratio(c) FROM unnest($1::int[]) c', values: [[1, 1, 2, 3]] };
  const text = await one(third);
  const bin = await one({ ...third, binary: true });
  ok(bin.format === 'binary' && bin.type === FLOAT8 && text.format === 'text',
    'binary: true gets a binary float8 column (OID 701) from the server', [bin, text]);
  const flat = await one({ text: 'SELECT nps(s) FROM unnest(ARRAY[10, 9, 8, 6]) s', binary: true, queryMode: 'extended' });
  ok(flat.format === 'binary' && flat.v === 25, 'a binary float8 with plain bytes reads right: 25', flat);
  ok(close(text.v, 100 / 3), 'the text result is exact: 33.333...', text);
  {
    const exact = bin.v === text.v;
    console.log(`${exact ? 'ok' : 'not ok'} ${++n} - binary float8 equals the text value ` +
      `# TODO node-pg 8 decodes binary row data as UTF-8 (got ${bin.v})`);
  }

  // ---- the catalog ----------------------------------------------------------
  // What a BI tool would do to list the metrics, with an array parameter.
  q = await c.query({ text: `SELECT signature, returns, to_regtype(returns)::oid AS type_oid FROM retention_catalog
                              WHERE kind = ANY($1) AND unit NOT IN ('state', 'model', 'record') ORDER BY signature`,
  values: [['aggregate', 'merge', 'window', 'scalar']] });
  const odd = q.rows.filter((x) => !(typeof x.type_oid === 'number' && x.type_oid < FIRST_USER_OID));
  ok(q.rows.length > 50 && odd.length === 0,
    'every metric in retention_catalog returns a built-in type (no custom OID)', odd);

  await c.end();
}

main().then(() => {
  console.log(`1..${n}`);
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log(`not ok ${n + 1} - ${e.message}`);
  console.log(`1..${n + 1}`);
  process.exit(1);
});
