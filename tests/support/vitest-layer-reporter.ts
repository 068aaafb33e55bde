/**
 * Vitest reporter that writes per-project (= per test layer) counts to a JSON file, because the
 * built-in JSON reporter does not say which project a result belongs to and integration-sqlite and
 * integration-postgres run the same files. scripts/test.mjs reads it for the per-layer summary.
 *
 * Output: { projects: { [name]: { passed, failed, skipped, files, failedFiles } }, unhandledErrors, reason }
 * Path: $ATTUNE_VITEST_LAYERS_FILE, default .test-output/vitest-layers.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

interface LayerCounts {
  passed: number;
  failed: number;
  skipped: number;
  files: number;
  /** Files that failed outside any test (import error, beforeAll/afterAll hook failure). */
  failedFiles: number;
}

export default class LayerReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const projects: Record<string, LayerCounts> = {};
    for (const mod of testModules) {
      const name = mod.project.name || '(default)';
      const c = projects[name] ?? { passed: 0, failed: 0, skipped: 0, files: 0, failedFiles: 0 };
      projects[name] = c;
      c.files++;
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') c.passed++;
        else if (state === 'failed') {
          c.failed++;
          failedHere++;
        } else c.skipped++; // skipped, todo, or never finished (pending)
      }
      const moduleErrors = mod.errors().length;
      if (failedHere === 0 && (mod.state() === 'failed' || moduleErrors > 0)) c.failedFiles++;
    }
    const file = resolve(process.env.ATTUNE_VITEST_LAYERS_FILE ?? '.test-output/vitest-layers.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ projects, unhandledErrors: unhandledErrors.length, reason }, null, 2)}\n`);
  }
}
