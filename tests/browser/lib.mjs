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
  page.on('requestfailed', (req) => {
    // A page left before its icon arrived cancels the icon's request
    // (net::ERR_ABORTED): nothing is broken.  An icon that is not there is
    // still caught: the layout's SVG one is under /static/ (above), and
    // test_foundation.py asks for /favicon.ico.
    if (/\/favicon\.(svg|ico)$/.test(new URL(req.url()).pathname) &&
        req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  return { context, page, problems };
}

// screenshot(page, path): full-page PNG, creating the directory.
export async function screenshot(page, path) {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

// The entries of a request page's conversation timeline, oldest first:
// kind and side (data attributes), author, text and the files' names.
export async function timelineEntries(page) {
  return page.$$eval('#timeline > li', (lis) => lis.map((li) => ({
    kind: li.dataset.kind,
    side: li.dataset.side,
    author: li.querySelector('.entry-author').innerText.trim(),
    text: (li.querySelector('.entry-text') || { innerText: '' }).innerText.trim(),
    files: [...li.querySelectorAll('.entry-files li')].map((f) => f.innerText.trim()),
  })));
}

// Send the reply form of a request page (text, and files for
// setInputFiles) and wait for the page it leads back to.
export async function sendReply(page, text, files) {
  await page.fill('#reply-text', text);
  if (files) await page.setInputFiles('#reply-files', files);
  await Promise.all([page.waitForURL(/done=replied/), page.click('#reply-send')]);
}
