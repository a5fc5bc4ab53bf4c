// A temporary theme folder with a brand font (Lora, OFL, from the devDependency) in, its path out; options patch the font or leave styles out.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sfntTable } from '../../src/load/font-file.js';

const require = createRequire(import.meta.url);
const LORA_DIR = dirname(require.resolve('@expo-google-fonts/lora/package.json'));

/** Lora's files by style, as the package has them. */
export const LORA: Record<'regular' | 'bold' | 'italic' | 'boldItalic', string> = {
  regular: join(LORA_DIR, '400Regular', 'Lora_400Regular.ttf'),
  bold: join(LORA_DIR, '700Bold', 'Lora_700Bold.ttf'),
  italic: join(LORA_DIR, '400Regular_Italic', 'Lora_400Regular_Italic.ttf'),
  boldItalic: join(LORA_DIR, '700Bold_Italic', 'Lora_700Bold_Italic.ttf'),
};

/** A copy of a TTF with its OS/2 fsType (embedding licence bits) set to `fsType`; the table checksum is left stale, as readers ignore it. */
export function withFsType(source: string, target: string, fsType: number): void {
  const bytes = readFileSync(source);
  const os2 = sfntTable(bytes, 'OS/2');
  if (!os2) throw new Error(`${source} has no OS/2 table`);
  bytes.writeUInt16BE(fsType, os2.offset + 8);
  writeFileSync(target, bytes);
}

export interface BrandThemeOptions {
  /** Styles to leave out (regular is always there). */
  without?: ('bold' | 'italic' | 'boldItalic')[];
  /** fsType to patch into every copied file. */
  fsType?: number;
  /** Lines appended to theme.yaml (after the faces and the font roles). */
  extra?: string;
  /** Which roles use the brand font (default: slides body and heading, briefing heading). */
  roles?: string;
}

export const DEFAULT_BRAND_ROLES = 'briefing:\n  fonts: { body: serif, heading: Lora }\nslides:\n  fonts: { body: Lora, heading: Lora }\n';

/** theme.yaml with `faces: { Lora: … }` (files in fonts/) and the roles. */
export function brandTheme(options: BrandThemeOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-brand-'));
  mkdirSync(join(dir, 'fonts'));
  const styles = (Object.keys(LORA) as (keyof typeof LORA)[]).filter((style) => !options.without?.includes(style as never));
  for (const style of styles) {
    const target = join(dir, 'fonts', `Lora-${style}.ttf`);
    if (options.fsType === undefined) copyFileSync(LORA[style], target);
    else withFsType(LORA[style], target, options.fsType);
  }
  const faces = styles.map((style) => `    ${style}: fonts/Lora-${style}.ttf`).join('\n');
  writeFileSync(join(dir, 'theme.yaml'), `faces:\n  Lora:\n${faces}\n${options.roles ?? DEFAULT_BRAND_ROLES}${options.extra ?? ''}`);
  return dir;
}
