#!/usr/bin/env node
// Entry point of the `lantoa` command: TypeScript sources run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv.slice(2));
