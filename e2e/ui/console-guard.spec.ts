import { expect, test } from './fixtures';

// The console guard itself: a test whose page logs an error or a warning, or throws, fails — in
// the default context and in one the test opens — unless the test allowed that message.
// (test.fail: these tests pass only if the guard fails them.)

test('a console error fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await Promise.all([page.waitForEvent('console'), page.evaluate(() => console.error('something broke'))]);
});

test('a console warning fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await Promise.all([page.waitForEvent('console'), page.evaluate(() => console.warn('something is off'))]);
});

test('an uncaught exception in the page fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await Promise.all([page.waitForEvent('pageerror'), page.evaluate(() => void setTimeout(() => { throw new Error('boom'); }))]);
});

test('a context the test opens itself is watched too', async ({ browser, baseURL }) => {
  test.fail();
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto('/');
  await Promise.all([page.waitForEvent('console'), page.evaluate(() => console.error('in another context'))]);
});

test('an allowed message does not fail the test; the guard saw it', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/^warning: expected by this test/);
  await page.goto('/');
  await Promise.all([page.waitForEvent('console'), page.evaluate(() => console.warn('expected by this test'))]);
  expect(consoleGuard.messages()).toEqual([expect.stringMatching(/^warning: expected by this test/)]);
});
