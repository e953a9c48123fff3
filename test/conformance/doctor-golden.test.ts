// doctor's whole report on the demo ERP, text and JSON, compared with the
// files in expected/ as all-users is. What differs from run to run is put in
// <angle brackets> first: the scratch folder, the account, the SQLite
// version and the timings. After a deliberate change of the report,
// `npx vitest run --project conformance -u test/conformance/doctor-golden.test.ts`
// rewrites the files; read their diff before committing it.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callBridge, freshDemoDatabase, scratchDir } from './spawn-bridge';

const scratch = scratchDir();
let env: Record<string, string>;

beforeAll(async () => {
  // Every path the report names inside the scratch folder, wherever the program is installed.
  env = {
    ...(await freshDemoDatabase(scratch.dir)),
    BRIDGE_LOG_FILE: join(scratch.dir, 'logs', 'bridge.log'),
    BRIDGE_MIGRATIONS_DIR: join(scratch.dir, 'mapping'),
  };
});
afterAll(() => scratch.remove());

function normalized(report: string): string {
  return report
    .split(scratch.dir)
    .join('<scratch>')
    .replace(/\(([^;()]+); run it as PaperCut's service account/g, "(<account>; run it as PaperCut's service account")
    .replace(/SQLite \d+\.\d+\.\d+/g, 'SQLite <version>')
    .replace(/ +\d+(\.\d+)? ms\b/g, ' <t> ms');
}

it('writes the text report as expected/doctor.txt', async () => {
  const result = await callBridge(['doctor'], { env, cwd: scratch.dir });
  expect(result.status).toBe(1); // the demo's data has an error on purpose
  await expect(normalized(result.stdout)).toMatchFileSnapshot('expected/doctor.txt');
});

it('writes the JSON report as expected/doctor.json', async () => {
  const result = await callBridge(['doctor', '--json'], { env, cwd: scratch.dir });
  expect(result.status).toBe(1);
  const report = JSON.parse(result.stdout) as { server: { version: string }; timings: Record<string, number> };
  report.server.version = '<version>';
  for (const call of Object.keys(report.timings)) report.timings[call] = 0;
  await expect(normalized(`${JSON.stringify(report, null, 2)}\n`)).toMatchFileSnapshot('expected/doctor.json');
});
