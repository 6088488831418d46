'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

export const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/insights', label: 'Insights' },
  { href: '/costs', label: 'Costs' },
  { href: '/performance', label: 'Performance' },
  { href: '/reliability', label: 'Reliability' },
  { href: '/models', label: 'Models' },
  { href: '/settings', label: 'Settings' },
] as const;

const CARRIED = ['days', 'pipeline_id', 'category', 'severity'];

/** Page links that keep the filters: moving from Costs to Performance keeps "30 days, pipeline X". */
export function Nav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const carried = new URLSearchParams();
  for (const key of CARRIED) {
    const value = params.get(key);
    if (value) carried.set(key, value);
  }
  const query = carried.toString();
  return (
    <nav aria-label="Dashboard" className="-mx-1 flex gap-1 overflow-x-auto px-1 md:mx-0 md:flex-col md:overflow-visible md:px-0">
      {NAV.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        const href = item.href === '/settings' || !query ? item.href : `${item.href}?${query}`;
        return (
          <Link
            key={item.href}
            href={href}
            aria-current={active ? 'page' : undefined}
            className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200"
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
