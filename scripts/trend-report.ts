// How often trendVerdict finds a known trend, and how often it calls one on a flat series.
// Run: node --import tsx scripts/trend-report.ts [trials per cell, default 2000].
// Prints figures, never asserts: src/domain/trend.test.ts holds the thresholds.
import { trendVerdict } from '../src/domain/trend.js';
import { mulberry32, simulateWeeklySeries } from '../src/domain/trend-simulation.js';

const trials = Number(process.argv[2]) || 2000;
const WEEKS = [6, 8, 10, 12, 16];
const SLOPES = [1, 2, 3, 4];
const NOISES = [3, 5, 7, 10];

interface Tally {
  right: number;
  steady: number;
  wrong: number;
}

function run(weeks: number, slope: number, noise: number, seed: number): Tally {
  const rand = mulberry32(seed);
  const tally: Tally = { right: 0, steady: 0, wrong: 0 };
  for (let i = 0; i < trials; i++) {
    // Half rising, half falling: the rates are for either direction.
    const sign = i % 2 === 0 ? 1 : -1;
    const { verdict } = trendVerdict(simulateWeeklySeries({ weeks, slopePerWeek: sign * slope, noiseSd: noise }, rand));
    const want = sign > 0 ? 'improving' : 'declining';
    if (verdict === want) tally.right++;
    else if (verdict === 'steady' || verdict === 'too-early') tally.steady++;
    else tally.wrong++;
  }
  return tally;
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`.padStart(6);

console.log(`trendVerdict on synthetic weekly series (${trials} per cell, half rising, half falling)`);
console.log('Detection rate in the right direction; "wrong" counts verdicts in the opposite direction.\n');
console.log(`weeks | slope/wk | ${NOISES.map((s) => `sd ${String(s).padEnd(2)}  `).join(' | ')}`);
let seed = 1;
let wrongTotal = 0;
const wrongCells: string[] = [];
// "Clearly trending" (the unit test's group): 10+ weeks and a true change over the span of at least 4 noise sds.
const clear = { cells: 0, right: 0, wrong: 0, worst: 1 };
for (const weeks of WEEKS) {
  for (const slope of SLOPES) {
    const cells = NOISES.map((noise) => {
      const t = run(weeks, slope, noise, seed++);
      wrongTotal += t.wrong;
      if (t.wrong > 0) wrongCells.push(`${weeks} weeks, ±${slope}/wk, sd ${noise}: ${t.wrong}`);
      if (weeks >= 10 && (weeks - 1) * slope >= 4 * noise) {
        clear.cells++;
        clear.right += t.right;
        clear.wrong += t.wrong;
        clear.worst = Math.min(clear.worst, t.right / trials);
      }
      return pct(t.right, trials);
    });
    console.log(`${String(weeks).padStart(5)} | ${`±${slope}`.padStart(8)} | ${cells.join('  | ')}`);
  }
}
const cellCount = WEEKS.length * SLOPES.length * NOISES.length;
console.log(
  `\nWrong-direction verdicts over all trending cells: ${wrongTotal} of ${cellCount * trials} (${((100 * wrongTotal) / (cellCount * trials)).toFixed(3)}%)`,
);
for (const line of wrongCells) console.log(`  ${line}`);
console.log(
  `\nClearly trending (10+ weeks, true change ≥ 4 sd): ${clear.cells} cells, detected ${pct(clear.right, clear.cells * trials).trim()} overall, ` +
    `worst cell ${pct(clear.worst, 1).trim()}, wrong direction ${clear.wrong}`,
);

console.log('\nFalse "improving" or "declining" on flat series (true slope 0):');
console.log(`weeks | ${NOISES.map((s) => `sd ${String(s).padEnd(2)}  `).join(' | ')}`);
let flatCalls = 0;
let flatTotal = 0;
for (const weeks of WEEKS) {
  const cells = NOISES.map((noise) => {
    const t = run(weeks, 0, noise, seed++);
    const called = trials - t.steady;
    flatCalls += called;
    flatTotal += trials;
    return pct(called, trials);
  });
  console.log(`${String(weeks).padStart(5)} | ${cells.join('  | ')}`);
}
console.log(`\nOverall false-call rate on flat series: ${pct(flatCalls, flatTotal).trim()} (${flatCalls} of ${flatTotal})`);
