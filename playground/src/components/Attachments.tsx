/** An uploaded file as the stand-in keeps it: name, size and the bytes (base64). */
interface FileData {
  readonly filename?: string;
  readonly size?: number;
  readonly data?: string;
}

/** Files offered for download; images are shown by the embed that names them, anything else is never linked. */
const TEXT_TYPES: Readonly<Record<string, string>> = { csv: 'text/csv', tsv: 'text/tab-separated-values', txt: 'text/plain' };

const typeOf = (name: string | undefined) => TEXT_TYPES[name?.split('.').pop()?.toLowerCase() ?? ''];
const kilobytes = (size: number | undefined) => (size === undefined ? '' : `${Math.max(1, Math.round(size / 1024))} KB`);

/** A message's text files (a /progress export) as Discord shows them: a chip per file that downloads it. */
export function Attachments({ files }: { files: readonly FileData[] }) {
  const listed = files.filter((file) => typeOf(file.filename) !== undefined && file.data !== undefined);
  if (listed.length === 0) return null;
  return (
    <div class="attachments">
      {listed.map((file) => (
        <a key={file.filename} class="attachment-file" href={`data:${typeOf(file.filename)};base64,${file.data}`} download={file.filename}>
          <span class="attachment-name">{file.filename}</span>
          <span class="attachment-size">{kilobytes(file.size)}</span>
        </a>
      ))}
    </div>
  );
}
