// Bundles the compiled library and CLI (lib/entry.js) into one ES module, lib/bundle/briefkit.mjs, so that start-up reads one file.
// pdfkit is bundled too: it would read data files relative to its folder only for the 14 standard fonts, which briefkit never uses.
// The picture libraries stay outside, loaded only when a picture needs them: sharp and resvg are native (prebuilt
// binaries from npm), svg-to-pdfkit and fast-xml-parser are read only for an SVG.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/entry.js'],
  outfile: 'lib/bundle/briefkit.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp', '@resvg/resvg-js', 'svg-to-pdfkit', 'fast-xml-parser'],
  minify: true,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS packages inside the bundle call require(); give them Node's.
  banner: { js: "import { createRequire as __briefkitRequire } from 'node:module'; const require = __briefkitRequire(import.meta.url);" },
});
