import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { releaseFolder } from './scripts/release/platforms';

/** What `npm run package` makes for this machine's platform. */
const linuxRelease = join(releaseFolder(__dirname, 'linux-x64'), 'papercut-bridge');

/** Conformance tests of the Node build itself: how it loads modules and code caches. */
const NODE_BUILD_ONLY = ['test/conformance/loaded-modules.test.ts', 'test/conformance/code-cache.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      // Everything, against the Node build (bin/papercut-bridge).
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/release/**'] } },
      // The PaperCut calls again, against the Linux release executable.
      {
        extends: true,
        test: {
          name: 'linux-release',
          include: ['test/conformance/**/*.test.ts', 'test/packs/**/*.test.ts'],
          exclude: NODE_BUILD_ONLY,
          env: { BRIDGE_TEST_PROGRAM: linuxRelease },
        },
      },
      // The Windows release executable, under Wine.
      { extends: true, test: { name: 'windows-release', include: ['test/release/**/*.test.ts'] } },
    ],
  },
});
