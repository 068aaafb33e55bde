/** Lighthouse on one address, in a Chromium already listening for DevTools on `port`. */
export interface LighthouseResult {
  /** Each category's score, 0 to 1. */
  scores: Record<string, number>;
  /** Per category, the audits that scored below 1 (their ids and titles), to say why. */
  failing: Record<string, string[]>;
  /** Where the page ended after redirects (the first screen sends a visitor to sign in). */
  finalPath: string;
  /** The performance metrics as Lighthouse shows them (when performance was asked for). */
  metrics: Record<string, string>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

export async function lighthouseScores(url: string, port: number, categories: readonly string[]): Promise<LighthouseResult> {
  // Loaded only here: it is large, and only this test and scripts/lighthouse.ts use it.
  const { default: lighthouse } = await import('lighthouse');
  const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const scores: Record<string, number> = {};
  const failing: Record<string, string[]> = {};
  for (const id of categories) {
    const category = lhr.categories[id];
    if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score for ${url}`);
    scores[id] = category.score;
    failing[id] = category.auditRefs
      .filter((ref) => ref.weight > 0)
      .flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        return audit && audit.score !== null && audit.score < 1 ? [`${ref.id} (${audit.title})`] : [];
      });
  }
  const metrics: Record<string, string> = {};
  for (const id of METRICS) {
    const shown = lhr.audits[id]?.displayValue;
    if (shown) metrics[id] = shown;
  }
  return { scores, failing, finalPath: new URL(lhr.finalDisplayedUrl).pathname, metrics };
}
