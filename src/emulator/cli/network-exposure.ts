// The control protocol has no authentication (it registers apps and their secrets, seeds actions and
// moves the clock): an emulator listening beyond this machine hands that to anyone who reaches it.
export function exposureWarning(url: string, control: boolean): string | undefined {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)) return undefined;
  if (!control) return undefined;
  return `warning: listening on ${host}, beyond this machine: anyone who reaches it can drive the control protocol (/_emulator/*: apps and their secrets, actions, the clock), which has no authentication; listen on 127.0.0.1, or start with --no-control`;
}
