import type { Tone } from '@/lib/dashboard/format';

const TONE: Record<Tone, string> = {
  good: 'text-emerald-700 dark:text-emerald-400',
  bad: 'text-red-700 dark:text-red-400',
  neutral: 'text-zinc-600 dark:text-zinc-400',
};

/** One number with its label; `hint` is the line under it, coloured by `tone` (good/bad news). */
export function StatCard({
  label, value, hint, tone = 'neutral', testId, busy = false,
}: { label: string; value: string; hint?: string; tone?: Tone; testId?: string; busy?: boolean }) {
  return (
    <div
      className={`min-w-0 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${busy ? 'opacity-60' : ''}`}
    >
      <div className="truncate text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</div>
      <div className="mt-1 truncate text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-50" data-testid={testId}>
        {value}
      </div>
      {hint ? <div className={`mt-1 line-clamp-2 text-xs ${TONE[tone]}`}>{hint}</div> : null}
    </div>
  );
}
