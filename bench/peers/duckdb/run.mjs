#!/usr/bin/env node
// The DuckDB peer of Vigie's benchmark: the KPIs of a Vigie report spec
// computed with plain SQL from the same CSV files.
//
//   node bench/peers/duckdb/run.mjs --data DIR --spec SPEC.yaml --period YYYY-MM --out PEER.json
//
// Every run opens an in-memory DuckDB (default threads), reads the CSV files
// of the spec's sources from DIR (${VIGIE_DEMO_DATA} in their paths), runs
// the SQL blocks of sql/*.sql that the spec's KPIs need, and writes PEER.json
// in kpis.json's shape (docs/kpis-json.md). Parameters come from the spec's
// `parameters:` block, with the indicators' defaults. The wall times of
// reading and of computing go to stderr. See README.md.
import { DuckDBInstance } from '@duckdb/node-api';
import YAML from 'yaml';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// ---- arguments ------------------------------------------------------------

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!key.startsWith('--') || i + 1 >= argv.length) usage();
    args[key.slice(2)] = argv[i + 1];
  }
  for (const key of ['data', 'spec', 'period', 'out']) if (!args[key]) usage();
  if (!/^\d{4}-\d{2}$/.test(args.period)) usage();
  return args;
}

function usage() {
  console.error('usage: node run.mjs --data DIR --spec SPEC.yaml --period YYYY-MM --out PEER.json');
  process.exit(2);
}

// ---- SQL blocks -------------------------------------------------------------

// A file of sql/ is a sequence of blocks, each opened by `-- @block NAME`,
// with optional `-- @needs A B` (blocks or datasets it reads) and
// `-- @provides KPI ...` (the KPI outputs it computes).
function readBlocks() {
  const blocks = new Map();
  const files = ['load.sql', ...readdirSync(join(here, 'sql'))
    .filter((f) => f.endsWith('.sql') && f !== 'load.sql').sort()];
  for (const file of files) {
    const text = readFileSync(join(here, 'sql', file), 'utf8');
    let current = null;
    for (const line of text.split('\n')) {
      const header = /^-- @(block|needs|provides)\s+(.*)$/.exec(line);
      if (header && header[1] === 'block') {
        current = { name: header[2].trim(), file, needs: [], provides: [], sql: '' };
        if (blocks.has(current.name)) throw new Error(`sql/${file}: block '${current.name}' is defined twice`);
        blocks.set(current.name, current);
      } else if (header && current) {
        current[header[1]].push(...header[2].trim().split(/[\s,]+/));
      } else if (current) {
        current.sql += line + '\n';
      }
    }
  }
  return blocks;
}

// ---- periods ----------------------------------------------------------------

function addMonths(id, n) {
  const [y, m] = id.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
}

// ---- parameters ---------------------------------------------------------------

const DEFAULT_SEGMENTS = ['Très bons clients', 'Bons clients', 'Clients occasionnels',
  'Clients très occasionnels'];

function sqlText(v) {
  return v === null || v === undefined ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`;
}

function sqlNumber(v, name) {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`parameter '${name}' must be a number, got '${v}'`);
  return String(n);
}

// A page pattern alternative as a LIKE pattern: `*` is any run of
// characters, everything else literal (docs/kpi-choices.md, "Topics").
function likePattern(alternative) {
  let out = '';
  for (const c of alternative) out += c === '*' ? '%' : '\\%_'.includes(c) ? '\\' + c : c;
  return out;
}

function values(rows) {
  return rows.map((r) => `(${r.join(', ')})`).join(',\n  ');
}

// Tables and variables holding the spec's parameters (report-wide, then the
// indicators' defaults).
function parameterStatements(spec, tz, plan) {
  const p = spec.parameters ?? {};
  const report = spec.report ?? {};
  const get = (key, fallback) => (p[key] === undefined ? fallback : p[key]);
  const out = [];
  const variable = (name, sql) => out.push(`SET VARIABLE ${name} = ${sql};`);

  variable('tz', sqlText(tz));
  variable('period', sqlText(plan.current));
  variable('previous', sqlText(plan.previous));
  variable('session_gap_minutes', sqlNumber(report.session_gap_minutes ?? 30, 'session_gap_minutes'));
  variable('activity_window', sqlText(String(get('activity_window', '90'))));
  for (const [name, fallback] of [
    ['alert_1m_days', 30], ['alert_2m_days', 60], ['rfm_window_days', 365], ['recent_days', 180],
    ['discount_rate', 0.10], ['rebound_hours', 48], ['life_moment_days', 14], ['top_paths', 10],
    ['path_length', 4], ['service_level_seconds', 20], ['repeat_window_days', 7],
    ['top_reasons', 5], ['irritant_csat_below', 0.7], ['irritant_min_answers', 30],
    ['window_days', 30], ['half_life_days', 7], ['top_products', 10]]) {
    variable(name, sqlNumber(get(name, fallback), name));
  }

  const segments = get('segment_names', DEFAULT_SEGMENTS);
  out.push(`CREATE TABLE p_segment_names AS SELECT * FROM (VALUES\n  ${values(
    segments.map((name, i) => [i, sqlText(name)]))}) t(pos, name);`);

  // The self-care cost table: action, offline cost, online cost (money in
  // 1/10000 units, as Vigie keeps costs: DECIMAL(18,4)).
  const costs = Object.entries(get('action_costs', {}));
  const online = get('online_costs', {});
  out.push(`CREATE TABLE p_actions (action VARCHAR, cost DECIMAL(18,4), online_cost DECIMAL(18,4));`);
  if (costs.length) {
    out.push(`INSERT INTO p_actions VALUES\n  ${values(costs.map(([a, c]) =>
      [sqlText(a), sqlNumber(c, `action_costs.${a}`), sqlNumber(online[a] ?? 0, `online_costs.${a}`)]))};`);
  }

  // Every page-pattern map, one row an alternative: family, name, the
  // alternative, its LIKE pattern and its specificity (no `*` first, then
  // more literal characters: docs/kpi-choices.md, "Page groups").
  const patternRows = [];
  for (const family of ['topic_pages', 'page_groups', 'life_moments', 'step_pages', 'step_actions',
    'step_call_reasons', 'step_order_channels']) {
    for (const [name, pattern] of Object.entries(get(family, {}))) {
      for (const alternative of String(pattern).split('|')) {
        patternRows.push([sqlText(family), sqlText(name), sqlText(alternative),
          sqlText(likePattern(alternative)), alternative.includes('*'),
          alternative.replaceAll('*', '').length]);
      }
    }
  }
  out.push(`CREATE TABLE p_patterns (family VARCHAR, name VARCHAR, alternative VARCHAR,
    like_pattern VARCHAR, has_star BOOLEAN, literal_characters INTEGER);`);
  if (patternRows.length) out.push(`INSERT INTO p_patterns VALUES\n  ${values(patternRows)};`);

  const actions = Object.entries(get('life_moment_actions', {}));
  out.push(`CREATE TABLE p_life_moment_actions (moment VARCHAR, suggested_action VARCHAR);`);
  if (actions.length) {
    out.push(`INSERT INTO p_life_moment_actions VALUES\n  ${values(actions.map(([m, a]) => [sqlText(m), sqlText(a)]))};`);
  }

  // Funnel steps: event:TYPE, page:PATTERN, action:CODE or purchase.
  const steps = get('steps', []);
  const names = get('step_names', []);
  out.push(`CREATE TABLE p_funnel_steps (step INTEGER, kind VARCHAR, value VARCHAR, name VARCHAR);`);
  out.push(`CREATE TABLE p_funnel_pages (step INTEGER, like_pattern VARCHAR);`);
  if (steps.length) {
    const rows = [];
    const pages = [];
    steps.forEach((text, i) => {
      const colon = text.indexOf(':');
      const kind = text === 'purchase' ? 'purchase' : text.slice(0, colon);
      const value = text === 'purchase' ? null : text.slice(colon + 1);
      if (!['purchase', 'event', 'page', 'action'].includes(kind) || (kind !== 'purchase' && !value)) {
        throw new Error(`funnel step '${text}' is not event:TYPE, page:PATTERN, action:CODE or purchase`);
      }
      rows.push([i + 1, sqlText(kind), sqlText(value), sqlText(names.length ? names[i] : text)]);
      if (kind === 'page') for (const alt of value.split('|')) pages.push([i + 1, sqlText(likePattern(alt))]);
    });
    out.push(`INSERT INTO p_funnel_steps VALUES\n  ${values(rows)};`);
    if (pages.length) out.push(`INSERT INTO p_funnel_pages VALUES\n  ${values(pages)};`);
  }

  const journey = get('journey_steps', []);
  out.push(`CREATE TABLE p_journey_steps (pos INTEGER, step VARCHAR);`);
  if (journey.length) {
    out.push(`INSERT INTO p_journey_steps VALUES\n  ${values(journey.map((s, i) => [i, sqlText(s)]))};`);
  }

  const sources = Object.entries(get('source_channels', {}));
  out.push(`CREATE TABLE p_source_channels (source VARCHAR, channel VARCHAR);`);
  if (sources.length) {
    out.push(`INSERT INTO p_source_channels VALUES\n  ${values(sources.map(([s, c]) => [sqlText(s), sqlText(c)]))};`);
  }

  // The periods: the trend (report.series months ending at P) and P'.
  out.push(`CREATE TABLE periods AS
SELECT period, in_trend, at_local(first_day, local_shift(first_day)) AS start_at,
       at_local(next_day, local_shift(next_day)) AS end_at
FROM (SELECT period, in_trend, (period || '-01')::TIMESTAMP AS first_day,
             (period || '-01')::TIMESTAMP + INTERVAL 1 MONTH AS next_day
      FROM (VALUES\n  ${values(plan.periods.map((id) => [sqlText(id), plan.trend.includes(id)]))}) t(period, in_trend));`);
  variable('as_of', `(SELECT end_at FROM periods WHERE period = getvariable('period'))`);
  return out;
}

// ---- metrics written in the spec (KPI-CATALOG.md section 9) ---------------------

const TIME_COLUMN = {
  customers: 'created_at', orders: 'ordered_at', web_events: 'ts', calls: 'started_at',
  surveys: 'ts', marketing_spend: 'month',
};
const PROFILE_COLUMNS = ['value_segment', 'rfm_score', 'experience_profile',
  'consumption_profile', 'preferred_channel'];
// The outputs that are lists of customers (the others are tables).
const LISTS = ['alert_1m', 'alert_2m', 'failed_journeys', 'life_moment_list'];
const ident = (name) => `"${String(name).replaceAll('"', '""')}"`;

function filterSql(filter) {
  const conditions = [];
  for (const [column, condition] of Object.entries(filter ?? {})) {
    const col = `d.${ident(column)}`;
    const literal = (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : sqlText(v));
    if (Array.isArray(condition)) {
      conditions.push(`${col} IN (${condition.map(literal).join(', ')})`);
    } else if (condition !== null && typeof condition === 'object') {
      for (const [op, v] of Object.entries(condition)) {
        const list = Array.isArray(v) ? v : [v];
        if (op === '=') conditions.push(`${col} IN (${list.map(literal).join(', ')})`);
        else if (op === '!=') conditions.push(`${col} NOT IN (${list.map(literal).join(', ')})`);
        else conditions.push(`${col} ${op} ${literal(v)}`);
      }
    } else {
      conditions.push(`${col} = ${literal(condition)}`);
    }
  }
  // a null never passes a filter: SQL's comparisons already say so
  return conditions.length ? conditions.join(' AND ') : 'true';
}

// The SQL of an aggregate over the rows `d` of a group.
function aggregateSql(m) {
  const col = m.column ? `d.${ident(m.column)}` : null;
  switch (m.aggregate) {
    case 'count': return col ? `count(${col})` : 'count(d.month)';
    case 'count_distinct': return `count(DISTINCT ${col})`;
    case 'sum': return `coalesce(sum(${col}), 0)::DOUBLE`;
    case 'mean': return `avg(${col})::DOUBLE`;
    case 'min': return `min(${col})::DOUBLE`;
    case 'max': return `max(${col})::DOUBLE`;
    case 'percentile': // nearest rank, at least rank 1
      return `list_sort(list(${col}))[greatest(ceil(${Number(m.percentile)} * count(${col}) / 100), 1)::BIGINT]::DOUBLE`;
    default: throw new Error(`unknown aggregate '${m.aggregate}'`);
  }
}

function metricSql(id, m) {
  if (!TIME_COLUMN[m.dataset]) throw new Error(`metric '${id}': unknown dataset '${m.dataset}'`);
  const where = filterSql(m.filter);
  if (m.series) throw new Error(`metric '${id}': 'series' metrics are not supported by this peer`);
  if (m.by) {
    const profile = PROFILE_COLUMNS.includes(m.by);
    // By a profile column: the profile (at the end of P) of the row's
    // customer; a row without a customer, or a customer without that
    // attribute, is "(none)". By a column of the dataset: rows without a
    // value are left out.
    const key = profile ? `coalesce(pr.${ident(m.by)}, '(none)')` : `d.${ident(m.by)}::VARCHAR`;
    const join = profile ? 'LEFT JOIN customer_profiles pr ON pr.customer_id = d.customer_id' : '';
    return `CREATE TABLE ${ident('t_' + id)} AS
WITH groups AS (
    SELECT ${key} AS key, d.month = getvariable('period') AS in_p, ${aggregateSql(m)} AS value
    FROM ${m.dataset} d ${join}
    WHERE d.month IN (getvariable('period'), getvariable('previous')) AND ${where}
      ${profile ? '' : `AND d.${ident(m.by)} IS NOT NULL`}
    GROUP BY ALL
), keyed AS (
    SELECT key, max(value) FILTER (WHERE in_p) AS p, max(value) FILTER (WHERE NOT in_p) AS q
    FROM groups GROUP BY key
)
SELECT key AS ${ident(m.by)},
       ${['count', 'count_distinct', 'sum'].includes(m.aggregate) ? 'coalesce(p, 0)' : 'p'} AS value,
       ${['count', 'count_distinct', 'sum'].includes(m.aggregate) ? 'coalesce(q, 0)' : 'q'} AS previous,
       value - previous AS change,
       row_number() OVER (ORDER BY value DESC NULLS LAST, key) AS ord
FROM keyed;`;
  }
  return `CREATE TABLE ${ident('v_' + id)} AS
SELECT p.period, ${aggregateSql(m)} AS ${ident(id)}
FROM periods p LEFT JOIN ${m.dataset} d ON d.month = p.period AND ${where}
GROUP BY p.period;`;
}

// The KPI ids a ratio, expression or cumulative metric refers to.
function metricReferences(m, kpis) {
  if (m.ratio) return m.ratio;
  if (m.cumulative) return [m.cumulative];
  return [...new Set(String(m.expression).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])]
    .filter((n) => kpis.some((x) => x.id === n));
}

// A muparser expression over KPI values: numbers, KPI ids, + - * / ^,
// parentheses and muparser's usual functions.
const FUNCTIONS = {
  abs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, ln: Math.log, log: Math.log10, log10: Math.log10,
  log2: Math.log2, sign: Math.sign, rint: Math.round, min: Math.min, max: Math.max,
  sum: (...v) => v.reduce((a, b) => a + b, 0), avg: (...v) => v.reduce((a, b) => a + b, 0) / v.length,
};
function evaluate(expression, variables) {
  const names = String(expression).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const name of names) {
    if (!(name in variables) && !(name in FUNCTIONS)) throw new Error(`unknown name '${name}' in '${expression}'`);
  }
  if (!/^[\w\s+\-*/^().,]*$/.test(expression)) throw new Error(`cannot read expression '${expression}'`);
  const scope = { ...FUNCTIONS, ...variables };
  // eslint-disable-next-line no-new-func
  const f = new Function(...Object.keys(scope), `return (${expression.replaceAll('^', '**')});`);
  return f(...Object.values(scope));
}

// The values of the ratio, expression and cumulative metrics, from those of
// the KPIs they name (KPI-CATALOG.md section 9; docs/kpis.md section 9).
function derivedMetric(m, kpis, valuesOf, plan) {
  const out = Object.fromEntries(plan.periods.map((p) => [p, null]));
  if (m.ratio) {
    const [a, b] = m.ratio.map((id) => valuesOf.get(id) ?? {});
    for (const p of plan.periods) out[p] = a[p] != null && b[p] != null && b[p] !== 0 ? a[p] / b[p] : null;
  } else if (m.expression) {
    const ids = metricReferences(m, kpis);
    for (const p of plan.periods) {
      const vars = Object.fromEntries(ids.map((id) => [id, (valuesOf.get(id) ?? {})[p] ?? null]));
      if (Object.values(vars).some((v) => v === null)) continue;
      const value = evaluate(m.expression, vars);
      out[p] = Number.isFinite(value) ? value : null;
    }
  } else if (m.cumulative) {
    // The running total over the trend, oldest first; a period without value
    // adds nothing, and before the first with one there is none.
    const source = valuesOf.get(m.cumulative) ?? {};
    let total = null;
    for (const p of plan.trend) {
      if (source[p] != null) total = (total ?? 0) + source[p];
      out[p] = total;
    }
  } else {
    throw new Error('a metric is an aggregate, a ratio, an expression or a cumulative');
  }
  return out;
}

// ---- results --------------------------------------------------------------------

function columnType(duckdbType) {
  if (duckdbType.startsWith('DECIMAL')) return 'decimal';
  if (duckdbType.startsWith('TIMESTAMP')) return 'timestamp';
  if (['BIGINT', 'INTEGER', 'HUGEINT', 'SMALLINT', 'UBIGINT'].includes(duckdbType)) return 'int';
  if (['DOUBLE', 'FLOAT'].includes(duckdbType)) return 'double';
  if (duckdbType === 'BOOLEAN') return 'bool';
  return 'string';
}

function jsonCell(cell, type) {
  if (cell === null) return null;
  switch (type) {
    case 'decimal': { // exact digits, as kpis.json writes decimals ("1590.68")
      const text = String(cell);
      return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
    }
    case 'timestamp': // an instant, in UTC
      return String(cell).replace(' ', 'T').replace(/\+00$/, 'Z');
    case 'int':
    case 'double':
      return Number(cell);
    default:
      return cell;
  }
}

async function readTable(con, table) {
  const reader = await con.runAndReadAll(`SELECT * EXCLUDE (ord) FROM ${ident(table)} ORDER BY ord`);
  const types = reader.columnTypes().map((t) => columnType(t.toString()));
  return {
    columns: reader.columnNames().map((name, i) => ({ name, type: types[i] })),
    rows: reader.getRowsJson().map((row) => row.map((cell, i) => jsonCell(cell, types[i]))),
  };
}

// ---- main ------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const spec = YAML.parse(readFileSync(args.spec, 'utf8'));
  const report = spec.report ?? {};
  if ((report.period ?? 'month') !== 'month') throw new Error('this peer computes monthly reports only');
  if ((report.comparison ?? 'previous') !== 'previous') {
    throw new Error('this peer compares a month with the month before it only (report.comparison: previous)');
  }
  const kpis = spec.kpis ?? [];
  for (const kpi of kpis) {
    if (kpi.parameters) throw new Error(`KPI '${kpi.id}': KPI-level parameters are not read by this peer`);
  }
  const tz = report.time_zone ?? 'UTC';
  const trend = [];
  for (let k = (report.series ?? 12) - 1; k >= 0; --k) trend.push(addMonths(args.period, -k));
  const previous = addMonths(args.period, -1);
  const plan = { current: args.period, previous, trend, periods: [...new Set([previous, ...trend])].sort() };

  const blocks = readBlocks();
  const started = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(':memory:');   // default threads
  const con = await instance.connect();
  // PEER_TIMINGS=1 prints the time of each step to stderr.
  const timings = process.env.PEER_TIMINGS === '1';
  const run = async (sql, what) => {
    const t0 = process.hrtime.bigint();
    try {
      await con.run(sql);
    } catch (e) {
      throw new Error(`${what}: ${e.message}`);
    }
    if (timings) console.error(`  ${what}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(3)} s`);
  };
  // Instants are TIMESTAMPTZ shown in UTC, and a day of interval arithmetic
  // is 86400 s.
  await run(`SET TimeZone = 'UTC'; SET VARIABLE tz = ${sqlText(tz)};`, 'setup');
  await run(blocks.get('macros').sql, 'macros');

  // Reading: every source of the spec, from its CSV file.
  const datasets = new Set();
  for (const source of spec.sources ?? []) {
    if (source.connector !== 'csv') throw new Error(`source '${source.id}': only csv sources are read by this peer`);
    const block = blocks.get(source.dataset);
    if (!block || block.file !== 'load.sql') throw new Error(`no load block for dataset '${source.dataset}'`);
    if (datasets.has(source.dataset)) throw new Error(`dataset '${source.dataset}' has two sources`);
    const path = String(source.config.path).replaceAll('${VIGIE_DEMO_DATA}', args.data);
    await run(block.sql.replaceAll('{{path}}', path.replaceAll("'", "''")), `reading ${path}`);
    datasets.add(source.dataset);
  }
  const read = process.hrtime.bigint();

  // Computing: the parameters, then the blocks the spec's KPIs need (each
  // after those it needs), then the spec's metrics.
  for (const statement of parameterStatements(spec, tz, plan)) await run(statement, 'parameters');
  const byOutput = new Map();
  for (const block of blocks.values()) for (const out of block.provides) byOutput.set(out, block.name);
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name) || datasets.has(name)) return;
    const block = blocks.get(name);
    if (!block) throw new Error(`SQL block '${name}' is missing`);
    if (block.file === 'load.sql') throw new Error(`dataset '${name}' is needed, and no source of the spec gives it`);
    block.needs.forEach(visit);
    needed.add(name);
  };
  for (const kpi of kpis) {
    if (kpi.metric) {
      if (PROFILE_COLUMNS.includes(kpi.metric.by)) visit('customer_profiles');
      continue;
    }
    const output = kpi.output ?? kpi.id;
    if (!byOutput.has(output)) throw new Error(`KPI '${kpi.id}': no SQL block computes '${output}'`);
    visit(byOutput.get(output));
  }
  for (const name of needed) await run(blocks.get(name).sql, `block ${name}`);
  for (const kpi of kpis) {
    if (kpi.metric?.aggregate) await run(metricSql(kpi.id, kpi.metric), `metric ${kpi.id}`);
  }

  // The value KPIs: the columns of the v_* tables, a row a period.
  const tables = new Set((await con.runAndReadAll(`SELECT table_name FROM duckdb_tables()`))
    .getRowsJson().map(([name]) => name));
  const valuesOf = new Map();
  for (const table of [...tables].filter((t) => t.startsWith('v_'))) {
    const reader = await con.runAndReadAll(`SELECT * FROM ${ident(table)}`);
    const names = reader.columnNames();
    for (const row of reader.getRowsJson()) {
      const period = row[names.indexOf('period')];
      names.forEach((name, i) => {
        if (name === 'period') return;
        if (!valuesOf.has(name)) valuesOf.set(name, {});
        valuesOf.get(name)[period] = row[i] === null ? null : Number(row[i]);
      });
    }
  }
  for (const kpi of kpis) {
    if (!kpi.metric && kpi.output && valuesOf.has(kpi.output)) valuesOf.set(kpi.id, valuesOf.get(kpi.output));
  }
  const pending = kpis.filter((k) => k.metric && !k.metric.aggregate);
  while (pending.length) {
    const i = pending.findIndex((k) => metricReferences(k.metric, kpis)
      .every((id) => !pending.some((x) => x.id === id)));
    if (i < 0) throw new Error(`metrics ${pending.map((k) => k.id).join(', ')} refer to each other`);
    const [kpi] = pending.splice(i, 1);
    valuesOf.set(kpi.id, derivedMetric(kpi.metric, kpis, valuesOf, plan));
  }

  // The results, in the spec's order.
  const results = [];
  for (const kpi of kpis) {
    const output = kpi.metric ? kpi.id : kpi.output ?? kpi.id;
    if (tables.has(`t_${output}`)) {
      const kind = LISTS.includes(output) ? 'list' : 'table';
      results.push({ id: kpi.id, kind, ...await readTable(con, `t_${output}`) });
    } else if (valuesOf.has(kpi.id)) {
      const v = valuesOf.get(kpi.id);
      results.push({
        id: kpi.id, kind: 'value', value: v[plan.current] ?? null, previous: v[plan.previous] ?? null,
        series: plan.trend.map((p) => ({ period: p, value: v[p] ?? null })),
      });
    } else {
      throw new Error(`KPI '${kpi.id}': its block gave neither a table t_${output} nor a column ${output}`);
    }
  }
  const done = process.hrtime.bigint();
  writeFileSync(args.out, JSON.stringify({ kpis: results }, null, 1) + '\n');
  const seconds = (a, b) => (Number(b - a) / 1e9).toFixed(3);
  console.error(`duckdb peer: ${report.id ?? args.spec} ${args.period}: reading ${seconds(started, read)} s, ` +
    `computing ${seconds(read, done)} s, total ${seconds(started, done)} s`);
}

main().catch((e) => {
  console.error(`duckdb peer: ${e.message}`);
  process.exit(1);
});
