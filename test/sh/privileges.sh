#!/usr/bin/env bash
# Privileges and search_path: retention is a trusted extension, so a
# database owner (or a role with CREATE on the database) installs it without
# being a superuser, while its script runs as the superuser.  These tests
# show that such a role can install and use it, that a role without CREATE
# cannot, that nothing in the extension runs with its owner's rights, and
# that a hostile schema first in search_path (functions and operators that
# would match the script's unqualified calls better than pg_catalog's, a
# temporary type named text) captures nothing and changes no result.
. "$(dirname "$0")/tap.bash"
plan 19

P=ret_priv_
cleanup() {
	for d in ref owner creator nocreate evil evil_public; do
		sql -c "DROP DATABASE IF EXISTS ${P}$d" 2>/dev/null
	done
	for r in owner creator nobody; do
		sql -c "DROP ROLE IF EXISTS ${P}$r" 2>/dev/null
	done
}
cleanup
trap cleanup EXIT
sql -c "CREATE ROLE ${P}owner LOGIN" -c "CREATE ROLE ${P}creator LOGIN" -c "CREATE ROLE ${P}nobody LOGIN" \
	-c "CREATE DATABASE ${P}ref" -c "CREATE DATABASE ${P}owner OWNER ${P}owner" \
	-c "CREATE DATABASE ${P}creator" -c "GRANT CREATE ON DATABASE ${P}creator TO ${P}creator" \
	-c "CREATE DATABASE ${P}nocreate" -c "CREATE DATABASE ${P}evil OWNER ${P}owner" \
	-c "CREATE DATABASE ${P}evil_public OWNER ${P}owner" >/dev/null

# A workload over every family: metrics, stored states merged, windows.
WORKLOAD=$(cat <<'SQL'
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
CREATE TEMP TABLE o AS
SELECT g, g % 17 AS c, date '2026-01-01' + g % 40 AS d, (g * 7919) % 11 AS s
  FROM generate_series(1, 500) g;
CREATE TEMP TABLE st AS
SELECT g % 5 AS k, nps_state(s) AS n, repeat_purchase_ratio_state(c) AS r,
       churn_state(daterange(d, d + 30), daterange('2026-01-15', '2026-02-15')) AS ch,
       clv_summary_state(d, s::float8, date '2026-03-01', interval '1 week') AS cs
  FROM o GROUP BY g % 5;
SELECT nps(s), csat(s % 5 + 1), ces(s % 7 + 1), repeat_purchase_ratio(c), loyal_customer_rate(c, 3),
       purchase_frequency(c::text), time_between_purchases(c, d), stickiness(c, d),
       churn_rate(daterange(d, d + 30), daterange('2026-01-15', '2026-02-15')),
       net_revenue_retention(s::numeric + 1, (s % 3)::numeric),
       dso(s::numeric, d, d + 20, daterange('2026-01-01', '2026-02-01')),
       avg_days_to_pay(s::numeric + 1, d, d + s),
       return_rate(s % 2 = 0), conversion_rate(s > 5)
  FROM o;
SELECT nps(n), repeat_purchase_ratio(r), churn_rate(ch), retention_rate(ch), nps_state(n)::text FROM st;
SELECT string_agg(x::text, ' ' ORDER BY k) FROM (SELECT k, nps(n) OVER (ORDER BY k ROWS 1 PRECEDING) AS x FROM st) w;
SELECT (clv_summary(d, s::float8, date '2026-03-01', interval '1 week')).* FROM o WHERE c = 3;
SELECT clv_simple(50, 4, 3), saas_ltv(100, 5), health_score('{50,80}', '{1,3}');
SQL
)
ref=$(sql -d ${P}ref -c 'CREATE EXTENSION retention' -c "$WORKLOAD" 2>&1)
[ "$(printf '%s\n' "$ref" | wc -l)" -eq 5 ] && ! printf '%s' "$ref" | grep -q ERROR
ok $? "the workload runs for the superuser (5 result lines)" || printf '%s\n' "$ref" | sed 's/^/#   /'

# --- a database owner, a role with CREATE, a role without ---
out=$(sql -U ${P}owner -d ${P}owner -c 'CREATE EXTENSION retention' 2>&1)
ok $? "a database owner who is not a superuser can CREATE EXTENSION retention"
is "$(sql -U ${P}owner -d ${P}owner -c "$WORKLOAD" 2>&1)" "$ref" \
	"the owner's metrics, stored states, merges and windows equal the superuser's"
out=$(sql -U ${P}creator -d ${P}creator -c 'CREATE EXTENSION retention' 2>&1)
ok $? "a role with only CREATE on the database can CREATE EXTENSION retention"
out=$(sql -U ${P}nobody -d ${P}nocreate -c 'CREATE EXTENSION retention' 2>&1)
like "$out" "permission denied to create extension" "a role without CREATE on the database cannot"
is "$(sql -U ${P}nobody -d ${P}creator -c "SELECT nps(s) FROM (VALUES (10), (3)) v(s)" 2>&1)" "0" \
	"any role can use the functions an extension owner installed"
out=$(sql -U ${P}creator -d ${P}creator -c 'DROP EXTENSION retention' 2>&1)
ok $? "the role that created it can drop it"

# --- catalog audit ---
AUDIT="SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
	AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'retention')"
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.prosecdef ORDER BY 1" 2>&1)" "" "no function is SECURITY DEFINER"
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.prolang NOT IN (SELECT oid FROM pg_language WHERE lanname IN ('c', 'internal')) ORDER BY 1" 2>&1)" "" \
	"every function is C (the plpgsql declaration helpers are gone)"
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.proconfig IS NOT NULL ORDER BY 1" 2>&1)" "" "no function sets configuration"
# The keyed states' combine functions take NULL too: a parallel plan's final
# aggregate then makes a state of its own (stored in the canonical form).
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.prokind = 'f' AND NOT p.proisstrict AND p.proname !~ '(_sfunc|_inv)$'
	AND p.proname !~ '^(repeat_purchase_ratio|loyal_customer_rate|purchase_frequency|time_between_purchases|returning_customer_rate|stickiness|cohort_retention)_state_(un)?combine$' ORDER BY 1" 2>&1)" "" \
	"every function but the transition functions (the first row makes the state) and the keyed states' combine functions is STRICT"
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.proparallel <> 's' ORDER BY 1" 2>&1)" "" "every function is PARALLEL SAFE"
# Everything that turns a timestamptz into a calendar day reads TimeZone.
is "$(sql -d ${P}owner -c "$AUDIT WHERE p.provolatile = 'i' AND p.proname IN ('clv_summary_sfunc', 'clv_summary_inv', 'clv_int8_sfunc', 'clv_text_sfunc', 'clv_uuid_sfunc', 'clv_orders_inv') ORDER BY 1" 2>&1)" "" \
	"the functions whose result depends on TimeZone are not IMMUTABLE"
same=$(sql -d ${P}owner -c "SET TimeZone = 'UTC'" \
	-c "SELECT clv_state(1::int8, '2026-01-01 23:30+00'::timestamptz, 1, '7 days')::text = (SELECT clv_state(1::int8, '2026-01-01 23:30+00'::timestamptz, 1, '7 days')::text FROM (SELECT set_config('TimeZone', 'Asia/Tokyo', false)) x)")
is "$same" "f" "and they do depend on it (clv_state's purchase day)"

# --- a hostile schema first in search_path ---
HOSTILE=$(cat <<'SQL'
CREATE SCHEMA evil;
CREATE TABLE evil.captured(what text, who name DEFAULT current_user);
GRANT INSERT ON evil.captured TO PUBLIC;
CREATE FUNCTION evil.log(w text) RETURNS void LANGUAGE sql AS $$ INSERT INTO evil.captured(what) VALUES (w) $$;
CREATE FUNCTION evil.format(f text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f); END $$;
CREATE FUNCTION evil.format(f text, a text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a); END $$;
CREATE FUNCTION evil.format(f text, a text, b text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a, b); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a, b, c); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text, d text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a, b, c, d); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text, d text, e text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a, b, c, d, e); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text, d text, e text, g text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('format'); RETURN pg_catalog.format(f, a, b, c, d, e, g); END $$;
CREATE FUNCTION evil.quote_ident(a varchar) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('quote_ident'); RETURN pg_catalog.quote_ident(a); END $$;
CREATE FUNCTION evil.concat(a text, b text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('concat'); RETURN a operator(pg_catalog.||) b; END $$;
CREATE FUNCTION evil.int8pl(a int8, b int4) RETURNS int8 LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('int8pl'); RETURN a operator(pg_catalog.+) b; END $$;
CREATE FUNCTION evil.array_length(a text[], b int8) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('array_length'); RETURN pg_catalog.array_length(a, b::int); END $$;
CREATE FUNCTION evil.count(a text) RETURNS int8 LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('count'); RETURN 1; END $$;
CREATE FUNCTION evil.cat(a text, b varchar) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('||'); RETURN a operator(pg_catalog.||) b; END $$;
CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = varchar, FUNCTION = evil.cat);
CREATE FUNCTION evil.cat2(a varchar, b text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('||'); RETURN a operator(pg_catalog.||) b; END $$;
CREATE OPERATOR evil.|| (LEFTARG = varchar, RIGHTARG = text, FUNCTION = evil.cat2);
CREATE FUNCTION evil.eq(a text, b varchar) RETURNS bool LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.log('='); RETURN a operator(pg_catalog.=) b; END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = varchar, FUNCTION = evil.eq);
CREATE TYPE pg_temp.text AS (x int);
SET search_path = evil, public;
SQL
)
out=$(sql -U ${P}owner -d ${P}evil -c "$HOSTILE" -c 'CREATE EXTENSION retention' 2>&1)
ok $? "CREATE EXTENSION succeeds under a hostile search_path (the extension goes into that schema)"
is "$(sql -d ${P}evil -c "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'retention'")" "evil" \
	"the extension is in the hostile schema"
is "$(sql -d ${P}evil -c "SELECT string_agg(DISTINCT what || ' as ' || who, ', ') FROM evil.captured" 2>&1)" "" \
	"no hostile function or operator ran during CREATE EXTENSION"
is "$(sql -d ${P}evil -c "SELECT rolsuper FROM pg_roles WHERE rolname = '${P}owner'")" "f" "the owner is still not a superuser"
is "$(sql -U ${P}owner -d ${P}evil -c "SET search_path = evil, public" -c "$WORKLOAD" 2>&1)" "$ref" \
	"the workload under the hostile search_path gives the same results"
