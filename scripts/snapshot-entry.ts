// The program with Knex's PostgreSQL client and pg already loaded, as the
// script of a V8 startup snapshot. `npm run bench` builds one and times a
// PostgreSQL call started from it against the program's own start (code
// cache, driver loaded on first use); the program does not use it. mysql2
// cannot be in a snapshot: Node 20 stops building it ("Unknown external
// reference"), so MySQL is not measured this way.
import { startupSnapshot } from 'node:v8';
import 'knex/lib/dialects/postgres';
import 'pg';
import { main } from '../bridge/main';
import { run } from '../bridge/run';

startupSnapshot.setDeserializeMainFunction(() => {
  // A process started from a snapshot has no script: its first argument is the call's.
  process.argv.splice(1, 0, __filename);
  main(run);
});
