import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export interface Asset {
  readonly body: Uint8Array | string;
  readonly contentType: string;
}

/** The page, built once at start-up and served from memory. */
export interface WebBundle {
  /** The asset at this URL path; the page itself for any other path without an extension. */
  get(path: string): Asset | undefined;
}

const PAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json',
};

const typeOf = (fileName: string) => TYPES[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';

/** Builds playground/ with Vite (Preact through oxc's JSX transform) without writing to disk: about a second. */
export async function buildWebBundle(root: string = PAGE_ROOT): Promise<WebBundle> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { write: false, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 2000 },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const files = new Map<string, Asset>();
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('the playground page build started a watcher instead of building');
    for (const file of output.output) {
      files.set(`/${file.fileName}`, { body: file.type === 'chunk' ? file.code : file.source, contentType: typeOf(file.fileName) });
    }
  }
  const page = files.get('/index.html');
  if (!page) throw new Error('the playground page build produced no index.html');
  return {
    get: (path) => files.get(path) ?? (path.split('/').pop()?.includes('.') ? undefined : page),
  };
}
