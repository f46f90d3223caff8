// Turns the JSON lines of a bench run into the Markdown table BENCHMARKS.md records:
//   npm run bench -- --out .test-tmp/bench/latest.jsonl && node --import tsx bench/table.ts .test-tmp/bench/latest.jsonl
import * as fs from 'node:fs';
import type { BenchRecord } from './util';

const fixed = new Set(['bench', 'budget', 'within_budget']);

function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\|/g, '\\|');
}

export function markdownTable(records: BenchRecord[]): string {
  const rows = records
    .filter((r) => r.bench !== 'machine')
    .map((r) => {
      const metrics = Object.entries(r)
        .filter(([k]) => !fixed.has(k))
        .map(([k, v]) => `${k}: ${cell(v)}`)
        .join('; ');
      const verdict = r.within_budget === undefined ? '' : r.within_budget ? 'yes' : '**no**';
      return `| ${r.bench} | ${metrics} | ${cell(r.budget ?? '')} | ${verdict} |`;
    });
  return ['| bench | result | budget | within |', '|---|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/table.ts RESULTS.jsonl\n');
    process.exit(2);
  }
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as BenchRecord);
  const machine = records.find((r) => r.bench === 'machine');
  if (machine) process.stdout.write(`Machine: ${Object.entries(machine).filter(([k]) => k !== 'bench').map(([k, v]) => `${k} ${cell(v)}`).join(', ')}\n\n`);
  process.stdout.write(markdownTable(records) + '\n');
}
