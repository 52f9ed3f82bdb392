/**
 * Discord's request-body schemas for the routes the stand-in serves, from the npm package `discord-api-spec`
 * (MIT, generated daily from Discord's own OpenAPI description). It is an ordinary devDependency, so a fresh clone
 * has the spec with `npm ci` and nothing outside the repository is read; it ships zod schemas (for zod 4, through
 * `zod/mini`, the same zod the project uses), so the stand-in no longer carries a JSON-Schema validator of its own;
 * and it ships the spec's path list, which keeps the stand-in's routes real.
 */
import * as spec from 'discord-api-spec/zod';
import * as z from 'zod/mini';

type PathsList = Readonly<Record<string, readonly string[]>>;
/** The spec's paths by lowercase method. Loaded by name: the package's types entry is TypeScript source our compiler settings reject. */
const SPEC_PACKAGE: string = 'discord-api-spec';
const { pathsList } = (await import(SPEC_PACKAGE)) as { pathsList: PathsList };

const interactionCallback = z.union([
  spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  spec.CreateMessageInteractionCallbackRequestSchema,
  spec.LaunchActivityInteractionCallbackRequestSchema,
  spec.ModalInteractionCallbackRequestSchema,
  spec.PongInteractionCallbackRequestSchema,
  spec.SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema,
  spec.UpdateMessageInteractionCallbackRequestSchema,
]);
const webhookEdit = spec.IncomingWebhookUpdateRequestPartialSchema;
// The spec also caps the list at 130 items; the documented per-type caps (100 + 15 + 15, commandLimits.ts) say as much.
const commandList = z.nullable(z.array(spec.ApplicationCommandUpdateRequestSchema));

/** By "METHOD /template", spelled as in the spec. */
const REQUEST_SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  'POST /interactions/{interaction_id}/{interaction_token}/callback': interactionCallback,
  'POST /webhooks/{webhook_id}/{webhook_token}': z.union([spec.IncomingWebhookRequestPartialSchema, webhookEdit]),
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': webhookEdit,
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': webhookEdit,
  'POST /channels/{channel_id}/messages': spec.MessageCreateRequestSchema,
  'PATCH /channels/{channel_id}/messages/{message_id}': spec.MessageEditRequestPartialSchema,
  'POST /channels/{channel_id}/threads': z.union([spec.CreateForumThreadRequestSchema, spec.CreateTextThreadWithoutMessageRequestSchema]),
  'POST /channels/{channel_id}/messages/{message_id}/threads': spec.CreateTextThreadWithMessageRequestSchema,
  'PUT /applications/{application_id}/commands': commandList,
  'PUT /applications/{application_id}/guilds/{guild_id}/commands': commandList,
  'POST /applications/{application_id}/commands': spec.ApplicationCommandCreateRequestSchema,
  'POST /applications/{application_id}/guilds/{guild_id}/commands': spec.ApplicationCommandCreateRequestSchema,
  'POST /users/@me/channels': spec.CreatePrivateChannelRequestSchema,
};
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

assertSpecRoutes(Object.keys(REQUEST_SCHEMAS).map((route) => ({ method: route.split(' ')[0] ?? '', template: route.split(' ')[1] ?? '' })));

/** The spec's schema for a route's JSON body ("POST", "/channels/{channel_id}/messages"), if the route takes one. */
export function requestSchema(method: string, template: string): z.ZodMiniType | undefined {
  return REQUEST_SCHEMAS[`${method.toUpperCase()} ${template}`];
}

/**
 * Throws unless every route is a method and path of Discord's spec and every route that takes a body has its schema
 * here, so a mistyped template or a new route cannot go unchecked.
 */
export function assertSpecRoutes(routes: readonly { readonly method: string; readonly template: string }[]): void {
  const wrong = routes.flatMap(({ method, template }) => {
    const route = `${method} ${template}`;
    if (!pathsList[method.toLowerCase()]?.includes(template)) return [`${route} is not in Discord's spec`];
    return WITH_BODY.has(method) && !REQUEST_SCHEMAS[route] ? [`${route} has no body schema in requestSchemas.ts`] : [];
  });
  if (wrong.length > 0) throw new Error(`stand-in routes: ${wrong.join('; ')}`);
}
