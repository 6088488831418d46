// Settings: API keys, organisation time zone and thresholds, webhooks (components/settings/webhooks-section).
import { Suspense } from 'react';
import { Prefetch } from '@/components/data/prefetch';
import { ApiKeysSection } from '@/components/settings/api-keys-section';
import { OrgSettingsSection } from '@/components/settings/org-settings-section';
import { WebhooksSection } from '@/components/settings/webhooks-section';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { queries, session } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Settings</h1>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">Organisation {session.org.name} ({session.org.slug})</p>
      </div>
      <Suspense fallback={<PanelSkeleton height="h-40" />}>
        <Prefetch queries={[queries.keys(), queries.settings()]}>
          <ApiKeysSection />
          <OrgSettingsSection />
        </Prefetch>
      </Suspense>
      <WebhooksSection />
    </div>
  );
}
