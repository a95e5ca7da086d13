// Browser test of the request forms: each seed type is submitted through
// its generated form, first with errors (shown next to the fields, input
// kept), then corrected; the request is then found on the list and on its
// detail page.
//
//   node forms.mjs BASE_URL SHOT_DIR VALID_DATE SATURDAY
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, check } from './lib.mjs';

const [base, shots, validDate, saturday] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

async function login(page, email) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
}

async function errorOf(page, field) {
  const el = page.locator(`[id="${field}-error"]`);
  return (await el.count()) ? (await el.textContent()).trim() : null;
}

async function findOnListAndDetail(page, ref, name) {
  await page.goto(`${base}/requests?customerReference=${encodeURIComponent(ref)}`);
  const link = page.locator('table.requests a[href^="/requests/"]').first();
  check(await link.count() === 1, `request ${ref} not on the list page`);
  const href = await link.getAttribute('href');
  await page.goto(`${base}${href}`);
  check((await page.title()).startsWith(name), `detail page title: ${await page.title()}`);
  const status = (await page.locator('#request-status').textContent()).trim();
  check(status === 'New', `status on the detail page: ${status}`);
  return href;
}

await run('request forms', async (browser) => {
  const page = await browser.newPage();

  // --- U_BVPN_CUSTOM003_1 as FDJ ---
  await login(page, 'owner@fdj.test');
  await page.goto(`${base}/requests/new`);
  await page.click('a[href="/requests/new/U_BVPN_CUSTOM003_1"]');
  // the profile hides the options it makes irrelevant
  await page.selectOption('select[name="profile"]', 'FDJ CONNECT FTTH');
  check(!(await page.isVisible('[data-field="options.bandwidth"]')),
    'bandwidth should be hidden for FDJ CONNECT FTTH');
  check(!(await page.isVisible('[data-field="options.isExternalAntennaNeeded"]')),
    'antenna options should be hidden for FDJ CONNECT FTTH');
  await page.selectOption('select[name="profile"]', 'FDJ CONNECT OPTIMA 8M');
  check(await page.isVisible('[data-field="options.bandwidth"]'),
    'bandwidth should show for FDJ CONNECT OPTIMA 8M');
  // first submission with errors: a Saturday and two sites sharing a reference
  await page.fill('#requestedAt', saturday);
  await page.fill('[id="servicePoint.customerReference"]', 'FDJ-SHARED');
  await page.selectOption('select[name="options.bandwidth"]', '8M');
  await page.fill('#customerReference', 'BROWSER-U-1');
  await Promise.all([page.waitForLoadState('load'), page.click('form.request-form button[type=submit]')]);
  const dateError = await errorOf(page, 'requestedAt');
  check(dateError && dateError.startsWith('Choose a working day in France at least 20 days after today'),
    `no lead-time sentence next to the date: ${dateError}`);
  check((await page.textContent('#form-summary')).includes('Service point: Several of your sites match'),
    'no "several sites" sentence in the summary');
  check(await page.inputValue('#customerReference') === 'BROWSER-U-1', 'input not kept');
  await page.screenshot({ path: join(shots, 'form-u-errors.png'), fullPage: true });
  // corrected
  await page.fill('#requestedAt', validDate);
  await page.fill('[id="servicePoint.customerReference"]', 'FDJ-PARIS-01');
  await Promise.all([page.waitForURL(/\/requests\/[0-9a-f]{24}$/), page.click('form.request-form button[type=submit]')]);
  await findOnListAndDetail(page, 'BROWSER-U-1', 'Update of a BVPN site');
  await page.screenshot({ path: join(shots, 'request-u.png'), fullPage: true });
  await page.click('form.logout button');

  // --- R_BVPN_FR_1 as ACME ---
  await login(page, 'owner@acme.test');
  await page.goto(`${base}/requests/new/R_BVPN_FR_1`);
  await page.fill('#requestedAt', validDate);
  await page.selectOption('select[name="servicePoint.id"]', 'SP-ACME-0001');
  await page.fill('[id="contacts.primary.title"]', 'M');
  await page.fill('[id="contacts.primary.firstName"]', 'Paul');
  await page.fill('[id="contacts.primary.email"]', 'paul.langel@');
  await page.fill('[id="contacts.primary.phone"]', '+33401010101');
  await page.fill('[id="contacts.primary.mobile"]', '+33600200200');
  await page.fill('#customerReference', 'BROWSER-R-1');
  await Promise.all([page.waitForLoadState('load'), page.click('form.request-form button[type=submit]')]);
  check(await errorOf(page, 'contacts.primary.lastName') ===
    'Last name of the primary contact is required.', 'no sentence next to the last name');
  check(await errorOf(page, 'contacts.primary.email') ===
    'Enter an e-mail address such as name@example.com.', 'no sentence next to the e-mail');
  check(await page.getAttribute('[id="contacts.primary.email"]', 'aria-describedby') ===
    'contacts.primary.email-error', 'the e-mail input is not tied to its problem');
  check(await page.inputValue('[id="contacts.primary.firstName"]') === 'Paul', 'input not kept');
  await page.screenshot({ path: join(shots, 'form-r-errors.png'), fullPage: true });
  await page.fill('[id="contacts.primary.lastName"]', 'LANGEL');
  await page.fill('[id="contacts.primary.email"]', 'paul.langel@mycompany.com');
  await Promise.all([page.waitForURL(/\/requests\/[0-9a-f]{24}$/), page.click('form.request-form button[type=submit]')]);
  await findOnListAndDetail(page, 'BROWSER-R-1', 'Disconnection of a BVPN site');
  await page.screenshot({ path: join(shots, 'request-r.png'), fullPage: true });
}, { timeoutMs: 60000 });
