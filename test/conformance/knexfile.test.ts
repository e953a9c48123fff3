// Developers run the same migrations from the TypeScript source with the Knex
// CLI; both record them under the same names.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './spawn-bridge';

it('npx knex with knexfile.ts sees the demo migrations the built program applied', () => {
  // The build created demo/demo-erp.sqlite with bin/papercut-bridge.
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'knex', 'bin', 'cli.js'), 'migrate:status'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Found 2 Completed Migration file/files.');
  expect(result.stdout).toContain('20261126000000_demo_erp_schema');
  expect(result.stdout).toContain('20261126000100_papercut_views');
  expect(result.stdout).toContain('No Pending Migration files Found.');
});
