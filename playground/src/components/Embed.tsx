import { Markdown } from '../markdown/Markdown.js';
import { longDateTime } from '../markdown/timestamp.js';

/** The parts of Discord's embed object the playground shows (images are left out: the page loads nothing remote). */
export interface EmbedData {
  readonly title?: string;
  readonly url?: string;
  readonly description?: string;
  readonly color?: number;
  readonly author?: { readonly name: string; readonly url?: string };
  readonly fields?: readonly { readonly name: string; readonly value: string; readonly inline?: boolean }[];
  readonly footer?: { readonly text: string };
  readonly timestamp?: string;
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
export function Embed({ embed }: { embed: EmbedData }) {
  const titleUrl = safeHttp(embed.url);
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
      {footer.length > 0 && <div class="embed-footer">{footer.join(' • ')}</div>}
    </article>
  );
}
