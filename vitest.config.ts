import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { releaseFolder } from './scripts/release/platforms';

/** What `npm run package` makes for this machine's platform. */
const linuxRelease = join(releaseFolder(__dirname, 'linux-x64'), 'papercut-bridge');

/** Conformance tests of the Node build itself: how it loads modules and code caches. */
const NODE_BUILD_ONLY = ['test/conformance/loaded-modules.test.ts', 'test/conformance/code-cache.test.ts'];

/** Finds the database servers for the suites that need them (test/support/global-setup.ts). */
const servers = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // In seconds, without a database or a build: npm run test:unit.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // The bridge's parts against real database servers.
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: servers },
      },
      // The built program as PaperCut starts it (bin/papercut-bridge), and the packs through it.
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts', 'test/packs/**/*.test.ts'],
          globalSetup: servers,
        },
      },
      // The same again, against the Linux release executable.
      {
        extends: true,
        test: {
          name: 'linux-release',
          include: ['test/conformance/**/*.test.ts', 'test/packs/**/*.test.ts'],
          exclude: NODE_BUILD_ONLY,
          env: { BRIDGE_TEST_PROGRAM: linuxRelease },
          globalSetup: servers,
        },
      },
      // The Windows release executable, under Wine.
      {
        extends: true,
        test: { name: 'windows-release', include: ['test/release/**/*.test.ts'], globalSetup: servers },
      },
    ],
  },
});
