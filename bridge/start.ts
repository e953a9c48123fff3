// Where the program starts, in the bundle the Node launcher (cli.ts) loads and
// in the release executable alike.
import { main } from './main';
import { run } from './run';

main(run);
