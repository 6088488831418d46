// Sign-in: e-mail and password (better-auth). In the local demo there is nothing to sign in to.
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { authMode } from '@/lib/auth/mode';
import { safeNextPath } from '@/lib/auth/next-path';
import { getDashboardSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in · FlowMason Insights' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  if (authMode() === 'demo') redirect(`/api/auth/demo?next=${encodeURIComponent(next)}`);
  if (await getDashboardSession()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-indigo-600 dark:text-indigo-400" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M4 18 9 11l4 4 7-10" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          FlowMason Insights
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="mb-4 text-base font-semibold">Sign in</h1>
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center text-xs text-zinc-600 dark:text-zinc-400">
          Accounts are created by an administrator: <code>npm run cli -- user create --org &lt;slug&gt; --email …</code>
        </p>
      </div>
    </main>
  );
}
