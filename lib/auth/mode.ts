// How the dashboard authenticates people. `demo`: the local embedded demo (npm start sets
// FLOWMASON_AUTH=demo when DATABASE_URL is unset) opens without a password through an automatic
// local session. `required`: everyone signs in with e-mail and password. Anything but an explicit
// demo on a loopback address is `required`: a demo exposed on the network would be an open door.

export type AuthMode = 'demo' | 'required';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function authMode(env: Record<string, string | undefined> = process.env): AuthMode {
  if (env.FLOWMASON_AUTH !== 'demo') return 'required';
  if (env.HOST && !LOOPBACK.test(env.HOST)) return 'required';
  return 'demo';
}

/** The demo's automatic user; it is refused in `required` mode even if its session survives. */
export const DEMO_USER_EMAIL = 'demo@flowmason.local';
