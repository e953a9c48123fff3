#!/usr/bin/env node
// The program as `node dist/bridge/cli.js` runs it (bin/papercut-bridge): one
// bundle made by `npm run build` (scripts/bundle.ts), started by loading it.
import { join } from 'node:path';
import { requireWithCodeCache } from './code-cache';

requireWithCodeCache(join(__dirname, '..', 'papercut-bridge.js'));
