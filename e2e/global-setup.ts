import { resolveBrowser } from './browser';

// Once per Playwright run, before any worker starts: which Chromium the UI suites drive (unpacked
// from @sparticuz/chromium on first use, or CHROMIUM_PATH), handed to the workers through the env.
export default async function globalSetup() {
  const browser = await resolveBrowser();
  process.env.FM_E2E_BROWSER = JSON.stringify(browser);
  console.log(`[e2e] browser: ${browser.executablePath} (${browser.source})`);
}
