// Smoke test: the home page loads in a real browser, has the right title,
// its stylesheet applies, and a screenshot is saved.
//
//   node tests/browser/smoke.mjs BASE_URL SCREENSHOT.png
import { run, check, newPage, screenshot } from './lib.mjs';

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: node smoke.mjs BASE_URL SCREENSHOT.png');
  process.exit(64);
}

await run('smoke', async (browser) => {
  const { page, problems } = await newPage(browser);

  const resp = await page.goto(new URL('/', base).href, { waitUntil: 'load', timeout: 15000 });
  check(resp, 'no response for the home page');
  check(resp.status() === 200, `home page answered ${resp.status()}`);

  const title = await page.title();
  check(title.toLowerCase().includes('reqdesk'), `title ${JSON.stringify(title)} does not contain "reqdesk"`);

  const styled = await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => (s.href || '').endsWith('/static/css/reqdesk.css'));
    return {
      sheet: Boolean(sheet),
      brand: getComputedStyle(document.documentElement).getPropertyValue('--rd-brand').trim(),
    };
  });
  check(styled.sheet, 'the stylesheet /static/css/reqdesk.css is not loaded');
  check(styled.brand, '--rd-brand is not defined on :root: the stylesheet did not apply');

  await screenshot(page, shot);
  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: title ${JSON.stringify(title)}, --rd-brand ${styled.brand}, screenshot ${shot}`);
});
