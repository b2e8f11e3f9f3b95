
-- Survey metrics (SPEC section 2): NPS, CSAT, CES.

SELECT @extschema@.retention_define_state('nps_state',
    'Partial Net Promoter Score: counts of promoters (9-10), passives (7-8) and detractors (0-6)');
SELECT @extschema@.retention_define_final('nps', 'nps_state', 'nps_final', 'pg_catalog.float8',
    'Net Promoter Score, -100 to 100');
SELECT @extschema@.retention_define_metric('nps', 'score pg_catalog.int4', 'nps_state',
    'nps_sfunc', 'nps_inv', 'nps_final',
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses');

CREATE FUNCTION @extschema@.nps_breakdown(state @extschema@.nps_state,
    OUT responses pg_catalog.int8, OUT promoters pg_catalog.int8, OUT passives pg_catalog.int8,
    OUT detractors pg_catalog.int8, OUT nps pg_catalog.float8)
RETURNS pg_catalog.record AS 'MODULE_PATHNAME', 'nps_breakdown'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_breakdown(@extschema@.nps_state) IS
    'Responses, promoters, passives, detractors and NPS of an nps_state, as one record';

SELECT @extschema@.retention_define_state('csat_state',
    'Partial Customer Satisfaction: responses, satisfied responses and the scale');
SELECT @extschema@.retention_define_final('csat', 'csat_state', 'csat_final', 'pg_catalog.float8',
    'Customer Satisfaction, percent of satisfied responses');
SELECT @extschema@.retention_define_metric('csat', 'score pg_catalog.int4', 'csat_state',
    'csat_sfunc', 'csat_inv', 'csat_final',
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers');
SELECT @extschema@.retention_define_metric('csat', 'score pg_catalog.int4, scale_max pg_catalog.int4', 'csat_state',
    'csat_sfunc', 'csat_inv', 'csat_final',
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers');
SELECT @extschema@.retention_define_metric('csat', 'satisfied pg_catalog.bool', 'csat_state',
    'csat_bool_sfunc', 'csat_bool_inv', 'csat_final',
    'Customer Satisfaction (percent) of yes/no answers: 100 * true / non-NULL answers');

SELECT @extschema@.retention_define_state('ces_state',
    'Partial Customer Effort Score: responses, the sum of the answers and the scale');
SELECT @extschema@.retention_define_final('ces', 'ces_state', 'ces_final', 'pg_catalog.float8',
    'Customer Effort Score, the mean answer');
SELECT @extschema@.retention_define_metric('ces', 'score pg_catalog.int4', 'ces_state',
    'ces_sfunc', 'ces_inv', 'ces_final',
    'Customer Effort Score: the mean of answers on the 1-7 scale');
SELECT @extschema@.retention_define_metric('ces', 'score pg_catalog.int4, scale_max pg_catalog.int4', 'ces_state',
    'ces_sfunc', 'ces_inv', 'ces_final',
    'Customer Effort Score: the mean of answers on a 1..scale_max scale');
