// The platforms a release is made for, and what differs between them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Platform {
  /** As in release folder names and Node's npm packages: linux-x64, win-x64. */
  name: string;
  /** npm's --os. */
  os: 'linux' | 'win32';
  /** The Node binary in the node-<name> package. */
  nodeFile: string;
  /** What PaperCut is pointed at. */
  executable: string;
  /** Native addons it carries: better-sqlite3 only where it was built (this machine's platform). */
  natives: string[];
  archive: 'tar.gz' | 'zip';
}

export const PLATFORMS: readonly Platform[] = [
  {
    name: 'linux-x64',
    os: 'linux',
    nodeFile: 'node',
    executable: 'papercut-bridge',
    natives: ['bcrypt', '@node-rs/argon2', 'better-sqlite3'],
    archive: 'tar.gz',
  },
  {
    name: 'win-x64',
    os: 'win32',
    nodeFile: 'node.exe',
    executable: 'papercut-bridge.exe',
    natives: ['bcrypt', '@node-rs/argon2'],
    archive: 'zip',
  },
];

/** A platform's release folder: <root>/release/papercut-bridge-<version>-<platform>. */
export function releaseFolder(root: string, platform: string): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return join(root, 'release', `papercut-bridge-${version}-${platform}`);
}
