import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { Nav } from '@/components/shell/nav';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { UserMenu } from '@/components/shell/user-menu';
import { authMode } from '@/lib/auth/mode';
import { getDashboardSession } from '@/lib/auth/session';
import '@/components/charts/chart-theme.css';

export const dynamic = 'force-dynamic';

// Every dashboard page: a valid session first (the proxy only checked that a cookie exists),
// then the shell — navigation, organisation, theme, sign-out — around the page.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getDashboardSession();
  if (!session) {
    const next = encodeURIComponent((await headers()).get('x-fm-path') ?? '/');
    redirect(`${authMode() === 'demo' ? '/api/auth/demo' : '/sign-in'}?next=${next}`);
  }
  return (
    <Providers>
      <div className="min-h-screen md:flex">
        {/* The aside stretches to the page's full height (its background with it); what is in it
            stays in view while the page scrolls. A sticky h-screen aside stopped at one screen. */}
        <aside className="border-b border-zinc-200 bg-white md:w-56 md:shrink-0 md:border-r md:border-b-0 dark:border-zinc-800 dark:bg-zinc-900" data-testid="sidebar">
          <div className="px-3 py-2 md:sticky md:top-0 md:max-h-screen md:overflow-y-auto md:px-3 md:py-4">
            <div className="mb-2 flex items-center justify-between md:mb-6 md:px-2">
              <Link href="/" className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-50">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-indigo-600 dark:text-indigo-400" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M4 18 9 11l4 4 7-10" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                FlowMason
              </Link>
              <div className="md:hidden"><ThemeToggle /></div>
            </div>
            <Nav />
          </div>
        </aside>
        <div className="min-w-0 flex-1">
          <header className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-white/80 px-4 py-2.5 backdrop-blur md:px-6 dark:border-zinc-800 dark:bg-zinc-900/80">
            <div className="min-w-0 truncate text-sm text-zinc-600 dark:text-zinc-400">
              <span className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="org-name">{session.org.name}</span>
            </div>
            <div className="flex items-center gap-2">
              <span className="hidden md:inline-flex"><ThemeToggle /></span>
              <UserMenu email={session.user.email} demo={session.mode === 'demo'} />
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-4 py-5 md:px-6">{children}</main>
        </div>
      </div>
    </Providers>
  );
}
