// The bundle's entry: the public API (src/index.ts) and the command line's main, in one module that start-up reads.
export * from './index.js';
export { main } from './cli.js';
