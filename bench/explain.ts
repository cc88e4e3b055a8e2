// EXPLAIN (ANALYZE, BUFFERS) of the statements a request really runs (PostgreSQL only).
// The statements come from the recorder, with their parameters, so the plans are those of
// the app's queries, not of a hand-written approximation. Everything runs in a transaction
// that is rolled back: ANALYZE executes writes too.
//
// Two signs of a missing index are flagged: a Seq Scan on a big table, and any plan node
// that by itself reads thousands of pages (for example an index scan whose leading column
// is not constrained, which walks the whole index once per loop).
import type pg from 'pg';
import type { Case } from './cases.ts';
import type { Statement, StatementRecorder } from './db.ts';

/** Tables big enough that a sequential scan over them means a missing index. */
export const BIG_TABLES = [
  'objectives',
  'key_results',
  'check_ins',
  'memberships',
  'units',
  'activities',
  'accounts',
  'unit_members',
  'alignments',
];
/** 2,000 pages is 16 MB: far more than a page of 50 results needs. */
const HEAVY_PAGES = 2_000;

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
const oneLine = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Hash Cond'?: string;
  Filter?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

interface Finding {
  kind: 'Seq Scan' | 'heavy node';
  node: string;
}

const pages = (node: PlanNode) => node['Shared Hit Blocks'] + node['Shared Read Blocks'];
/** Pages a node reads itself, not counting its children's. */
const ownPages = (node: PlanNode) => pages(node) - (node.Plans ?? []).reduce((sum, child) => sum + pages(child), 0);
const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];

function describe(node: PlanNode): string {
  const where = [
    node['Index Name'] ? `using ${node['Index Name']}` : '',
    node['Relation Name'] ? `on ${node['Relation Name']}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const condition = node['Index Cond'] ?? node['Hash Cond'] ?? node.Filter;
  return (
    `${node['Node Type']} ${where}: ${node['Actual Rows'].toLocaleString('en-US')} rows × ${node['Actual Loops']} loops, ` +
    `${ownPages(node).toLocaleString('en-US')} pages${condition ? `; ${oneLine(condition, 110)}` : ''}`
  );
}

function findings(root: PlanNode): Finding[] {
  return walk(root).flatMap((node): Finding[] => {
    if (node['Actual Loops'] === 0) return []; // planned but never run
    if (node['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(node['Relation Name'] ?? ''))
      return [{ kind: 'Seq Scan', node: describe(node) }];
    if (ownPages(node) >= HEAVY_PAGES) return [{ kind: 'heavy node', node: describe(node) }];
    return [];
  });
}

async function explainOne(
  client: pg.PoolClient,
  statement: Statement,
): Promise<{ ms: number; pages: number; findings: Finding[] }> {
  await client.query('savepoint explain_one');
  try {
    const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, buffers, format json) ${statement.text}`,
      statement.params,
    );
    const [top] = result.rows[0]?.['QUERY PLAN'] ?? [];
    if (!top) throw new Error('EXPLAIN returned no plan');
    return { ms: top['Execution Time'], pages: pages(top.Plan), findings: findings(top.Plan) };
  } finally {
    await client.query('rollback to savepoint explain_one');
  }
}

export interface Warning {
  text: string;
  statement: string;
  cases: Set<string>;
}

/** Prints one line per statement, and a WARNING under it for each finding; returns them grouped. */
export async function explainCases(pool: pg.Pool, recorder: StatementRecorder, cases: Case[]): Promise<Warning[]> {
  const warnings = new Map<string, Warning>();
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const c of cases) {
      for (const side of ['api', 'sql'] as const) {
        const { statements } = await recorder.record(c[side]);
        console.log(`${c.name} — ${side === 'api' ? 'API' : 'bare SQL'}:`);
        for (const [index, statement] of statements.entries()) {
          if (CONTROL.test(statement.text)) continue;
          const e = await explainOne(client, statement);
          console.log(
            `  ${String(index + 1).padStart(2)} ${e.ms.toFixed(2).padStart(8)} ms ${e.pages.toLocaleString('en-US').padStart(8)} pages  ${oneLine(statement.text, 90)}`,
          );
          for (const f of e.findings) {
            const text = `WARNING: ${f.kind === 'Seq Scan' ? 'Seq Scan on a big table' : `one plan node reads ≥ ${HEAVY_PAGES} pages`} (missing index?): ${f.node}`;
            console.log(`       ${text}`);
            const key = `${side} ${text} ${oneLine(statement.text, 200)}`;
            const entry = warnings.get(key) ?? {
              text: `[${side}] ${text}`,
              statement: oneLine(statement.text, 160),
              cases: new Set<string>(),
            };
            entry.cases.add(c.name);
            warnings.set(key, entry);
          }
        }
      }
    }
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
  return [...warnings.values()];
}

export function formatWarnings(warnings: Warning[]): string {
  if (warnings.length === 0) return 'No sequential scans on big tables and no heavy plan nodes.';
  return [
    `${warnings.length} distinct warning(s):`,
    ...warnings.map((w) => `${w.text}\n    in: ${w.statement}\n    requests: ${[...w.cases].join('; ')}`),
  ].join('\n');
}
