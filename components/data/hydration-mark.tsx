'use client';
import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/** true once this part of the page runs in the browser (false in the server's HTML). */
export const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);

/**
 * An invisible marker that flips to data-hydrated="true" once the section around it is hydrated.
 * Tests wait for it before they click, as a person would wait for the page to respond: a filter
 * changed before a streamed section hydrates would make that section re-render from scratch.
 */
export function HydrationMark() {
  return <span hidden data-hydrated={useHydrated() ? 'true' : 'false'} />;
}
