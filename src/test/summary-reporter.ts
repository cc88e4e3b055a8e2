// Prints one plain closing line, "Tests: N passed, N failed, N skipped", per project and
// in total, so CI logs say at a glance how many tests ran on each database engine.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      const project = module.project.name || 'default';
      const c = counts.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
      counts.set(project, c);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        c[key]++;
        total[key]++;
      }
    }
    for (const [project, c] of [...counts].sort()) {
      console.log(`${project}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    }
    console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
