// The program with Knex's PostgreSQL and MySQL clients and their drivers
// already loaded, as the script of a V8 startup snapshot. `npm run bench`
// builds one and times a call started from it against the program's own
// start (code cache, drivers loaded on first use); the program does not use it.
import { startupSnapshot } from 'node:v8';
import 'knex/lib/dialects/postgres';
import 'knex/lib/dialects/mysql2';
import 'pg';
import 'mysql2';
import { main } from '../bridge/main';
import { run } from '../bridge/run';

startupSnapshot.setDeserializeMainFunction(() => {
  // A process started from a snapshot has no script: its first argument is the call's.
  process.argv.splice(1, 0, __filename);
  main(run);
});
