import { Markdown } from '../markdown/Markdown.js';
import { longDateTime } from '../markdown/timestamp.js';

/**
 * The parts of Discord's embed object the playground shows. Remote images are left out (the page loads nothing
 * remote); an image uploaded with the message (`attachment://name`, a bot's chart) is shown from its bytes.
 */
export interface EmbedData {
  readonly title?: string;
  readonly url?: string;
  readonly description?: string;
  readonly color?: number;
  readonly author?: { readonly name: string; readonly url?: string };
  readonly fields?: readonly { readonly name: string; readonly value: string; readonly inline?: boolean }[];
  readonly footer?: { readonly text: string };
  readonly timestamp?: string;
  readonly image?: { readonly url: string };
}

/** An uploaded file as the stand-in keeps it on the message: its name and its bytes, base64. */
export interface AttachmentData {
  readonly filename?: string;
  readonly data?: string;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

/** A data: URL for `attachment://name` when the message carries that image file; nothing for anything else. */
function uploadedImage(url: string | undefined, attachments: readonly AttachmentData[]): string | undefined {
  if (!url?.startsWith('attachment://')) return undefined;
  const name = url.slice('attachment://'.length);
  const file = attachments.find((attachment) => attachment.filename === name);
  const type = IMAGE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
  return file?.data && type ? `data:${type};base64,${file.data}` : undefined;
}

const hex = (color: number | undefined) => (color === undefined ? undefined : `#${color.toString(16).padStart(6, '0')}`);

function safeHttp(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An embed as Discord draws it: colour bar, author, title (a link when it has a url), description, fields, footer. */
export function Embed({ embed, attachments = [] }: { embed: EmbedData; attachments?: readonly AttachmentData[] }) {
  const titleUrl = safeHttp(embed.url);
  const image = uploadedImage(embed.image?.url, attachments);
  const footer = [embed.footer?.text, embed.timestamp ? longDateTime(Date.parse(embed.timestamp)) : undefined].filter(Boolean);
  return (
    <article class="embed" style={{ borderLeftColor: hex(embed.color) }}>
      {embed.author && <div class="embed-author">{embed.author.name}</div>}
      {embed.title && (
        <div class="embed-title">
          {titleUrl ? (
            <a class="md-link" href={titleUrl} target="_blank" rel="noopener noreferrer">
              <Markdown text={embed.title} inline />
            </a>
          ) : (
            <Markdown text={embed.title} inline />
          )}
        </div>
      )}
      {embed.description && (
        <div class="embed-description">
          <Markdown text={embed.description} />
        </div>
      )}
      {embed.fields && embed.fields.length > 0 && (
        <div class="embed-fields">
          {embed.fields.map((field, index) => (
            <div key={index} class={`embed-field${field.inline ? ' inline' : ''}`}>
              <div class="embed-field-name">
                <Markdown text={field.name} inline />
              </div>
              <div class="embed-field-value">
                <Markdown text={field.value} />
              </div>
            </div>
          ))}
        </div>
      )}
      {image && <img class="embed-image" src={image} alt={embed.title ? `Chart: ${embed.title}` : 'Chart'} />}
      {footer.length > 0 && <div class="embed-footer">{footer.join(' • ')}</div>}
    </article>
  );
}
