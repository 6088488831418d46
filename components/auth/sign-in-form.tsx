'use client';
import { useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/data/hydration-mark';
import { safeNextPath } from '@/lib/auth/next-path';

const input = 'h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

/** Posts to better-auth's /api/auth/sign-in/email; the session arrives as an httpOnly cookie. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until the script runs, a click would submit the form natively: keep the button off instead.
  const hydrated = useHydrated();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (res.ok) {
        // A full load: every server component renders for this user. `next` is checked again here
        // against this page's origin (the same helper as the server's), never taken as given.
        window.location.assign(safeNextPath(next, window.location.origin));
        return;
      }
      setError(res.status === 429 ? 'Too many attempts. Wait a minute and try again.' : res.status === 401 ? 'Wrong e-mail or password.' : `Sign-in failed (HTTP ${res.status}).`);
    } catch {
      setError('The server could not be reached.');
    }
    setBusy(false);
  };
  return (
    <form onSubmit={submit} method="post" className="space-y-4">
      <label className="block text-sm font-medium">
        E-mail
        <input name="email" type="email" autoComplete="username" required className={`${input} mt-1`} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required minLength={8} className={`${input} mt-1`} />
      </label>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="sign-in-error">{error}</p> : null}
      <button type="submit" disabled={busy || !hydrated} className="h-10 w-full rounded-md bg-indigo-600 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
