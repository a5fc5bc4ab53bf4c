// A package name in, the package out, loaded on first use: by require, which the bundle's code-cached script can run
// (a dynamic import() it cannot, in Node 20). For the picture libraries, which only builds with pictures need.
import { createRequire } from 'node:module';

let requireHere: NodeJS.Require | undefined;

export function lazyRequire<T>(name: string): T {
  requireHere ??= createRequire(import.meta.url);
  return requireHere(name) as T;
}
