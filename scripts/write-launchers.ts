// Writes bin/papercut-bridge (POSIX) and bin/papercut-bridge.cmd (Windows):
// what PaperCut is pointed at. Each finds the built program beside itself and
// runs it with the Node on PATH.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin');

const posix = `#!/bin/sh
# papercut-bridge launcher: follows symlinks to find the installation, then runs it.
self=$0
case $self in */*) ;; *) self=./$self ;; esac
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=\${self%/*}/$link ;;
  esac
done
exec node "\${self%/*}/../dist/bridge/cli.js" "$@"
`;

const windows = `@echo off\r
rem papercut-bridge launcher: runs the installation this file belongs to.\r
node "%~dp0..\\dist\\bridge\\cli.js" %*\r
`;

mkdirSync(bin, { recursive: true });
writeFileSync(join(bin, 'papercut-bridge'), posix);
chmodSync(join(bin, 'papercut-bridge'), 0o755);
writeFileSync(join(bin, 'papercut-bridge.cmd'), windows);
