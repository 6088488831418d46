import 'server-only';
import { betterAuth } from 'better-auth';
import { getPool } from '@/lib/db/client';
import { CLIENT_IP_HEADER } from '@/lib/http/forwarded';
import { COOKIE_PREFIX } from './cookie';
import { allowedOrigins } from './origin';
import { getAuthSecret } from './secret';

// better-auth on our own pg pool (its Kysely adapter), so sign-in works on a real PostgreSQL and on
// the embedded one alike. Tables and columns are ours (snake_case, migration *_auth); the field
// maps below translate better-auth's names. Sign-up over HTTP is off: accounts are created by
// `npm run cli -- user create`, which also makes the person a member of an organisation.

const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

function buildAuth(secret: string) {
  const url = process.env.BETTER_AUTH_URL;
  return betterAuth({
    appName: 'FlowMason Insights',
    database: getPool(),
    secret,
    ...(url ? { baseURL: url } : {}),
    // Sign-in must come from a page of this site: BETTER_AUTH_URL's origin (better-auth adds it),
    // the loopback address in the demo, else the host the browser addressed (lib/auth/origin.ts).
    trustedOrigins: (request) => (request ? allowedOrigins(request.headers) : []),
    telemetry: { enabled: false },
    // Its warnings (no base URL: we derive it from each request on purpose; a wrong password) are
    // noise in our logs; errors still show.
    logger: { level: 'error' },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    session: {
      modelName: 'auth_sessions',
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      fields: { userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', ...timestamps },
    },
    user: { modelName: 'auth_users', fields: { emailVerified: 'email_verified', ...timestamps } },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id', accountId: 'account_id', providerId: 'provider_id', accessToken: 'access_token',
        refreshToken: 'refresh_token', idToken: 'id_token', accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at', ...timestamps,
      },
    },
    verification: { modelName: 'auth_verifications', fields: { expiresAt: 'expires_at', ...timestamps } },
    // Sign-in attempts per client address (the one scripts/serve.ts resolved from the socket, or from
    // X-Forwarded-For of a trusted proxy — never a client's own claim): 5 a minute. A second limit
    // per account, whatever the address, sits in front (lib/auth/sign-in-limit.ts).
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 10,
      max: 100,
      customRules: { '/sign-in/*': { window: 60, max: 5 } },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      cookiePrefix: COOKIE_PREFIX,
      // Secure cookies need https: always with an https BETTER_AUTH_URL; otherwise the auth routes
      // add `Secure` per request when it came over TLS per a trusted proxy (lib/auth/auth-response.ts).
      useSecureCookies: url ? url.startsWith('https://') : false,
      // better-auth skips the origin check when NODE_ENV=test; keep it on so tests see production.
      disableOriginCheck: false,
    },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

// One instance per process, shared by every route bundle (each bundle has its own module scope).
const holder = globalThis as unknown as { __fmAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.__fmAuth ??= getAuthSecret().then(buildAuth, (err: unknown) => {
    holder.__fmAuth = undefined; // a database hiccup at first use must not stick forever
    throw err;
  });
  return holder.__fmAuth;
}
