import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LaunchOptions } from '@playwright/test';

// The browser of the UI suites. By default the Chromium that ships inside the @sparticuz/chromium
// npm package, so that `npm ci && npm test` needs nothing else on the machine; CHROMIUM_PATH (for
// example /usr/bin/chromium) chooses another one. The global setup resolves it once per run and
// hands it to the workers in FM_E2E_BROWSER (workers re-read the config, and inherit the env).

export type ResolvedBrowser = { executablePath: string; args: string[]; env?: Record<string, string>; source: string };

const COMMON_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Flags of @sparticuz/chromium that are for AWS Lambda, not for a test run: with --single-process
// closing a browser context kills the whole browser (the next test's newContext fails, tried
// here); --disable-web-security and insecure content would let the UI suite pass where a real
// browser refuses; Playwright passes its own --headless.
const LAMBDA_ONLY = new Set(['--single-process', '--no-zygote', '--disable-web-security', '--allow-running-insecure-content', "--headless='shell'"]);

const packageDir = () => path.join(process.cwd(), 'node_modules', '@sparticuz', 'chromium');

/**
 * Unpacks the package's Chromium (about 12 s, once per version) into its own folder under the
 * system temp dir. The package always unpacks into os.tmpdir(), so it unpacks into a private
 * staging folder (TMPDIR pointed there meanwhile) that is then renamed into place: two runs starting
 * at once never launch a half-written binary.
 */
async function unpackSparticuz(): Promise<string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(os.tmpdir(), `flowmason-chromium-${version}`);
  if (fs.existsSync(path.join(dir, 'chromium'))) return dir;
  const { default: chromium } = await import('@sparticuz/chromium');
  chromium.setGraphicsMode = false; // no WebGL in these pages; skips unpacking SwiftShader
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmason-chromium-stage-'));
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = stage;
  try {
    await chromium.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  // The package's fonts.conf names Lambda's folders; ours names the unpacked fonts only, so text
  // measures the same on every machine (the label-overlap tests measure text).
  fs.writeFileSync(
    path.join(stage, 'fonts', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}/fonts/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
  );
  try {
    fs.renameSync(stage, dir);
  } catch {
    fs.rmSync(stage, { recursive: true, force: true }); // another run put it in place first
  }
  return dir;
}

/** CHROMIUM_PATH when set, else the npm package's Chromium. */
export async function resolveBrowser(): Promise<ResolvedBrowser> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, args: COMMON_ARGS, source: 'CHROMIUM_PATH' };
  const { default: chromium } = await import('@sparticuz/chromium');
  const dir = await unpackSparticuz();
  const args = [...new Set([...COMMON_ARGS, ...chromium.args.filter((a) => !LAMBDA_ONLY.has(a))])];
  return { executablePath: path.join(dir, 'chromium'), args, env: { FONTCONFIG_PATH: path.join(dir, 'fonts') }, source: '@sparticuz/chromium' };
}

/** The launch options of the `ui` project, as the global setup resolved them (read in each worker). */
export function launchOptions(): LaunchOptions {
  const resolved = process.env.FM_E2E_BROWSER ? (JSON.parse(process.env.FM_E2E_BROWSER) as ResolvedBrowser) : null;
  if (!resolved) return { executablePath: process.env.CHROMIUM_PATH, args: COMMON_ARGS };
  return { executablePath: resolved.executablePath, args: resolved.args, env: resolved.env ? { ...process.env, ...resolved.env } as Record<string, string> : undefined };
}
