// The bundle's entry: the public API (src/index.ts), the command line's main, and what the start-up snapshot calls
// (scripts/snapshot.mjs: the warm-up build's remembered layouts are forgotten before the snapshot is taken).
export * from './index.js';
export { main } from './cli.js';
export { clearMemos as forgetRememberedLayouts } from './layout/memo.js';
