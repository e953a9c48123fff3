import type { TestProject } from 'vitest/node';
import { findServers, requiredDialects, SERVER_DIALECTS } from './servers';

/** Runs once per test run: finds the database servers, says which dialects
 * are skipped and why, and fails the run when a required one is missing. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { servers, stop } = await findServers(process.env);
  const required = requiredDialects(process.env);
  const missing: string[] = [];
  for (const dialect of SERVER_DIALECTS) {
    const server = servers[dialect];
    if (!('skip' in server)) continue;
    process.stderr.write(`\n[databases] ${dialect}: skipped: ${server.skip}\n`);
    if (required.has(dialect)) missing.push(`${dialect} (${server.skip})`);
  }
  if (missing.length) {
    await stop();
    throw new Error(`BRIDGE_TEST_REQUIRE names dialects that cannot be tested: ${missing.join('; ')}`);
  }
  project.provide('servers', servers);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: import('./servers').ServerMap;
  }
}
