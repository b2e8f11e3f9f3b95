#!/usr/bin/env bash
# Upgrade path: the released 1.0 script installs against the current
# library, ALTER EXTENSION retention UPDATE takes it to 1.1 and then to the
# current version, and the result is the same extension as a fresh install,
# object for object
# (test/sh/objects.psql: functions with every attribute, aggregates, types
# with storage, operators, casts, comments, membership).  States stored
# under 1.0 and 1.1 read the same after the updates.  The comparison is shown to
# catch a changed comment, volatility and a missing member.  Under a hostile
# search_path the update captures nothing either.
. "$(dirname "$0")/tap.bash"
plan 16
HERE=$(cd "$(dirname "$0")" && pwd)
P=ret_upgrade_
cleanup() {
	for d in up fresh evil; do sql -c "DROP DATABASE IF EXISTS ${P}$d" >/dev/null 2>&1; done
	sql -c "DROP ROLE IF EXISTS ${P}owner" >/dev/null 2>&1
}
cleanup
trap cleanup EXIT
sql -c "CREATE DATABASE ${P}up" -c "CREATE DATABASE ${P}fresh" >/dev/null
objects() { sql -d "$1" -f "$HERE/objects.psql" 2>&1; }
current=$(sql -c "SELECT default_version FROM pg_available_extensions WHERE name = 'retention'")

out=$(sql -d ${P}up -c "CREATE EXTENSION retention VERSION '1.0'" 2>&1)
ok $? "the 1.0 script installs against the current library" || diag "$out"
is "$(sql -c "SELECT path FROM pg_extension_update_paths('retention') WHERE source = '1.0' AND target = '$current'")" \
	"1.0--1.1--$current" "the update path from 1.0 to $current goes through every release"

# States and numbers under 1.0.
STORED=$(cat <<'SQL'
SET TimeZone = 'UTC';
SELECT nps(n), csat(c), churn_rate(ch), retention_rate(ch), net_revenue_retention(r), dso(d),
       string_agg(n::text || ' ' || ch::text || ' ' || r::text || ' ' || d::text, ' | ' ORDER BY k)
  FROM kept;
SQL
)
sql -d ${P}up >/dev/null <<'SQL'
SET TimeZone = 'UTC';
CREATE TABLE kept AS
SELECT g % 3 AS k, nps_state(g % 11) AS n, csat_state(g % 5 + 1) AS c,
       churn_state(daterange(date '2026-01-01' + g % 20, date '2026-01-20' + g % 30), daterange('2026-01-10', '2026-02-10')) AS ch,
       revenue_state((g % 7)::numeric, (g % 5)::numeric) AS r,
       dso_state((g % 9)::numeric, date '2026-01-01' + g % 20, date '2026-01-05' + g % 40, daterange('2026-01-01', '2026-02-01')) AS d
  FROM generate_series(1, 300) g GROUP BY g % 3;
SQL
before=$(sql -d ${P}up -c "$STORED" 2>&1)

out=$(sql -d ${P}up -c "ALTER EXTENSION retention UPDATE TO '1.1'" 2>&1)
ok $? "ALTER EXTENSION retention UPDATE TO '1.1' from 1.0" || diag "$out"
# States of the order metrics under 1.1, whose support functions 1.2 renames.
sql -d ${P}up >/dev/null <<'SQL'
CREATE TABLE kept11 AS
SELECT g % 3 AS k, repeat_purchase_ratio_state(g % 17) AS rpr,
       time_between_purchases_state(g % 17, timestamptz '2026-01-01 00:00+00' + g * interval '1 hour') AS tbp,
       cohort_retention_state((g % 17)::text, timestamptz '2026-01-01 00:00+00' + (g % 17) * interval '1 day',
                              timestamptz '2026-01-01 00:00+00' + g * interval '1 day', interval '1 month') AS co
  FROM generate_series(1, 300) g GROUP BY g % 3;
CREATE VIEW kept11_view AS SELECT k, repeat_purchase_ratio(rpr) AS rpr, time_between_purchases(tbp) AS tbp, cohort_retention(co) AS co FROM kept11 GROUP BY k;
SQL
STORED11="SELECT * FROM kept11_view ORDER BY k"
before11=$(sql -d ${P}up -c "$STORED11" 2>&1)

out=$(sql -d ${P}up -c "ALTER EXTENSION retention UPDATE" 2>&1)
ok $? "ALTER EXTENSION retention UPDATE from 1.1" || diag "$out"
is "$(sql -d ${P}up -c "SELECT extversion FROM pg_extension WHERE extname = 'retention'")" "$current" "the extension is now $current"
sql -d ${P}fresh -c "CREATE EXTENSION retention" >/dev/null
up=$(objects ${P}up)
fresh=$(objects ${P}fresh)
[ "$(printf '%s\n' "$fresh" | grep -c '^proc ')" -gt 100 ] && [ "$(printf '%s\n' "$fresh" | grep -c '^aggregate ')" -gt 50 ] &&
	[ "$(printf '%s\n' "$fresh" | grep -c '^comment ')" -gt 100 ] && [ "$(printf '%s\n' "$fresh" | grep -c '^type ')" -gt 20 ]
ok $? "the object listing covers functions, aggregates, types and comments ($(printf '%s\n' "$fresh" | wc -l) lines)"
is "$up" "$fresh" "1.0, updated to 1.1 and then to $current, has exactly the objects of a fresh $current install"
is "$(sql -d ${P}up -c "SELECT * FROM retention_catalog" 2>&1)" "$(sql -d ${P}fresh -c "SELECT * FROM retention_catalog" 2>&1)" \
	"retention_catalog lists the same metrics, units and descriptions after the update as in a fresh install"
is "$(sql -d ${P}up -c "$STORED" 2>&1)" "$before" "states stored under 1.0 read the same numbers and text after the update"
is "$(sql -d ${P}up -c "$STORED11" 2>&1)" "$before11" "states stored under 1.1, and a view over them, read the same after the update"
is "$(sql -d ${P}up -c "SELECT nps(s), repeat_purchase_ratio(s % 3) FROM generate_series(1, 10) s" 2>&1)" \
	"$(sql -d ${P}fresh -c "SELECT nps(s), repeat_purchase_ratio(s % 3) FROM generate_series(1, 10) s" 2>&1)" \
	"old and new metrics work in the updated database"

# The comparison fails on a difference: change three things and look.
sql -d ${P}up >/dev/null <<'SQL'
COMMENT ON FUNCTION nps_final(nps_state) IS 'changed';
ALTER FUNCTION ces_final(ces_state) VOLATILE;
ALTER EXTENSION retention DROP FUNCTION health_score(float8[], float8[]);
SQL
d=$(diff <(printf '%s\n' "$fresh") <(objects ${P}up))
diag "a deliberately changed database differs from a fresh install by:" && printf '%s\n' "$d" | cut -c1-150 | sed 's/^/#   /'
like "$d" "comment function nps_final\\(nps_state\\): changed" "the comparison sees a changed comment"
like "$d" "proc ces_final\\(ces_state\\): .*volatile=v" "the comparison sees a changed volatility"
like "$d" "< member function health_score" "the comparison sees an object that is no longer a member"

# The update under a hostile search_path, by a database owner.
sql -c "CREATE ROLE ${P}owner LOGIN" -c "CREATE DATABASE ${P}evil OWNER ${P}owner" >/dev/null
out=$(sql -U ${P}owner -d ${P}evil 2>&1 <<'SQL'
CREATE SCHEMA evil;
CREATE TABLE evil.captured(what text, who name DEFAULT current_user);
GRANT INSERT ON evil.captured TO PUBLIC;
CREATE FUNCTION evil.format(f text, a text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO evil.captured(what) VALUES ('format'); RETURN pg_catalog.format(f, a); END $$;
CREATE FUNCTION evil.format(f text, a text, b text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO evil.captured(what) VALUES ('format'); RETURN pg_catalog.format(f, a, b); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO evil.captured(what) VALUES ('format'); RETURN pg_catalog.format(f, a, b, c); END $$;
CREATE FUNCTION evil.format(f text, a text, b text, c text, d text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO evil.captured(what) VALUES ('format'); RETURN pg_catalog.format(f, a, b, c, d); END $$;
SET search_path = evil, public;
CREATE EXTENSION retention VERSION '1.0';
ALTER EXTENSION retention UPDATE;
SQL
)
ok $? "a database owner installs 1.0 and updates it under a hostile search_path" || diag "$out"
is "$(sql -d ${P}evil -c "SELECT string_agg(DISTINCT what || ' as ' || who, ', ') FROM evil.captured" 2>&1)" "" \
	"no hostile function ran during the install of 1.0 or the update"
