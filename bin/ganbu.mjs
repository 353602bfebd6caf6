#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so there is no separate server build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
register();
await import(fileURLToPath(new URL('../src/cli.ts', import.meta.url)));
