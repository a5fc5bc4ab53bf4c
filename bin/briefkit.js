#!/usr/bin/env node
// Entry point: runs the compiled CLI (lib/ is built by `npm install` through the prepare script).
import { main } from '../lib/bundle/briefkit.mjs';
process.exitCode = await main(process.argv.slice(2));
