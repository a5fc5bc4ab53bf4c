// Bundles the compiled library and CLI (lib/entry.js) into one ES module, lib/bundle/briefkit.mjs, so that start-up reads one file.
// pdfkit is bundled too: it would read data files relative to its folder only for the 14 standard fonts, which briefkit never uses.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/entry.js'],
  outfile: 'lib/bundle/briefkit.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [],
  minify: true,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS packages inside the bundle call require(); give them Node's.
  banner: { js: "import { createRequire as __briefkitRequire } from 'node:module'; const require = __briefkitRequire(import.meta.url);" },
});
