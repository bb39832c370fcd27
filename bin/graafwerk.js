#!/usr/bin/env node
// The package's command line: runs the TypeScript sources through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../ingest/cli/main.ts');
