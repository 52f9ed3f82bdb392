import { commandIssues, commandListIssues } from './commandLimits.js';
import { callbackIssues } from './interactionLimits.js';
import type { BodyIssue } from './issue.js';
import { asRecord } from './limitIssue.js';
import { messageIssues } from './messageLimits.js';

export type DocumentedCheck = (body: unknown) => BodyIssue[];

const message: DocumentedCheck = (body) => messageIssues(body);
const forumPost: DocumentedCheck = (body) => {
  const starter = asRecord(body).message;
  return starter === undefined ? [] : messageIssues(starter, ['message']);
};

/** Discord's documented limits that its OpenAPI description lacks or loosens, by "METHOD /template". */
const DOCUMENTED: Readonly<Record<string, DocumentedCheck>> = {
  'POST /interactions/{interaction_id}/{interaction_token}/callback': callbackIssues,
  'POST /webhooks/{webhook_id}/{webhook_token}': message,
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': message,
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': message,
  'POST /channels/{channel_id}/messages': message,
  'PATCH /channels/{channel_id}/messages/{message_id}': message,
  'POST /channels/{channel_id}/threads': forumPost,
  'PUT /applications/{application_id}/commands': commandListIssues,
  'PUT /applications/{application_id}/guilds/{guild_id}/commands': commandListIssues,
  'POST /applications/{application_id}/commands': (body) => commandIssues(body, []),
  'POST /applications/{application_id}/guilds/{guild_id}/commands': (body) => commandIssues(body, []),
};

export function documentedCheck(method: string, template: string): DocumentedCheck | undefined {
  return DOCUMENTED[`${method.toUpperCase()} ${template}`];
}
