import { z } from 'zod';
import type { InteractionHandle, StandIn } from '../../testkit/index.js';
import { StandInRejectionError } from '../../testkit/index.js';
import type { AutocompleteRequest, Choice, InteractionRequest, InteractionResult, Modal, RosterMember } from './protocol.js';

/** A refusal the page shows as it is (status 4xx/5xx, message in words). */
export class ActionError extends Error {
  override readonly name = 'ActionError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const id = z.string().regex(/^\d{1,20}$/, 'must be an id');
const optionValue = z.union([z.string().max(6000), z.number().finite(), z.boolean()]);
const options = z.record(z.string().min(1).max(32), optionValue);
const customId = z.string().min(1).max(100);
const acting = { member: id };

const InteractionRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('slash'),
    ...acting,
    channelId: id,
    name: z.string().min(1).max(32),
    subcommand: z.string().max(65).optional(),
    options,
  }),
  z.object({ kind: z.literal('button'), ...acting, messageId: id, customId }),
  z.object({ kind: z.literal('select'), ...acting, messageId: id, customId, values: z.array(z.string().max(100)).max(25) }),
  z.object({
    kind: z.literal('modal'),
    ...acting,
    interactionId: id,
    fields: z.record(customId, z.union([z.string().max(4000), z.array(z.string().max(100)).max(25)])),
  }),
]);

const AutocompleteRequestSchema = z.object({
  ...acting,
  channelId: id,
  name: z.string().min(1).max(32),
  subcommand: z.string().max(65).optional(),
  options,
  focused: z.string().min(1).max(32),
});

/** Parses a request body, or refuses it with every problem in one line. */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ActionError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}

const MODAL = 9;
const KEPT_MODALS = 50;

/**
 * What a person does on the page, done through the stand-in's driver exactly as Discord's client would cause
 * it: slash commands, autocomplete, clicks, menu choices and modal submissions, as a roster member.
 */
export class PlaygroundActions {
  /** Interactions the bot answered with a modal, so that the modal can be submitted. */
  private readonly modals = new Map<string, InteractionHandle>();

  constructor(
    private readonly standIn: StandIn,
    private readonly roster: readonly RosterMember[],
  ) {}

  async interact(body: unknown): Promise<InteractionResult> {
    const request = parse(InteractionRequestSchema, body);
    const handle = this.drive(request as InteractionRequest);
    const callback = await settle(handle.callback());
    if (callback.type !== MODAL) return { interactionId: handle.id, callbackType: callback.type };
    this.modals.set(handle.id, handle);
    for (const old of [...this.modals.keys()].slice(0, Math.max(0, this.modals.size - KEPT_MODALS))) this.modals.delete(old);
    return { interactionId: handle.id, callbackType: callback.type, modal: callback.data as Modal };
  }

  async autocomplete(body: unknown): Promise<Choice[]> {
    const request: AutocompleteRequest = parse(AutocompleteRequestSchema, body);
    const member = this.member(request.member);
    const handle = attempt(() =>
      this.standIn.autocomplete(request.name, request.options, {
        channel: request.channelId,
        member,
        focused: request.focused,
        ...(request.subcommand ? { subcommand: request.subcommand } : {}),
      }),
    );
    return settle(handle.choices());
  }

  private drive(request: InteractionRequest): InteractionHandle {
    const member = this.member(request.member);
    switch (request.kind) {
      case 'slash':
        return attempt(() =>
          this.standIn.slash(request.name, request.options, {
            channel: request.channelId,
            member,
            ...(request.subcommand ? { subcommand: request.subcommand } : {}),
          }),
        );
      case 'button':
        return attempt(() => this.click(request.messageId, request.customId, member));
      case 'select':
        return attempt(() => this.standIn.select(request.messageId, request.customId, request.values, member));
      case 'modal': {
        const opener = this.modals.get(request.interactionId);
        if (!opener) throw new ActionError(410, 'This form is out of date. Open it again.');
        return attempt(() => this.standIn.submitModal(opener, request.fields, member));
      }
    }
  }

  /** A click in a DM with the bot is the DM's own member's, sent as Discord sends a DM interaction. */
  private click(messageId: string, customId: string, member: string): InteractionHandle {
    const recipient = this.standIn.dmRecipientOf(this.standIn.message(messageId)?.channelId ?? '');
    if (recipient === undefined) return this.standIn.click(messageId, customId, member);
    if (recipient !== member) throw new Error('that is someone else’s direct message');
    return this.standIn.clickInDm(messageId, customId);
  }

  private member(userId: string): string {
    if (!this.roster.some((m) => m.id === userId)) throw new ActionError(400, `${userId} is not someone you can act as here`);
    return userId;
  }
}

/** The driver throws where Discord's client would refuse to send (a missing required option, a disabled button). */
function attempt(drive: () => InteractionHandle): InteractionHandle {
  try {
    return drive();
  } catch (err) {
    throw new ActionError(400, (err as Error).message);
  }
}

/** The bot's answer, or why there is none: it broke a Discord rule, or did not answer in time. */
async function settle<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (err) {
    if (err instanceof StandInRejectionError) throw new ActionError(502, `Discord would have rejected the bot's answer. ${err.message}`);
    throw new ActionError(504, 'The application did not respond.');
  }
}
