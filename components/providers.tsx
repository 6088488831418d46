'use client';
import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { ApiClientError } from '@/lib/hooks/fetch-json';
import { HydrationMark } from './data/hydration-mark';

// react-query and nuqs for the dashboard. The QueryClient is made per request on the server (so
// no data leaks between requests) and once in the browser (so the cache survives navigation).
function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server's first paint is fresh: do not refetch it the moment the page hydrates.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change on retry; network errors and 5xx get two more tries.
        retry: (count, err) => count < 2 && !(err instanceof ApiClientError && err.status >= 400 && err.status < 500),
      },
    },
  });
}

let browserClient: QueryClient | undefined;
function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>
        {children}
        <HydrationMark />
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
