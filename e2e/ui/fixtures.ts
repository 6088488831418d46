import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

// The `test` of every UI spec: a page test fails when the browser logged a console error or
// warning, or a page threw — in every context of the test (the default one, and any the test
// opens with browser.newContext). A test that expects a message (a refused sign-in logs its 401)
// says so with consoleGuard.allow(pattern) before it happens.

export type ConsoleGuard = {
  /** Messages matching this pattern do not fail the test (say why where you call it). */
  allow: (pattern: RegExp) => void;
  /** What was logged so far, allowed or not ("error: …", "warning: …", "pageerror: …"). */
  messages: () => string[];
};

const FAILING = new Set(['error', 'warning', 'assert']);

export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ context, browser }, provide) => {
      const seen: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (ctx: BrowserContext) => {
        ctx.on('console', (m) => {
          if (!FAILING.has(m.type())) return;
          const { url, lineNumber } = m.location();
          seen.push(`${m.type()}: ${m.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
        });
        ctx.on('weberror', (e) => seen.push(`pageerror: ${e.error().message}`));
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      try {
        await provide({ allow: (pattern) => void allowed.push(pattern), messages: () => [...seen] });
      } finally {
        browser.newContext = newContext;
      }
      const bad = seen.filter((m) => !allowed.some((p) => p.test(m)));
      if (bad.length > 0) {
        throw new Error(`The browser logged ${bad.length} console error(s)/warning(s):\n${bad.map((m) => `  ${m}`).join('\n')}`);
      }
    },
    { auto: true },
  ],
});
