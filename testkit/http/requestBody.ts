import type { IncomingMessage } from 'node:http';
import { apiErrors } from './apiError.js';

const BODY_LIMIT = 25 * 1024 * 1024;

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw apiErrors.invalidJson(`request body larger than ${BODY_LIMIT} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, or multipart/form-data whose payload_json part is the JSON body (discord.js sends files that way). */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw apiErrors.invalidJson(`body is not JSON (${(error as Error).message}): ${raw.toString('utf8').slice(0, 80)}`);
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<unknown> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const body = typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : {};
  const files = [...form.entries()]
    .filter(([, v]) => typeof v !== 'string')
    .map(([name, v]) => ({ field: name, name: (v as File).name, size: (v as File).size }));
  return files.length > 0 ? { ...body, files } : body;
}
