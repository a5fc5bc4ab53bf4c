declare module "edtf";
declare module "linebreak";
declare module "hyphen/patterns/*";

declare module 'svg-to-pdfkit' {
  /** Draws an SVG document (its text) into a pdfkit document at (x, y). */
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: Record<string, unknown>): void;
  export default SVGtoPDF;
}

declare module 'markdown-it-container' {
  import type { PluginWithOptions } from 'markdown-it';
  /** `:::name … :::` blocks, as `container_<name>_open` / `_close` tokens whose `info` is the text after the marker. */
  const containerPlugin: PluginWithOptions<{ validate?: (params: string, markup: string) => boolean; marker?: string }>;
  export default containerPlugin;
}
