// An SVG's text in, why it may not be drawn (malformed at line and column, not an SVG, a script, another file) or null.
import { describe, expect, it } from 'vitest';
import { svgProblem } from '../../src/load/svg.js';
import { chartSvg } from '../support/images.js';

describe('svgProblem', () => {
  it('passes an SVG that draws only itself: shapes, a gradient by id, text, an embedded PNG', () => {
    expect(svgProblem(chartSvg())).toBeNull();
    expect(svgProblem('<?xml version="1.0"?>\n<!-- a comment -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 2"><image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>')).toBeNull();
  });

  it('names the line and column of malformed XML, and a root that is not <svg>', () => {
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg">\n  <rect width="1" height="1">\n</svg>')).toMatch(/^is not well-formed XML at line 3, column \d+: /);
    expect(svgProblem('<html><body/></html>')).toBe('is not an SVG picture (its root element is <html>)');
  });

  it('refuses scripts, embedded documents, entities and every reference to another file', () => {
    const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 2"${attributes}>${inner}</svg>`;
    expect(svgProblem(svg('<script>alert(1)</script>'))).toMatch(/holds a <script> element/);
    expect(svgProblem(svg('<foreignObject><p>x</p></foreignObject>'))).toMatch(/holds a <foreignObject> element/);
    expect(svgProblem(svg('<rect/>', ' onclick="alert(1)"'))).toMatch(/has a script in the onclick attribute of <svg>/);
    expect(svgProblem(svg('<use href="other.svg#part"/>'))).toMatch(/refers to another file \(href="other\.svg#part" on <use>\)/);
    expect(svgProblem(svg('<image xlink:href="https://example.org/a.png"/>'))).toMatch(/refers to another file \(xlink:href=/);
    expect(svgProblem(svg('<rect fill="url(other.svg#g)"/>'))).toMatch(/refers to another file in the fill attribute of <rect>/);
    expect(svgProblem(svg('<style>rect { fill: url(https://example.org/p.svg#g) }</style>'))).toMatch(/refers to another file in its <style>/);
    expect(svgProblem(`<!DOCTYPE svg [<!ENTITY big "x">]>${svg('<text>&big;</text>')}`)).toMatch(/declares XML entities/);
  });
});
