#!/usr/bin/env node
// The `dermino` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';
import { ensureGenerated } from './ensure-generated.mjs';

ensureGenerated();
register();
await import('../src/cli/main.ts');
