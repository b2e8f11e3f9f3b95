-- CDNOW: the transaction log of an online CD store (1997-01 to 1998-06), the
-- customer-base analysis literature's standard data set.  Read client-side by
-- psql (\copy ... FROM PROGRAM runs on the client: the server runs as another
-- user and need not see the checkout) from $RET_CDNOW_DATA, set by tools/demo.
\echo
\echo '=== CDNOW: loading the transaction log ==='

SET TimeZone = 'UTC';
CREATE TABLE cdnow_raw (line text);
\copy cdnow_raw FROM PROGRAM 'cat "$RET_CDNOW_DATA/cdnow_master.txt"'
CREATE TABLE cdnow_sample_raw (line text);
\copy cdnow_sample_raw FROM PROGRAM 'cat "$RET_CDNOW_DATA/cdnow_sample.txt"'

-- whitespace-separated: customer id, date YYYYMMDD, number of CDs, dollar value (after one header line)
CREATE TABLE cdnow_orders AS
SELECT f[1]::int AS customer_id, to_date(f[2], 'YYYYMMDD') AS ordered_on, f[3]::int AS cds, f[4]::numeric AS amount
FROM (SELECT regexp_split_to_array(btrim(line, E' \t\r'), '\s+') AS f FROM cdnow_raw) s
WHERE f[1] ~ '^[0-9]+$';
-- the 1/10 sample the papers fit on: master id, sample id, date, CDs, dollars
CREATE TABLE cdnow_sample AS
SELECT f[1]::int AS master_id, f[2]::int AS customer_id, to_date(f[3], 'YYYYMMDD') AS ordered_on,
       f[4]::int AS cds, f[5]::numeric AS amount
FROM (SELECT regexp_split_to_array(btrim(line, E' \t\r'), '\s+') AS f FROM cdnow_sample_raw) s
WHERE f[1] ~ '^[0-9]+$';
DROP TABLE cdnow_raw, cdnow_sample_raw;

\echo
SELECT 'master' AS file, count(*) AS orders, count(DISTINCT customer_id) AS customers,
       min(ordered_on) AS first_day, max(ordered_on) AS last_day, sum(cds) AS cds, sum(amount) AS dollars
FROM cdnow_orders
UNION ALL
SELECT 'sample', count(*), count(DISTINCT customer_id), min(ordered_on), max(ordered_on), sum(cds), sum(amount)
FROM cdnow_sample;
