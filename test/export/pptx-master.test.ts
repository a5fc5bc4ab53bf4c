// moveRepeatedPicturesToMaster: the logo every layout repeats becomes one picture on the master; other layouts hide it.
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { moveRepeatedPicturesToMaster } from '../../src/export/pptx-master.js';

const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const MASTER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster';
const tree = (shapes: string) => `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld>`;
const picture = (rId: string, x = 100, id = 2) => `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="Image ${id - 2}" descr="Logo"/></p:nvPicPr><p:blipFill><a:blip r:embed="${rId}"/></p:blipFill><p:spPr><a:xfrm><a:off x="${x}" y="0"/></a:xfrm></p:spPr></p:pic>`;
const layout = (shapes: string) => `<p:sldLayout xmlns:p="p" preserve="1">${tree(shapes)}</p:sldLayout>`;
const rels = (...relationships: [string, string, string][]) => `<Relationships>${relationships.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

function deck(second = picture('rId1'), copyBytes = 'PNG logo'): Record<string, Uint8Array> {
  return {
    // pptxgenjs gives each layout its own copy of the file.
    'ppt/media/logo.png': strToU8('PNG logo'),
    'ppt/media/logo-copy.png': strToU8(copyBytes),
    'ppt/media/other.png': strToU8('PNG other'),
    'ppt/slideMasters/slideMaster1.xml': strToU8(`<p:sldMaster>${tree('<p:sp><p:nvSpPr><p:cNvPr id="25" name="Slide Number"/></p:nvSpPr></p:sp>')}</p:sldMaster>`),
    'ppt/slideMasters/_rels/slideMaster1.xml.rels': strToU8(rels(['rId1', 'layout', '../slideLayouts/slideLayout1.xml'], ['rId2', 'layout', '../slideLayouts/slideLayout2.xml'], ['rId3', 'layout', '../slideLayouts/slideLayout3.xml'])),
    'ppt/slideLayouts/slideLayout1.xml': strToU8(layout('')),
    'ppt/slideLayouts/_rels/slideLayout1.xml.rels': strToU8(rels(['rId1', MASTER_TYPE, '../slideMasters/slideMaster1.xml'])),
    'ppt/slideLayouts/slideLayout2.xml': strToU8(layout(picture('rId1'))),
    'ppt/slideLayouts/_rels/slideLayout2.xml.rels': strToU8(rels(['rId1', IMAGE, '../media/logo.png'], ['rId2', MASTER_TYPE, '../slideMasters/slideMaster1.xml'])),
    // The same picture under another relationship id (and another shape id and name, as pptxgenjs numbers them).
    'ppt/slideLayouts/slideLayout3.xml': strToU8(layout(second)),
    'ppt/slideLayouts/_rels/slideLayout3.xml.rels': strToU8(rels(['rId2', IMAGE, '../media/logo-copy.png'], ['rId1', IMAGE, '../media/other.png'], ['rId3', MASTER_TYPE, '../slideMasters/slideMaster1.xml'])),
  };
}
const text = (entries: Record<string, Uint8Array>, name: string) => strFromU8(entries[name]!);

describe('moveRepeatedPicturesToMaster', () => {
  it('puts the picture the layouts repeat on the master once, with its own relationship and a free shape id', () => {
    const entries = deck(picture('rId2', 100, 7));
    moveRepeatedPicturesToMaster(entries);
    const master = text(entries, 'ppt/slideMasters/slideMaster1.xml');
    expect(master.match(/<p:pic>/g)).toHaveLength(1);
    expect(master).toMatch(/<p:grpSpPr\/><p:pic><p:nvPicPr><p:cNvPr id="26" name="Image 0" descr="Logo"\/>.*r:embed="rId4"/s);
    expect(text(entries, 'ppt/slideMasters/_rels/slideMaster1.xml.rels')).toContain(`<Relationship Id="rId4" Type="${IMAGE}" Target="../media/logo.png"/>`);
    for (const n of [2, 3]) {
      expect(text(entries, `ppt/slideLayouts/slideLayout${n}.xml`)).not.toContain('<p:pic>');
      expect(text(entries, `ppt/slideLayouts/_rels/slideLayout${n}.xml.rels`)).not.toMatch(/logo(-copy)?\.png/);
      expect(text(entries, `ppt/slideLayouts/slideLayout${n}.xml`)).not.toContain('showMasterSp');
    }
    // A relationship the layout still needs for something else stays.
    expect(text(entries, 'ppt/slideLayouts/_rels/slideLayout3.xml.rels')).toContain('other.png');
    expect(text(entries, 'ppt/slideLayouts/slideLayout1.xml')).toMatch(/^<p:sldLayout showMasterSp="0" /);
  });

  it('leaves the layouts alone when their pictures differ in place or in content (they are not one picture repeated)', () => {
    for (const entries of [deck(picture('rId2', 900)), deck(picture('rId2'), 'PNG another logo')]) {
      const before = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
      moveRepeatedPicturesToMaster(entries);
      expect(Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(before);
    }
  });

  it('leaves a deck alone whose layouts have no pictures (no layout is told to hide the master\'s shapes)', () => {
    const entries = { ...deck(''), 'ppt/slideLayouts/slideLayout2.xml': strToU8(layout('')) };
    const before = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
    moveRepeatedPicturesToMaster(entries);
    expect(Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(before);
  });
});
