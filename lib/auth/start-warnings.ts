import { authMode } from './mode';

/** What an operator should hear about when `npm start` starts the app with this environment. */
export function startWarnings(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  if (authMode(env) === 'required' && !env.BETTER_AUTH_URL) {
    out.push(
      'warning: BETTER_AUTH_URL is not set. Set it to the address people use (https://insights.example.com): ' +
        'it fixes the origin that sign-in and dashboard writes must come from, and makes session cookies Secure.',
    );
  }
  if (env.FLOWMASON_AUTH === 'demo' && authMode(env) === 'required') {
    out.push(`warning: FLOWMASON_AUTH=demo needs HOST on a loopback address (HOST=${env.HOST ?? ''}); sign-in is required instead.`);
  }
  return out;
}
