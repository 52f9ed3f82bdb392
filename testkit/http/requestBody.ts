import type { IncomingMessage } from 'node:http';
import { carryFiles } from '../world/attachments.js';
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
  const parts = [...form.entries()].flatMap(([field, value]) => (typeof value === 'string' ? [] : [{ field, file: value as File }]));
  const files = await Promise.all(
    parts.map(async ({ field, file }) => ({
      field,
      name: file.name,
      size: file.size,
      data: Buffer.from(await file.arrayBuffer()).toString('base64'),
    })),
  );
  if (files.length === 0) return body;
  const result: Record<string, unknown> = { ...body, files: files.map(({ field, name, size }) => ({ field, name, size })) };
  // An interaction callback lists its attachments in `data`; a message or webhook edit at the top level.
  const data = result.data;
  carryFiles(data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : result, files);
  return result;
}
