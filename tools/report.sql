-- tools/report.sql: the HTML report, written to standard output by psql.
-- Run by `tools/demo --html FILE` after the demo (or CDNOW) data is loaded:
-- every chart is drawn from the tables the demo scripts leave behind
-- (churn_monthly, revenue_monthly, cohort_monthly, clv_scores, ...), and a
-- chart whose tables are absent is left out.  The page is self-contained:
-- inline CSS, inline SVG drawn here in SQL, no script, no external resource.
-- psql variables: source = 'demo' or 'cdnow' (titles only).
\set QUIET on
\pset format unaligned
\pset tuples_only on
\pset footer off
SET client_min_messages = warning;

-- HTML text escaping.
CREATE FUNCTION pg_temp.esc(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(replace(replace(coalesce(t, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;')
$$;
-- A coordinate, one decimal.
CREATE FUNCTION pg_temp.c(v float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT round(v::numeric, 1)::text
$$;
-- A value for labels and tooltips: whole numbers without decimals, others with two at most.
CREATE FUNCTION pg_temp.num(v float8, digits int DEFAULT 2) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'n/a' WHEN v = trunc(v) THEN trunc(v)::bigint::text
                ELSE round(v::numeric, digits)::text END
$$;

-- The figure around a chart: <figure id> with a caption and the SVG.
CREATE FUNCTION pg_temp.figure(fig_id text, title text, caption text, svg_body text, w int, h int)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT format(E'<figure id="%s">\n<figcaption><strong>%s</strong> %s</figcaption>\n'
                  '<svg viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s">\n%s</svg>\n</figure>',
                  fig_id, pg_temp.esc(title), pg_temp.esc(caption), w, h, w, h, pg_temp.esc(title), svg_body)
$$;

-- A line or bar chart over categorical x values.  vals is a 2-D array,
-- [series][x], NULL where a value is missing (a line breaks there).
CREATE FUNCTION pg_temp.chart(fig_id text, title text, caption text, kind text,
                              x_labels text[], names text[], colors text[], vals float8[],
                              y_min float8, y_max float8, y_step float8, y_title text, x_title text,
                              unit text DEFAULT '')
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    w constant int := 780;
    h constant int := 340;
    l constant int := 66;          -- plot area: left, right, top, bottom
    r constant int := w - 150;
    t constant int := 14;
    b constant int := h - 58;
    n int := coalesce(array_length(x_labels, 1), 0);
    ns int := coalesce(array_length(names, 1), 0);
    band float8;
    every int;
    body text := '';
    path text;
    yv float8;
    y float8;
    x float8;
    v float8;
    bw float8;
    base float8;
    s int;
    i int;
    k int;
    acc float8;
    y0 float8;
BEGIN
    IF n = 0 OR ns = 0 THEN
        RETURN pg_temp.figure(fig_id, title, caption,
                              format('<text x="20" y="30">no data</text>'), w, 60);
    END IF;
    band := (r - l)::float8 / n;
    every := greatest(1, ceil(n / 13.0)::int);      -- x labels that fit
    -- horizontal grid and y labels
    yv := y_min;
    WHILE yv <= y_max + y_step * 1e-6 LOOP
        y := b - (yv - y_min) / (y_max - y_min) * (b - t);
        body := body || format(E'<line class="%s" x1="%s" x2="%s" y1="%s" y2="%s"/>'
                               '<text class="tick" x="%s" y="%s" text-anchor="end">%s</text>\n',
                               CASE WHEN yv = 0 OR yv = y_min THEN 'axis' ELSE 'grid' END,
                               l, r, pg_temp.c(y), pg_temp.c(y), l - 6, pg_temp.c(y + 4), pg_temp.num(yv) || unit);
        yv := yv + y_step;
    END LOOP;
    -- x labels
    FOR i IN 1 .. n LOOP
        IF (i - 1) % every = 0 THEN
            body := body || format(E'<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>\n',
                                   pg_temp.c(l + (i - 0.5) * band), b + 16, pg_temp.esc(x_labels[i]));
        END IF;
    END LOOP;
    -- data marks
    base := b - (greatest(y_min, least(0, y_max)) - y_min) / (y_max - y_min) * (b - t);
    bw := band * 0.74 / ns;
    FOR s IN 1 .. ns LOOP
        path := '';
        FOR i IN 1 .. n LOOP
            v := vals[s][i];
            IF v IS NULL THEN
                IF kind = 'line' AND path <> '' THEN
                    body := body || format(E'<path class="mark line" d="%s" stroke="%s"/>\n', path, colors[s]);
                    path := '';
                END IF;
                CONTINUE;
            END IF;
            y := b - (least(greatest(v, y_min), y_max) - y_min) / (y_max - y_min) * (b - t);
            IF kind = 'stacked' THEN
                -- one bar per x, the series on top of each other
                acc := 0;
                FOR k IN 1 .. s - 1 LOOP
                    acc := acc + coalesce(vals[k][i], 0);
                END LOOP;
                y0 := b - (least(greatest(acc, y_min), y_max) - y_min) / (y_max - y_min) * (b - t);
                y := b - (least(greatest(acc + v, y_min), y_max) - y_min) / (y_max - y_min) * (b - t);
                x := l + (i - 1) * band + band * 0.13;
                body := body || format(E'<rect class="mark bar" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s %s%s</title></rect>\n',
                                       pg_temp.c(x), pg_temp.c(y), pg_temp.c(band * 0.74),
                                       pg_temp.c(greatest(y0 - y, 0.5)), colors[s],
                                       pg_temp.esc(x_labels[i]), pg_temp.esc(names[s]), pg_temp.num(v), unit);
            ELSIF kind = 'bar' THEN
                x := l + (i - 1) * band + band * 0.13 + (s - 1) * bw;
                body := body || format(E'<rect class="mark bar" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s %s%s</title></rect>\n',
                                       pg_temp.c(x), pg_temp.c(least(y, base)), pg_temp.c(bw),
                                       pg_temp.c(greatest(abs(base - y), 0.5)), colors[s],
                                       pg_temp.esc(x_labels[i]), pg_temp.esc(names[s]), pg_temp.num(v), unit);
            ELSE
                x := l + (i - 0.5) * band;
                path := path || CASE WHEN path = '' THEN 'M' ELSE ' L' END || pg_temp.c(x) || ',' || pg_temp.c(y);
                body := body || format(E'<circle class="mark point" cx="%s" cy="%s" r="3.5" fill="%s"><title>%s: %s %s%s</title></circle>\n',
                                       pg_temp.c(x), pg_temp.c(y), colors[s],
                                       pg_temp.esc(x_labels[i]), pg_temp.esc(names[s]), pg_temp.num(v), unit);
            END IF;
        END LOOP;
        IF kind = 'line' AND path <> '' THEN
            body := body || format(E'<path class="mark line" d="%s" stroke="%s"/>\n', path, colors[s]);
        END IF;
        -- legend
        body := body || format(E'<g class="legend"><rect x="%s" y="%s" width="14" height="14" fill="%s"/>'
                               '<text x="%s" y="%s">%s</text></g>\n',
                               r + 18, t + 8 + (s - 1) * 22, colors[s], r + 38, t + 19 + (s - 1) * 22, pg_temp.esc(names[s]));
    END LOOP;
    -- axis titles
    body := body || format(E'<text class="axis-title" transform="rotate(-90)" x="%s" y="16" text-anchor="middle">%s</text>\n'
                           '<text class="axis-title" x="%s" y="%s" text-anchor="middle">%s</text>\n',
                           -(t + b) / 2, pg_temp.esc(y_title), (l + r) / 2, h - 12, pg_temp.esc(x_title));
    RETURN pg_temp.figure(fig_id, title, caption, body, w, h);
END
$$;

-- A heat map: rows x columns of values (a 2-D array, NULL = no data yet),
-- coloured from light to dark blue over 0..v_max, the value in each cell.
CREATE FUNCTION pg_temp.heatmap(fig_id text, title text, caption text,
                                row_labels text[], col_labels text[], vals float8[], v_max float8,
                                y_title text, x_title text, unit text DEFAULT '')
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    nr int := coalesce(array_length(row_labels, 1), 0);
    nc int := coalesce(array_length(col_labels, 1), 0);
    l constant int := 124;
    t constant int := 30;
    cw float8;
    ch constant float8 := 26;
    w constant int := 780;
    r constant int := w - 110;
    h int;
    b float8;
    body text := '';
    v float8;
    f float8;
    i int;
    j int;
    fill text;
BEGIN
    IF nr = 0 OR nc = 0 THEN
        RETURN pg_temp.figure(fig_id, title, caption, '<text x="20" y="30">no data</text>', w, 60);
    END IF;
    cw := (r - l)::float8 / nc;
    b := t + nr * ch;
    h := ceil(b + 52)::int;
    FOR i IN 1 .. nr LOOP
        body := body || format(E'<text class="tick" x="%s" y="%s" text-anchor="end">%s</text>\n',
                               l - 6, pg_temp.c(t + (i - 0.5) * ch + 4), pg_temp.esc(row_labels[i]));
        FOR j IN 1 .. nc LOOP
            v := vals[i][j];
            CONTINUE WHEN v IS NULL;
            f := least(1, greatest(0, v / v_max));
            -- from #eff3ff (light) to #08306b (dark blue)
            fill := format('rgb(%s,%s,%s)', round(239 + (8 - 239) * f), round(243 + (48 - 243) * f), round(255 + (107 - 255) * f));
            body := body || format(E'<rect class="mark cell" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s, %s: %s%s</title></rect>'
                                   '<text class="cell-label %s" x="%s" y="%s" text-anchor="middle">%s</text>\n',
                                   pg_temp.c(l + (j - 1) * cw), pg_temp.c(t + (i - 1) * ch), pg_temp.c(cw - 1), ch - 1, fill,
                                   pg_temp.esc(row_labels[i]), pg_temp.esc(col_labels[j]), pg_temp.num(v, 1), unit,
                                   CASE WHEN f > 0.5 THEN 'on-dark' ELSE 'on-light' END,
                                   pg_temp.c(l + (j - 0.5) * cw), pg_temp.c(t + (i - 0.5) * ch + 4),
                                   CASE WHEN cw >= 30 THEN pg_temp.num(v, 1) ELSE '' END);
        END LOOP;
    END LOOP;
    FOR j IN 1 .. nc LOOP
        body := body || format(E'<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>\n',
                               pg_temp.c(l + (j - 0.5) * cw), pg_temp.c(b + 16), pg_temp.esc(col_labels[j]));
    END LOOP;
    -- colour scale legend
    body := body || format(E'<defs><linearGradient id="%s-scale" x1="0" x2="0" y1="1" y2="0">'
                           '<stop offset="0" stop-color="rgb(239,243,255)"/><stop offset="1" stop-color="rgb(8,48,107)"/></linearGradient></defs>\n'
                           '<g class="legend"><rect x="%s" y="%s" width="16" height="%s" fill="url(#%s-scale)"/>'
                           '<text class="tick" x="%s" y="%s">%s</text><text class="tick" x="%s" y="%s">0%s</text></g>\n',
                           fig_id, r + 20, t, pg_temp.c(b - t), fig_id,
                           r + 42, t + 10, pg_temp.num(v_max, 1) || unit, r + 42, pg_temp.c(b), unit);
    body := body || format(E'<text class="axis-title" x="%s" y="%s" text-anchor="end">%s</text>\n'
                           '<text class="axis-title" x="%s" y="%s" text-anchor="middle">%s</text>\n',
                           l - 6, t - 10, pg_temp.esc(y_title), (l + r) / 2, pg_temp.c(b + 40), pg_temp.esc(x_title));
    RETURN pg_temp.figure(fig_id, title, caption, body, w, h);
END
$$;

-- A y axis from lo to hi in about five nice steps.
CREATE FUNCTION pg_temp.nice_step(lo float8, hi float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT min(s) FROM (SELECT m * 10 ^ e AS s FROM unnest(ARRAY[1, 2, 2.5, 5]) m,
                        generate_series(-3, 9) e) x
    WHERE (hi - lo) / s <= 6
$$;
-- An axis covering lo..hi: ARRAY[from, to, step], from and to multiples of step.
CREATE FUNCTION pg_temp.axis(lo float8, hi float8) RETURNS float8[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY[floor(lo / s) * s, ceil(hi / s) * s, s] FROM (SELECT pg_temp.nice_step(lo, hi) AS s) x
$$;

SELECT to_regclass('survey_answers') IS NOT NULL AS has_survey,
       to_regclass('churn_monthly') IS NOT NULL AS has_churn,
       to_regclass('revenue_monthly') IS NOT NULL AS has_revenue,
       to_regclass('aging_monthly') IS NOT NULL AS has_aging,
       to_regclass('cohort_monthly') IS NOT NULL AS has_cohorts,
       to_regclass('mrr_bridge') IS NOT NULL AS has_mrr_bridge,
       to_regclass('retention_modes') IS NOT NULL AS has_retention_modes,
       to_regclass('clv_scores') IS NOT NULL AS has_clv,
       to_regclass('orders') IS NOT NULL AS has_orders,
       to_regclass('cdnow_orders') IS NOT NULL AS has_cdnow,
       to_regclass('sbg_projection') IS NOT NULL AS has_sbg,
       to_regclass('bgbb_models') IS NOT NULL AS has_bgbb \gset

SELECT format($html$<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%1$s</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #1a1a1a; background: #ffffff; margin: 0 auto; max-width: 860px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
p.lead { color: #4a4a4a; margin-top: 0; }
table.kpi { border-collapse: collapse; margin: 1em 0; }
table.kpi td, table.kpi th { padding: 4px 14px 4px 0; text-align: left; border-bottom: 1px solid #eaeef2; }
table.kpi td.v { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
figure { margin: 1.5em 0; }
figcaption { margin-bottom: 0.4em; color: #333333; }
svg { max-width: 100%%; height: auto; font-size: 12px; display: block; }
svg text { fill: #1a1a1a; }
svg .tick { fill: #4a4a4a; font-size: 11px; }
svg .axis-title { font-size: 12px; font-weight: 600; }
svg .grid { stroke: #e3e6ea; stroke-width: 1; }
svg .axis { stroke: #8a8f96; stroke-width: 1; }
svg .line { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
svg .cell-label { font-size: 10px; }
svg .cell-label.on-dark { fill: #ffffff; }
footer { margin-top: 3em; color: #6a6a6a; font-size: 0.9em; }
</style>
</head>
<body>
<main>
<h1>%1$s</h1>
<p class="lead">%2$s</p>$html$,
       CASE :'source' WHEN 'cdnow' THEN 'Customer retention report: CDNOW' ELSE 'Customer retention report: demo data' END,
       CASE :'source' WHEN 'cdnow'
            THEN 'The CDNOW transaction log (an online CD store, 1997-01 to 1998-06): cohorts of first-purchase months and the BG/NBD + Gamma-Gamma model fitted on the 1/10 sample, all computed inside PostgreSQL with the retention extension.'
            ELSE 'Deterministic sample data generated by tools/demo: survey answers, subscriptions, orders. Every number is computed inside PostgreSQL with the retention extension; the charts are drawn in SQL as inline SVG.' END);

-- Key numbers
\if :has_survey
SELECT format(E'<h2>Key numbers</h2>\n<table class="kpi">\n%s\n</table>', string_agg(format('<tr><th>%s</th><td class="v">%s</td></tr>', k, v), E'\n' ORDER BY i))
FROM (VALUES
    (1, 'NPS over the year', (SELECT round(nps(nps_score)::numeric, 1)::text FROM survey_answers)),
    (2, 'CSAT (% satisfied)', (SELECT round(csat(csat_score)::numeric, 1)::text FROM survey_answers)),
    (3, 'CES (mean effort, 1-7)', (SELECT round(ces(ces_score)::numeric, 2)::text FROM survey_answers)),
    (4, 'Mean monthly churn (%)', (SELECT round(avg(churn)::numeric, 2)::text FROM churn_monthly)),
    (5, 'Mean monthly NRR / GRR (%)', (SELECT round(avg(nrr)::numeric, 1) || ' / ' || round(avg(grr)::numeric, 1) FROM revenue_monthly)),
    (6, 'Repeat purchase ratio (%)', (SELECT round(repeat_purchase_ratio(customer_id)::numeric, 1)::text FROM orders)),
    (7, 'Mean predicted value, next 52 weeks', (SELECT round(avg(predicted_clv)::numeric, 2)::text FROM clv_scores))
) k(i, k, v);
\endif
\if :has_cdnow
SELECT format(E'<h2>Key numbers</h2>\n<table class="kpi">\n%s\n</table>', string_agg(format('<tr><th>%s</th><td class="v">%s</td></tr>', k, v), E'\n' ORDER BY i))
FROM (VALUES
    (1, 'Customers / orders', (SELECT count(DISTINCT customer_id) || ' / ' || count(*) FROM cdnow_orders)),
    (2, 'Repeat purchase ratio (%)', (SELECT round(repeat_purchase_ratio(customer_id)::numeric, 1)::text FROM cdnow_orders)),
    (3, 'Orders per customer', (SELECT round(purchase_frequency(customer_id)::numeric, 2)::text FROM cdnow_orders)),
    (4, 'Time between purchases', (SELECT date_trunc('hour', time_between_purchases(customer_id, ordered_on))::text FROM cdnow_orders)),
    (5, 'BG/NBD r, alpha, a, b (sample)', (SELECT concat_ws(', ', round((j->>'r')::numeric, 3), round((j->>'alpha')::numeric, 3),
                                                          round((j->>'a')::numeric, 3), round((j->>'b')::numeric, 3))
                                            FROM (SELECT clv_model_params(model) j FROM clv_models) m)),
    (6, 'Mean predicted value, next 39 weeks', (SELECT round(avg(predicted_clv)::numeric, 2)::text FROM clv_scores))
) k(i, k, v);
\endif

-- Survey trend: NPS and CSAT per month, one axis (both are on a 100 scale)
\if :has_survey
SELECT '<h2>Customer voice</h2>';
WITH m AS (
    SELECT date_trunc('month', answered_at) AS month, nps(nps_score) AS nps, csat(csat_score) AS csat
    FROM survey_answers GROUP BY 1
), bounds AS (
    SELECT pg_temp.axis(least(0, min(nps), min(csat)), 100) AS ax FROM m
)
SELECT pg_temp.chart('fig-survey-trend', 'NPS and CSAT by month.',
                     'Net Promoter Score (-100 to 100) and CSAT (% of answers 4 or 5 on 1-5) of each month''s survey answers.',
                     'line', array_agg(to_char(month, 'Mon YY') ORDER BY month), ARRAY['NPS', 'CSAT %'], ARRAY['#0072B2', '#E69F00'],
                     ARRAY[array_agg(nps ORDER BY month), array_agg(csat ORDER BY month)],
                     ax[1], ax[2], ax[3], 'score', 'month')
FROM m, bounds GROUP BY ax;
\endif

-- Churn and revenue retention
\if :has_churn
SELECT '<h2>Churn and revenue retention</h2>';
SELECT pg_temp.chart('fig-churn', 'Monthly customer churn.',
                     'Customers active at the start of the month and gone at its end, % of those active at its start (churn_rate).',
                     'bar', array_agg(to_char(month, 'Mon YY') ORDER BY month), ARRAY['churn %'], ARRAY['#D55E00'],
                     ARRAY[array_agg(churn ORDER BY month)],
                     ax[1], ax[2], ax[3], 'churned customers, %', 'month', '%')
FROM churn_monthly, LATERAL (SELECT pg_temp.axis(0, (SELECT max(churn) FROM churn_monthly)) AS ax) h
GROUP BY ax;
\endif
\if :has_revenue
SELECT pg_temp.chart('fig-revenue-retention', 'Monthly net and gross revenue retention.',
                     'NRR = MRR at the end of the month of those paying at its start / their MRR at its start; GRR counts no expansion.',
                     'line', array_agg(to_char(month, 'Mon YY') ORDER BY month), ARRAY['NRR %', 'GRR %'], ARRAY['#009E73', '#CC79A7'],
                     ARRAY[array_agg(nrr ORDER BY month), array_agg(grr ORDER BY month)],
                     ax[1], ax[2], ax[3], 'revenue retained, %', 'month', '%')
FROM revenue_monthly,
     LATERAL (SELECT pg_temp.axis((SELECT least(min(nrr), min(grr)) FROM revenue_monthly),
                                  (SELECT greatest(max(nrr), max(grr), 100) FROM revenue_monthly)) AS ax) bounds
GROUP BY ax;
\endif

-- Receivables: the aging report at each month end, a stacked bar.
\if :has_aging
SELECT '<h2>Receivables</h2>';
SELECT pg_temp.chart('fig-aging', 'Aging report at each month end.',
                     'Receivables outstanding at the end of each month by days past due (ar_aging): current, 1-30, 31-60, 61-90 and over 90 days.',
                     'stacked', array_agg(to_char(month, 'Mon YY') ORDER BY month),
                     ARRAY['current', '1-30', '31-60', '61-90', 'over 90'],
                     ARRAY['#009E73', '#56B4E9', '#E69F00', '#D55E00', '#CC79A7'],
                     ARRAY[array_agg(current::float8 ORDER BY month), array_agg(days_1_30::float8 ORDER BY month),
                           array_agg(days_31_60::float8 ORDER BY month), array_agg(days_61_90::float8 ORDER BY month),
                           array_agg(days_over_90::float8 ORDER BY month)],
                     ax[1], ax[2], ax[3], 'outstanding', 'month end')
FROM aging_monthly, LATERAL (SELECT pg_temp.axis(0, (SELECT max(total)::float8 FROM aging_monthly)) AS ax) h
GROUP BY ax;
\endif

-- The MRR bridge, from mrr_bridge (built by the demo scripts with
-- mrr_movements): gains above the axis, losses below.  The first month is
-- left out: every customer is new in it (the data start there).
\if :has_mrr_bridge
SELECT '<h2>SaaS revenue</h2>';
SELECT pg_temp.chart('fig-mrr-bridge', 'The MRR bridge.',
                     'Each month''s MRR movements (mrr_movements): new, expansion and reactivation MRR gained, contraction and churned MRR lost (below the axis).',
                     'bar', array_agg(to_char(month, 'Mon YY') ORDER BY month),
                     ARRAY['new', 'expansion', 'reactivation', 'contraction', 'churned'],
                     ARRAY['#0072B2', '#009E73', '#56B4E9', '#E69F00', '#D55E00'],
                     ARRAY[array_agg(new_mrr::float8 ORDER BY month), array_agg(expansion_mrr::float8 ORDER BY month),
                           array_agg(reactivation_mrr::float8 ORDER BY month), array_agg(-contraction_mrr::float8 ORDER BY month),
                           array_agg(-churned_mrr::float8 ORDER BY month)],
                     ax[1], ax[2], ax[3], 'MRR moved', 'month')
FROM mrr_bridge,
     LATERAL (SELECT pg_temp.axis((SELECT -max(greatest(contraction_mrr, churned_mrr)) FROM mrr_bridge WHERE month > (SELECT min(month) FROM mrr_bridge)),
                                  (SELECT max(greatest(new_mrr, expansion_mrr, reactivation_mrr)) FROM mrr_bridge WHERE month > (SELECT min(month) FROM mrr_bridge))) AS ax) bounds
WHERE month > (SELECT min(month) FROM mrr_bridge)
GROUP BY ax;
\endif

-- The pooled retention curve in both modes, from retention_modes (built by
-- the demo scripts with cohort_periods and observed_until): the months not
-- yet ended for anyone (NULL) are left out.
\if :has_retention_modes
SELECT '<h2>Product analytics</h2>';
SELECT pg_temp.chart('fig-retention-modes', 'Retention curve: on and on or after.',
                     'Customers who buy in month N after their first order (on), or in month N or any later one (on or after), % of the customers whose month N has ended by the end of the data (cohort_periods with observed_until).',
                     'line', array_agg(months_since::text ORDER BY months_since), ARRAY['on %', 'on or after %'], ARRAY['#0072B2', '#E69F00'],
                     ARRAY[array_agg(on_pct ORDER BY months_since), array_agg(on_or_after_pct ORDER BY months_since)],
                     ax[1], ax[2], ax[3], 'customers retained, %', 'months since the first order', '%')
FROM retention_modes, LATERAL (SELECT pg_temp.axis(0, 100) AS ax) bounds
WHERE on_pct IS NOT NULL
GROUP BY ax;
\endif

-- Cohort retention heat map, from cohort_monthly (built by the demo scripts
-- with cohort_retention).
\if :has_cohorts
SELECT '<h2>Cohorts</h2>';
SELECT pg_temp.heatmap('fig-cohort-heatmap', 'Monthly cohort retention.',
                       'Customers of each first-purchase month who buy again N months later, % of the cohort (blank: not observed yet).',
                       array_agg(to_char(cohort, 'YYYY-MM') || ' (' || size || ')' ORDER BY cohort),
                       (SELECT array_agg(k::text ORDER BY k) FROM generate_series(1, maxk) k),
                       array_agg(vals ORDER BY cohort), ceil(vmax / 5) * 5,
                       'cohort (customers)', 'months after the first purchase', '%')
FROM (SELECT cohort, max(cohort_size) AS size,
             array_agg(max_pct ORDER BY k) AS vals
      FROM (SELECT c.cohort, k, c.cohort_size,
                   (SELECT retention_pct FROM cohort_monthly x WHERE x.cohort = c.cohort AND x.months_since = k) AS max_pct
            FROM (SELECT DISTINCT cohort, cohort_size FROM cohort_monthly) c,
                 generate_series(1, (SELECT max(months_since) FROM cohort_monthly)) k) cells
      GROUP BY cohort) rows_,
     LATERAL (SELECT max(months_since) AS maxk, max(retention_pct) FILTER (WHERE months_since > 0) AS vmax FROM cohort_monthly) m
GROUP BY maxk, vmax;
\endif

-- Distribution of predicted CLV per customer
\if :has_clv
SELECT '<h2>Customer lifetime value</h2>';
CREATE TEMP VIEW clv_values AS SELECT predicted_clv AS v FROM clv_scores WHERE predicted_clv IS NOT NULL;
SELECT pg_temp.chart('fig-clv-histogram', 'Predicted customer lifetime value.',
                     format('Customers by value predicted by BG/NBD + Gamma-Gamma (clv_predict) over the next %s weeks, in buckets of %s from the value shown; the last bucket holds everything above.',
                            horizon, pg_temp.num(width)),
                     'bar', array_agg(pg_temp.num(k * width) || CASE WHEN k = nb - 1 THEN '+' ELSE '' END ORDER BY k),
                     ARRAY['customers'], ARRAY['#0072B2'], ARRAY[array_agg(cnt::float8 ORDER BY k)],
                     0, (pg_temp.axis(0, max(cnt)))[2], (pg_temp.axis(0, max(cnt)))[3], 'customers', 'predicted value (bucket start)')
FROM (SELECT k, width, nb, horizon, count(s.v) AS cnt
      FROM (SELECT width, nb, horizon, generate_series(0, nb - 1) AS k
            FROM (SELECT pg_temp.nice_step(0, percentile_cont(0.95) WITHIN GROUP (ORDER BY v)) / 4 AS width FROM clv_values) w,
                 LATERAL (SELECT (ceil(
                     (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY v) FROM clv_values) / w.width))::int + 1 AS nb) n,
                 LATERAL (SELECT CASE WHEN :'source' = 'cdnow' THEN 39 ELSE 52 END AS horizon) hz) buckets
      LEFT JOIN clv_values s ON least(floor(s.v / buckets.width), buckets.nb - 1) = buckets.k
      GROUP BY k, width, nb, horizon) hist
GROUP BY width, nb, horizon;
\endif

-- Customer-base models (tools/demo.d/55_models.sql): the sBG projection
-- against the cohort's actual survival, and BG/BB P(alive) by pattern.
\if :has_sbg
SELECT '<h2>Customer-base models</h2>';
SELECT pg_temp.chart('fig-sbg-projection', 'Subscriber survival: actual and the sBG projection.',
                     format('Share of a cohort of %s yearly subscribers still subscribed at the start of each year: what happened, and the shifted-beta-geometric model (sbg_fit, sbg_survival) fitted on years 0-7 only, so years 8-12 are its projection.',
                            max(active)),
                     'line', array_agg(year::text ORDER BY year), ARRAY['actual %', 'sBG %'], ARRAY['#E69F00', '#0072B2'],
                     ARRAY[array_agg(actual_pct::float8 ORDER BY year), array_agg(projected_pct ORDER BY year)],
                     0, 100, 20, 'still subscribed, %', 'years since the start (fitted on years 0-7)', '%')
FROM sbg_projection;
\endif
\if :has_bgbb
SELECT pg_temp.heatmap('fig-bgbb-p-alive', 'Donors: probability of being still alive, by pattern (BG/BB).',
                       'P(alive) after six appeals (bgbb_p_alive of the model bgbb_fit fitted on all donors), in %, by the number of gifts (rows, with the donors of that many) and the last appeal with a gift (columns); blank: a pattern that cannot happen.',
                       array_agg(x || CASE WHEN x = 1 THEN ' gift (' ELSE ' gifts (' END || coalesce((SELECT count(*) FROM bgbb_donors d WHERE d.frequency = x), 0) || ')' ORDER BY x),
                       ARRAY['0', '1', '2', '3', '4', '5', '6'], array_agg(vals ORDER BY x), 100,
                       'gifts (donors)', 'last appeal with a gift', '%')
FROM (SELECT x, array_agg(CASE WHEN (x = 0 AND t = 0) OR (x >= 1 AND t >= x)
                               THEN 100 * bgbb_p_alive(model, x, t, 6) END ORDER BY t) AS vals
      FROM bgbb_models, generate_series(0, 6) x, generate_series(0, 6) t
      GROUP BY x) rows_;
\endif

-- CDNOW: the model's holdout check (Fader, Hardie & Lee 2005, figure 4)
\if :has_cdnow
SELECT pg_temp.chart('fig-cdnow-holdout', 'CDNOW holdout: expected against actual repeat purchases.',
                     'Mean purchases per customer in weeks 40-78 (the holdout), by repeat purchases in the 39 calibration weeks: BG/NBD expectation (clv_expected_purchases) and what the customers did.',
                     'bar', array_agg(label ORDER BY f), ARRAY['expected', 'actual'], ARRAY['#0072B2', '#E69F00'],
                     ARRAY[array_agg(expected ORDER BY f), array_agg(actual ORDER BY f)],
                     0, (pg_temp.axis(0, max(greatest(expected, actual))))[2], (pg_temp.axis(0, max(greatest(expected, actual))))[3],
                     'purchases per customer, weeks 40-78', 'repeat purchases in weeks 1-39')
FROM (SELECT least(s.frequency, 7) AS f, CASE WHEN s.frequency >= 7 THEN '7+' ELSE s.frequency::text END AS label,
             avg(clv_expected_purchases(model, 39, s.frequency, s.recency, s.age)) AS expected,
             avg(coalesce(h.purchase_days, 0))::float8 AS actual
      FROM customer_summary s CROSS JOIN clv_models LEFT JOIN cdnow_holdout h USING (customer_id)
      GROUP BY 1, 2) x;
\endif

SELECT format(E'<footer>Generated by tools/demo%s --html with the retention extension (PostgreSQL %s).</footer>\n</main>\n</body>\n</html>',
              CASE :'source' WHEN 'cdnow' THEN ' --cdnow' ELSE '' END, current_setting('server_version'));
