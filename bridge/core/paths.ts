import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSea } from 'node:sea';

/** The installation root: the nearest folder above this file that holds the
 * project's package.json. PaperCut starts the program from its own working
 * directory, so nothing may be resolved against `process.cwd()`. */
function findInstallRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'views'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the installation root above ${start}`);
  }
}

/** A release executable's installation is the folder it sits in. */
const INSTALL_ROOT = isSea() ? dirname(process.execPath) : findInstallRoot(__dirname);

export const paths = {
  root: INSTALL_ROOT,
  configFile: join(INSTALL_ROOT, 'papercut-bridge.env'),
  demoDatabase: join(INSTALL_ROOT, 'demo', 'demo-erp.sqlite'),
  viewsDir: join(INSTALL_ROOT, 'views'),
  packsDir: join(INSTALL_ROOT, 'packs'),
};
