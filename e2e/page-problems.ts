// Fails each test of a spec whose page logged an error or threw (a spec calls this once).
import { expect, type test as base } from '@playwright/test';

export function failOnPageProblems(test: typeof base): void {
  let problems: string[] = [];
  test.beforeEach(({ page }) => {
    problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });
  test.afterEach(() => {
    expect(problems).toEqual([]);
  });
}
