import type { Tokens } from 'marked';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLookup } from '../lookup.js';
import { blockTokens, inlineTokens, type MentionToken, type TimestampToken } from './discordMarkdown.js';
import { formatTimestamp, longDateTime } from './timestamp.js';

/**
 * Renders Discord-flavoured Markdown as elements. Every piece of text becomes a text node, so nothing the bot
 * or the bundle says can become markup; links open only http(s) and mailto addresses.
 */
export function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return <>{inline ? renderInline(inlineTokens(text)) : renderBlocks(blockTokens(text))}</>;
}

type Token = Tokens.Generic;

function renderBlocks(tokens: readonly Token[]): ComponentChildren[] {
  return tokens.map((token, key) => renderBlock(token, key));
}

function renderBlock(token: Token, key: number): ComponentChildren {
  const children = () => renderInline(token.tokens ?? []);
  switch (token.type) {
    case 'space':
      return null;
    case 'paragraph':
      return (
        <p key={key} class="md-p">
          {children()}
        </p>
      );
    case 'heading':
      return renderHeading(token as Tokens.Heading, key);
    case 'subtext':
      return (
        <small key={key} class="md-subtext">
          {children()}
        </small>
      );
    case 'code':
      return (
        <pre key={key} class="md-codeblock">
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return (
        <blockquote key={key} class="md-quote">
          {renderBlocks(token.tokens ?? [])}
        </blockquote>
      );
    case 'list':
      return renderList(token as Tokens.List, key);
    case 'text':
      return <span key={key}>{token.tokens ? children() : token.text}</span>;
    default:
      return <span key={key}>{token.raw}</span>;
  }
}

function renderHeading(token: Tokens.Heading, key: number): ComponentChildren {
  const children = renderInline(token.tokens);
  if (token.depth === 1)
    return (
      <h3 key={key} class="md-h1">
        {children}
      </h3>
    );
  if (token.depth === 2)
    return (
      <h4 key={key} class="md-h2">
        {children}
      </h4>
    );
  if (token.depth === 3)
    return (
      <h5 key={key} class="md-h3">
        {children}
      </h5>
    );
  return (
    <p key={key} class="md-p">
      {token.raw}
    </p>
  );
}

function renderList(token: Tokens.List, key: number): ComponentChildren {
  const items = token.items.map((item, index) => <li key={index}>{renderBlocks(item.tokens)}</li>);
  if (!token.ordered)
    return (
      <ul key={key} class="md-list">
        {items}
      </ul>
    );
  return (
    <ol key={key} class="md-list" start={typeof token.start === 'number' ? token.start : 1}>
      {items}
    </ol>
  );
}

function renderInline(tokens: readonly Token[]): ComponentChildren[] {
  return tokens.map((token, key) => renderSpan(token, key));
}

function renderSpan(token: Token, key: number): ComponentChildren {
  const children = () => renderInline(token.tokens ?? []);
  switch (token.type) {
    case 'text':
      return token.tokens ? <span key={key}>{children()}</span> : token.text;
    case 'escape':
      return token.text;
    case 'strong':
      // Discord: **bold**, __underline__.
      return token.raw.startsWith('__') ? <u key={key}>{children()}</u> : <strong key={key}>{children()}</strong>;
    case 'em':
      return <em key={key}>{children()}</em>;
    case 'del':
      return <s key={key}>{children()}</s>;
    case 'codespan':
      return (
        <code key={key} class="md-code">
          {token.text}
        </code>
      );
    case 'br':
      return <br key={key} />;
    case 'link':
      return <SafeLink key={key} href={(token as Tokens.Link).href} label={children()} />;
    case 'spoiler':
      return <Spoiler key={key}>{children()}</Spoiler>;
    case 'timestamp':
      return <Timestamp key={key} token={token as TimestampToken} />;
    case 'mention':
      return <Mention key={key} token={token as MentionToken} />;
    default:
      return token.raw;
  }
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function SafeLink({ href, label }: { href: string; label: ComponentChildren }) {
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    url = undefined;
  }
  if (!url || !SAFE_PROTOCOLS.has(url.protocol)) return <span>{label}</span>;
  return (
    <a class="md-link" href={url.href} target="_blank" rel="noopener noreferrer" title={url.href}>
      {label}
    </a>
  );
}

function Spoiler({ children }: { children: ComponentChildren }) {
  const [shown, setShown] = useState(false);
  return (
    <button
      type="button"
      class={shown ? 'md-spoiler shown' : 'md-spoiler'}
      onClick={() => setShown(true)}
      title={shown ? undefined : 'Spoiler: click to show'}
    >
      {children}
    </button>
  );
}

function Mention({ token }: { token: MentionToken }) {
  const lookup = useLookup();
  if (token.kind === 'emoji') return <span class="md-emoji">:{token.name}:</span>;
  if (token.kind === 'channel') {
    const name = lookup.channelName(token.id);
    return (
      <button type="button" class="mention" onClick={() => lookup.openChannel(token.id)}>
        #{name ?? 'unknown-channel'}
      </button>
    );
  }
  const name = token.kind === 'user' ? lookup.userName(token.id) : lookup.roleName(token.id);
  return <span class="mention">@{name ?? (token.kind === 'user' ? 'unknown-user' : 'unknown-role')}</span>;
}

/** A timestamp the viewer sees in their own time zone; relative ones count from the stand-in's clock. */
function Timestamp({ token }: { token: TimestampToken }) {
  const lookup = useLookup();
  const [, tick] = useState(0);
  useEffect(() => {
    if (token.style !== 'R') return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 10_000);
    return () => clearInterval(timer);
  }, [token.style]);
  const at = token.unix * 1000;
  if (!Number.isFinite(new Date(at).getTime())) return <span>{token.raw}</span>;
  return (
    <time class="md-time" dateTime={new Date(at).toISOString()} title={longDateTime(at)}>
      {formatTimestamp(at, token.style, lookup.now())}
    </time>
  );
}
