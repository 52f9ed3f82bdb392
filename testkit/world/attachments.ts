/**
 * Uploaded file bodies. discord.js sends files as multipart parts beside payload_json; the stand-in keeps each
 * file's bytes on the JSON object that lists its attachment (the message body, or a callback's `data`) under a
 * symbol, so body validation, which reads JSON fields only, never sees them, and the message record's
 * attachments get `filename`, `size` and `data` (base64) for tests to read back.
 */
export interface UploadedFile {
  /** The multipart field: `files[<attachment id>]`. */
  readonly field: string;
  readonly name: string;
  readonly size: number;
  /** The file's bytes, base64. */
  readonly data: string;
}

const FILES = Symbol('uploaded files');

type Carrier = Record<string | symbol, unknown>;

/** Puts the files on the object whose `attachments` list them. */
export function carryFiles(target: Record<string, unknown>, files: readonly UploadedFile[]): void {
  Object.defineProperty(target, FILES, { value: files, enumerable: false });
}

/** The attachments of a message body, each with the size and bytes of its uploaded file when there is one. */
export function withFileData(attachments: readonly unknown[], body: unknown): unknown[] {
  const files = ((body as Carrier | null)?.[FILES] as readonly UploadedFile[] | undefined) ?? [];
  return attachments.map((attachment) => {
    const id = (attachment as { id?: unknown } | null)?.id;
    const file = files.find((f) => f.field === `files[${String(id)}]`);
    return file ? { ...(attachment as object), filename: file.name, size: file.size, data: file.data } : attachment;
  });
}

/** An attachment's text as a test reads it back: by filename, from a message record's attachments. */
export function attachmentText(message: { readonly attachments: readonly unknown[] }, filename: string): string {
  const found = message.attachments.find((a) => (a as { filename?: unknown }).filename === filename) as { data?: string } | undefined;
  if (found?.data === undefined) throw new Error(`the message has no uploaded file ${filename}`);
  return Buffer.from(found.data, 'base64').toString('utf8');
}
