import type {
  ApiProblem,
  AutocompleteRequest,
  Choice,
  InteractionRequest,
  InteractionResult,
  JumpResult,
  LiveEvent,
} from '../server/protocol.js';

/** The playground refused a request (status 4xx: say so where it was made) or the bot failed to answer (5xx). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await response.json().catch(() => ({ error: `The playground answered ${response.status}.` }))) as T | ApiProblem;
  if (!response.ok) throw new ApiError((data as ApiProblem).error ?? `The playground answered ${response.status}.`, response.status);
  return data as T;
}

export const interact = (request: InteractionRequest) => post<InteractionResult>('/api/interactions', request);

export const autocomplete = (request: AutocompleteRequest) =>
  post<{ choices: Choice[] }>('/api/autocomplete', request).then((answer) => answer.choices);

export const jumpToNextPost = () => post<JumpResult>('/api/clock/jump', {});

export const jumpToNextReminder = () => post<JumpResult>('/api/clock/jump-reminder', {});

/** The live feed: 'state' first, then every change. EventSource reconnects by itself and gets a fresh 'state'. */
export function connectLive(onEvent: (event: LiveEvent) => void, onConnected: (connected: boolean) => void): () => void {
  const source = new EventSource('/api/live');
  source.onmessage = (message) => onEvent(JSON.parse(message.data as string) as LiveEvent);
  source.onopen = () => onConnected(true);
  source.onerror = () => onConnected(false);
  return () => source.close();
}
