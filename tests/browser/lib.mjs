// Shared helpers for reqdesk's browser tests: playwright-core drives
// Debian's Chromium (package chromium); no browser is ever downloaded.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.REQDESK_CHROMIUM || '/usr/bin/chromium';

// The machine has no network but loopback: without the background-networking
// flags Chromium keeps trying to reach Google's hosts.  --no-sandbox because
// tests run as root.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-proxy-server',
];

// launch(options) -> Browser, always with the same executable and flags.
export async function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 20000,
    ...options,
  });
}

// check(condition, message): throw a TestFailure unless condition holds.
export class TestFailure extends Error {}
export function check(condition, message) {
  if (!condition) throw new TestFailure(message);
}

// run(name, body): run body(browser) with a launched browser and a watchdog;
// print a clear message and set a non-zero exit code on any failure; the
// browser is always closed.
export async function run(name, body, { timeoutMs = 30000 } = {}) {
  watchdog(timeoutMs, name);
  let browser;
  try {
    browser = await launch();
    await body(browser);
  } catch (err) {
    const msg = err instanceof TestFailure ? err.message : (err && err.stack) || String(err);
    console.error(`FAIL (${name}): ${msg}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
}

// watchdog(ms, what): exit 2 if the test is still running after ms.
export function watchdog(ms, what) {
  const t = setTimeout(() => {
    console.error(`FAIL: ${what} did not finish within ${ms / 1000} s`);
    process.exit(2);
  }, ms);
  t.unref();
  return t;
}

// newPage(browser) -> {context, page, problems}: problems collects page
// errors (uncaught exceptions) and failed responses for /static/.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`browser console: ${msg.text()} (${msg.location().url || 'no url'})`);
  });
  page.on('response', (resp) => {
    if (new URL(resp.url()).pathname.startsWith('/static/') && resp.status() >= 400) {
      problems.push(`${resp.status()} for ${resp.url()}`);
    }
  });
  // A request the browser itself gave up on when the page moved on (the
  // favicon of a page left at once: net::ERR_ABORTED) is no fault of the
  // desk; a refused or failed one still counts (and a 4xx/5xx for
  // /static/ above).
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    }
  });
  return { context, page, problems };
}

// screenshot(page, path): full-page PNG, creating the directory.
export async function screenshot(page, path) {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}
