// The platforms a release is made for, and what differs between them.

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
