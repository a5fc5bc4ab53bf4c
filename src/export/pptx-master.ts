// A deck's package entries in, edited in place: the pictures every layout repeats (the logo) moved onto the slide master,
// one object to edit in PowerPoint, and the layouts that do not show them (the title slide's) told not to show the master's.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';

const LAYOUT = /^ppt\/slideLayouts\/slideLayout\d+\.xml$/;
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const PICTURE = /<p:pic>.*?<\/p:pic>/gs;
const EMBED = /r:(embed|link)="(rId\d+)"/g;

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
type Relationship = { type: string; target: string };
/** A part's relationships by id (attributes in any order). */
function relationshipsOf(rels: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const [element] of rels.matchAll(/<Relationship\b[^>]*\/>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
    const id = attribute('Id');
    if (id) out.set(id, { type: attribute('Type') ?? '', target: attribute('Target') ?? '' });
  }
  return out;
}
/**
 * A picture with its relationship ids replaced by the digests of the files they point at, its shape id and name left
 * out: the same picture in two parts reads the same (pptxgenjs gives each layout its own copy of the file).
 */
const byContent = (picture: string, targets: Map<string, Relationship>, entries: Record<string, Uint8Array>) =>
  picture.replace(EMBED, (_, kind: string, id: string) => {
    const target = targets.get(id)?.target ?? id;
    const bytes = entries[`ppt/${target.replace(/^\.\.\//, '')}`];
    return `r:${kind}="${bytes ? createHash('sha256').update(bytes).digest('hex') : target}"`;
  }).replace(/<p:cNvPr id="\d+" name="[^"]*"/, '<p:cNvPr');

export function moveRepeatedPicturesToMaster(entries: Record<string, Uint8Array>): void {
  const text = (name: string) => strFromU8(entries[name]!);
  const layouts = Object.keys(entries).filter((name) => LAYOUT.test(name)).sort();
  if (!entries[MASTER] || !entries[relsOf(MASTER)] || layouts.length === 0) return;
  const pictures = layouts.map((name) => {
    const targets = relationshipsOf(entries[relsOf(name)] ? text(relsOf(name)) : '');
    return { name, targets, own: [...text(name).matchAll(PICTURE)].map((m) => m[0]), key: [...text(name).matchAll(PICTURE)].map((m) => byContent(m[0], targets, entries)).join('') };
  });
  const showing = pictures.filter((layout) => layout.own.length > 0);
  // Only a set of pictures that is the same on every layout that has pictures is the master's.
  if (showing.length < 2 || new Set(showing.map((layout) => layout.key)).size !== 1) return;

  let masterRels = text(relsOf(MASTER));
  let nextRel = Math.max(0, ...[...masterRels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const masterIds = new Map<string, string>();
  const first = showing[0]!;
  const moved = first.own.map((picture) => picture.replace(EMBED, (_, kind: string, id: string) => {
    const { type, target } = first.targets.get(id)!;
    let masterId = masterIds.get(target);
    if (!masterId) {
      masterId = `rId${nextRel++}`;
      masterIds.set(target, masterId);
      masterRels = masterRels.replace('</Relationships>', `<Relationship Id="${masterId}" Type="${type}" Target="${target}"/></Relationships>`);
    }
    return `r:${kind}="${masterId}"`;
  }));
  let master = text(MASTER);
  let nextShape = Math.max(0, ...[...master.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const placed = moved.map((picture) => picture.replace(/<p:cNvPr id="\d+"/, () => `<p:cNvPr id="${nextShape++}"`));
  // Behind everything the master holds, as they were behind the layouts' and the slides' shapes.
  const withPictures = master.replace(/(<p:spTree>.*?(?:<p:grpSpPr\/>|<\/p:grpSpPr>))/s, `$1${placed.join('')}`);
  if (withPictures === master) return;
  master = withPictures;
  entries[MASTER] = strToU8(master);
  entries[relsOf(MASTER)] = strToU8(masterRels);

  for (const layout of pictures) {
    let xml = text(layout.name);
    if (layout.own.length === 0) {
      entries[layout.name] = strToU8(xml.replace(/<p:sldLayout\b(?![^>]*showMasterSp)/, '<p:sldLayout showMasterSp="0"'));
      continue;
    }
    const dropped = new Set<string>();
    for (const picture of layout.own) {
      xml = xml.replace(picture, '');
      for (const m of picture.matchAll(EMBED)) dropped.add(m[2]!);
    }
    entries[layout.name] = strToU8(xml);
    const rels = text(relsOf(layout.name)).replace(/<Relationship\b[^>]*?\bId="(rId\d+)"[^>]*?\/>/g, (whole, id: string) => (dropped.has(id) && !xml.includes(`"${id}"`) ? '' : whole));
    entries[relsOf(layout.name)] = strToU8(rels);
  }
}
