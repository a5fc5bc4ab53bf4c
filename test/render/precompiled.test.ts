// Tests the precompiled templates of src/render/templates.ts: the bundle holds a spec for every default template, and a
// template made from its spec renders what one compiled at run time renders.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectTemplateSpecs } from '../../src/render/templates.js';
import { forgetTemplates, loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { DIRECTIVE_NAMES } from '../../src/parse/parse.js';
import { PROJECT_ROOT, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { readArticle } from '../../src/pipeline/input.js';
import { SEED_DATA } from '../support/seed.js';

const collect = () => {
  let set: ReturnType<typeof loadTemplates> | undefined;
  const specs = collectTemplateSpecs(() => {
    forgetTemplates();
    set = loadTemplates(TEMPLATES_DIR, DIRECTIVE_NAMES);
  });
  forgetTemplates();
  return { specs, set: set! };
};

describe('precompiled templates', () => {
  it('collects one spec per template and partial, each a JavaScript object literal', () => {
    const { specs } = collect();
    const partials = readdirSync(join(TEMPLATES_DIR, 'partials')).filter((name) => name.endsWith('.md.hbs'));
    expect(Object.keys(specs)).toHaveLength(2 + partials.length);
    for (const spec of Object.values(specs)) expect(typeof new Function(`return ${spec}`)().main).toBe('function');
  });

  it('are all in the bundle (the package build put them there, under the keys the sources have now)', () => {
    const script = readFileSync(join(PROJECT_ROOT, 'lib', 'bundle', 'briefkit.cjs'), 'utf8');
    const held = new Set([...script.matchAll(/"([0-9a-f]{32})": \{/g)].map((m) => m[1]));
    for (const key of Object.keys(collect().specs)) expect(held.has(key), `spec ${key}`).toBe(true);
  });

  it('render from their specs what templates compiled at run time render', () => {
    const article = readArticle(SEED_DATA).value;
    const fromSpecs = renderMarkdown(article, collect().set, 1700000000000).value;
    forgetTemplates();
    const compiled = renderMarkdown(article, loadTemplates(TEMPLATES_DIR, DIRECTIVE_NAMES), 1700000000000).value;
    expect(fromSpecs).toEqual(compiled);
    expect(fromSpecs.briefing!.length).toBeGreaterThan(1000);
  });
});
