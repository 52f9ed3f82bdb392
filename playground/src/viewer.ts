/** Who this tab acts as: `?as=name` in the address (so two tabs can be two members), else the last choice, else ada. */
const KEY = 'scratchpad-playground-member';
const DEFAULT_MEMBER = 'ada';

export function chosenMember(): string {
  return new URLSearchParams(location.search).get('as') ?? sessionStorage.getItem(KEY) ?? DEFAULT_MEMBER;
}

export function rememberMember(username: string): void {
  sessionStorage.setItem(KEY, username);
  const url = new URL(location.href);
  url.searchParams.set('as', username);
  history.replaceState(null, '', url);
}
