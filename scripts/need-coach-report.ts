// How well the need coach does on its labelled cases. Prints only; never fails.
// Run: node --import tsx scripts/need-coach-report.ts
// The held-out set (held-out-cases.ts) is reported on its own: it measures how the rules generalise.
import { heldOutNeedCases } from '../src/domain/coach/held-out-cases.js';
import { NEED_CASES, type NeedCase, needKnownLimits } from '../src/domain/coach/need-cases.js';
import { assessNeed, type NeedPart } from '../src/domain/coach/need-coach.js';

const all: readonly NeedCase[] = [...NEED_CASES, ...needKnownLimits];

function levelAccuracy(cases: readonly NeedCase[]): string {
  const right = cases.filter((c) => assessNeed(c.text).level === c.level).length;
  return `${right}/${cases.length} (${((100 * right) / cases.length).toFixed(1)}%)`;
}

/** Precision and recall for detecting that a part is present (i.e. not in `missing`). */
function detection(part: NeedPart, cases: readonly NeedCase[] = all): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const expected = !c.missing.includes(part);
    const found = !assessNeed(c.text).missing.includes(part);
    if (found && expected) tp++;
    else if (found) fp++;
    else if (expected) fn++;
  }
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  return `precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)} (tp ${tp}, fp ${fp}, fn ${fn})`;
}

const LEVELS: readonly NeedCase['level'][] = ['specific', 'partial', 'vague'];
const ratio = (n: number, d: number): string => (d === 0 ? '   - ' : (n / d).toFixed(2).padStart(5));

/** Precision and recall per level (each level a kind), then the cases whose level or missing parts differ. */
function printHeldOut(cases: readonly NeedCase[]): void {
  console.log(`\nHeld-out set (written before the rules were broadened; not required by the tests): ${cases.length} cases`);
  console.log(`${'level'.padEnd(10)} precision  recall   TP  FP  FN`);
  for (const level of LEVELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      const got = assessNeed(c.text).level;
      if (got === level && c.level === level) tp++;
      else if (got === level) fp++;
      else if (c.level === level) fn++;
    }
    const row = `${level.padEnd(10)} ${ratio(tp, tp + fp)}      ${ratio(tp, tp + fn)}`;
    console.log(`${row}  ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}`);
  }
  console.log(`level accuracy, held-out:     ${levelAccuracy(cases)}`);
  console.log(`'action' detection (held-out): ${detection('action', cases)}`);
  console.log(`'when' detection (held-out):   ${detection('when', cases)}`);
  for (const c of cases) {
    const got = assessNeed(c.text);
    if (got.level === c.level && got.missing.join() === c.missing.join()) continue;
    const detail = `expected ${c.level} [${c.missing.join(', ')}], got ${got.level} [${got.missing.join(', ')}]`;
    console.log(`  wrong  ${JSON.stringify(c.text)}: ${detail}`);
  }
}

function medianMicroseconds(): number {
  const texts = all.map((c) => c.text);
  for (let i = 0; i < 20; i++) for (const t of texts) assessNeed(t); // warm up
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const t of texts) {
      const started = process.hrtime.bigint();
      assessNeed(t);
      samples.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

console.log(`cases: ${NEED_CASES.length} in the table, ${needKnownLimits.length} known limits`);
console.log(`level accuracy, table:        ${levelAccuracy(NEED_CASES)}`);
console.log(`level accuracy, known limits: ${levelAccuracy(needKnownLimits)}`);
console.log(`level accuracy, all:          ${levelAccuracy(all)}`);
console.log(`'action' detection (all):     ${detection('action')}`);
console.log(`'when' detection (all):       ${detection('when')}`);
console.log(`median time per call:         ${medianMicroseconds().toFixed(1)} µs`);
for (const c of needKnownLimits) {
  const got = assessNeed(c.text).level;
  console.log(`  ${got === c.level ? 'right' : 'wrong'}  ${JSON.stringify(c.text)}: expected ${c.level}, got ${got}`);
}
printHeldOut(heldOutNeedCases);
