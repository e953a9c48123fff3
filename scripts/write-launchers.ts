// Writes bin/papercut-bridge, the POSIX launcher of the Node build: it finds
// the built program beside itself and runs it with the Node on PATH. There is
// no Windows launcher: a .cmd file would hand PaperCut's arguments to cmd.exe,
// which parses them again (a group named R&D would run a command). PaperCut on
// Windows runs the release executable (npm run package).
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

mkdirSync(bin, { recursive: true });
// An earlier build's Windows launcher must not linger for PaperCut to be pointed at.
rmSync(join(bin, 'papercut-bridge.cmd'), { force: true });
writeFileSync(join(bin, 'papercut-bridge'), posix);
chmodSync(join(bin, 'papercut-bridge'), 0o755);
