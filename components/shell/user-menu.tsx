'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Who is signed in, and sign-out (better-auth's endpoint clears the httpOnly cookie). */
export function UserMenu({ email, demo }: { email: string; demo: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => {});
    router.replace('/sign-in');
    router.refresh(); // drop the signed-in pages from the client router cache
  };
  if (demo) {
    return (
      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" title="Local demo: no sign-in needed on 127.0.0.1">
        Local demo
      </span>
    );
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="hidden max-w-48 truncate text-zinc-600 sm:inline dark:text-zinc-400" data-testid="user-email">{email}</span>
      <button
        type="button"
        onClick={signOut}
        disabled={busy}
        className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </div>
  );
}
