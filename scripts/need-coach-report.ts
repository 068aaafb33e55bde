// How well the need coach does on its labelled cases. Prints only; never fails.
// Run: node --import tsx scripts/need-coach-report.ts
import { NEED_CASES, type NeedCase, needKnownLimits } from '../src/domain/coach/need-cases.js';
import { assessNeed, type NeedPart } from '../src/domain/coach/need-coach.js';

const all: readonly NeedCase[] = [...NEED_CASES, ...needKnownLimits];

function levelAccuracy(cases: readonly NeedCase[]): string {
  const right = cases.filter((c) => assessNeed(c.text).level === c.level).length;
  return `${right}/${cases.length} (${((100 * right) / cases.length).toFixed(1)}%)`;
}

/** Precision and recall for detecting that a part is present (i.e. not in `missing`). */
function detection(part: NeedPart): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of all) {
    const expected = !c.missing.includes(part);
    const found = !assessNeed(c.text).missing.includes(part);
    if (found && expected) tp++;
    else if (found) fp++;
    else if (expected) fn++;
  }
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  return `precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)} (tp ${tp}, fp ${fp}, fn ${fn})`;
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
