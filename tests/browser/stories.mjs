// The customer and operator stories in one language at one width, in a
// real browser (issue 17): a BVPN update (FDJ), a disconnection (ACME),
// the operator moving a request on, and an Internet request (NORDIC) with
// its offers, order and confirmation.  On every page it reaches:
//   - a full-page screenshot under SHOT_DIR (NN-name.png);
//   - axe-core (injected from node_modules) with the WCAG 2.1 A and AA
//     rules: the violations are recorded;
//   - document.documentElement.scrollWidth against the viewport's width;
//   - the text a person reads (visible text, option texts, titles,
//     placeholders, labels for assistive technology) is recorded.
// Everything is written to OUT_JSON for test_browser_stories.py, which
// holds the pages to it; this script fails only when a story cannot be
// carried out.
//
//   node stories.mjs BASE_URL SHOT_DIR LANG WIDTH VALID_DATE DELIVERY_DATE OUT_JSON
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { run, check, newPage } from './lib.mjs';

const [base, shots, lang, widthArg, validDate, deliveryDate, outJson] = process.argv.slice(2);
if (!outJson) {
  console.error('usage: node stories.mjs BASE_URL SHOT_DIR LANG WIDTH VALID_DATE DELIVERY_DATE OUT_JSON');
  process.exit(64);
}
const width = Number(widthArg);
mkdirSync(shots, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LOCALES = { en: 'en-GB', fr: 'fr-FR', da: 'da-DK' };
const TAG = `${lang.toUpperCase()}-${width}`;

const FIBER_100 = '5eed00000000000000000002';
const FIBER_1000 = '5eed00000000000000000003';
const ADDRESS_1 = '5eed0000000000000000ad01';

const pages = [];
let seq = 0;

// Everything a person reads on the page, as text.
function readText() {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('option')) parts.push(el.textContent);
  for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],img[alt]')) {
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) {
      if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
  }
  for (const el of document.querySelectorAll('input[type=submit],input[type=button]')) parts.push(el.value);
  return parts.join('\n');
}

// inspect(page, name): the checks of every page, recorded.
async function inspect(page, name) {
  seq += 1;
  const label = `${String(seq).padStart(2, '0')}-${name}`;
  await page.waitForLoadState('load');
  const shot = join(shots, `${label}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await page.addScriptTag({ path: AXE });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    htmlLang: document.documentElement.lang,
    skipLink: Boolean(document.querySelector('a.skip-link[href="#main"]')) && Boolean(document.getElementById('main')),
    // elements wider than the page: what makes it scroll, said in the report
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`),
  }));
  // selects whose longest option is wider than the text room they give it
  const selectsCut = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('select')].filter((s) => s.offsetParent !== null).filter((s) => {
      const cs = getComputedStyle(s);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const longest = Math.max(0, ...[...s.options].map((o) => ctx.measureText(o.text).width));
      // the room for text: the box less its padding and the arrow
      return longest > s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
    }).map((s) => s.name || s.id);
  });
  const text = await page.evaluate(readText);
  pages.push({ name: label, url: page.url().replace(base, ''), width, lang, shot, axe, ...layout, selectsCut, text });
}

async function login(page, email, home) {
  await page.goto(`${base}/login`);
  await inspect(page, 'login');
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  await Promise.all([page.waitForURL(`${base}${home}`), page.click('form.login-form button[type=submit]')]);
  await inspect(page, `home-${email.split('@')[0]}-${email.split('@')[1].split('.')[0]}`);
}

async function logout(page) {
  await Promise.all([page.waitForURL(/\/login/), page.click('form.logout button')]);
}

const field = (name) => `[name="${name}"]`;

await run(`stories ${TAG}`, async (browser) => {
  const { context, page, problems } = await newPage(browser, {
    viewport: { width, height: 800 }, locale: LOCALES[lang],
    // axe-core is injected as an inline script, which the desk's CSP forbids
    bypassCSP: true,
  });

  // --- FDJ: the update of a BVPN site, first with errors ---
  await login(page, 'owner@fdj.test', '/');
  await page.goto(`${base}/requests/new`);
  await inspect(page, 'request-types');
  await page.click('a[href="/requests/new/U_BVPN_CUSTOM003_1"]');
  await page.selectOption('select[name="profile"]', 'FDJ CONNECT OPTIMA 8M');
  await inspect(page, 'form-update');
  await page.fill('[id="servicePoint.customerReference"]', 'FDJ-SHARED');
  await page.selectOption('select[name="options.bandwidth"]', '8M');
  await page.fill('#customerReference', `STORY-U-${TAG}`);
  await Promise.all([page.waitForLoadState('load'), page.click('form.request-form button[type=submit]')]);
  check(await page.locator('.field-error').count() > 0, 'the update form with errors shows no error');
  const described = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')]
    .filter((el) => !(el.getAttribute('aria-describedby') || '').split(/\s+/)
      .some((id) => id && document.getElementById(id)?.classList.contains('field-error')))
    .map((el) => el.id || el.name));
  check(described.length === 0, `fields in error not tied to their error: ${described.join(', ')}`);
  await inspect(page, 'form-update-errors');
  await page.fill('#requestedAt', validDate);
  await page.fill('[id="servicePoint.customerReference"]', 'FDJ-PARIS-01');
  await Promise.all([page.waitForURL(/\/requests\/[0-9a-f]{24}$/), page.click('form.request-form button[type=submit]')]);
  const updateUrl = page.url();
  await inspect(page, 'request-update');
  await page.goto(`${base}/requests`);
  await inspect(page, 'requests');
  await page.goto(`${base}/profile`);
  await inspect(page, 'profile');
  await logout(page);

  // --- ACME: the disconnection of a site, with a contact's errors ---
  await login(page, 'owner@acme.test', '/');
  await page.goto(`${base}/requests/new/R_BVPN_FR_1`);
  await page.fill('#requestedAt', validDate);
  await page.selectOption('select[name="servicePoint.id"]', 'SP-ACME-0001');
  await page.fill('[id="contacts.primary.title"]', 'M');
  await page.fill('[id="contacts.primary.firstName"]', 'Paul');
  await page.fill('[id="contacts.primary.email"]', 'paul.langel@');
  await page.fill('[id="contacts.primary.phone"]', '+33401010101');
  await page.fill('[id="contacts.primary.mobile"]', '+33600200200');
  await page.fill('#customerReference', `STORY-R-${TAG}`);
  await page.fill('#comment', 'First line of the comment\nSecond line');
  await inspect(page, 'form-disconnection');
  await Promise.all([page.waitForLoadState('load'), page.click('form.request-form button[type=submit]')]);
  check(await page.getAttribute('[id="contacts.primary.email"]', 'aria-describedby') !== null,
    'the e-mail in error is not tied to its error');
  await inspect(page, 'form-disconnection-errors');
  await page.fill('[id="contacts.primary.lastName"]', 'LANGEL');
  await page.fill('[id="contacts.primary.email"]', 'paul.langel@mycompany.com');
  await Promise.all([page.waitForURL(/\/requests\/[0-9a-f]{24}$/), page.click('form.request-form button[type=submit]')]);
  const disconnectionUrl = page.url();
  const lines = await page.evaluate(() => {
    const el = document.getElementById('request-comment');
    return el ? el.getClientRects().length && el.innerText : null;
  });
  check(lines && lines.includes('\n'), `the comment's line break is not kept: ${JSON.stringify(lines)}`);
  await inspect(page, 'request-disconnection');
  // cancelling asks once: the question, then back
  await Promise.all([page.waitForLoadState('load'), page.click('#cancel-request')]);
  await inspect(page, 'cancel-question');
  await page.goto(disconnectionUrl);
  await logout(page);

  // --- the operator moves the update on ---
  await login(page, 'admin@reqdesk.test', '/admin');
  const updateId = updateUrl.split('/').pop();
  await page.goto(`${base}/admin/requests/${updateId}`);
  await inspect(page, 'admin-request');
  const move = page.locator('form.status-form').first();
  await move.locator('textarea').fill('Taken in hand\nby the team');
  await Promise.all([page.waitForLoadState('load'), move.locator('button[type=submit]').click()]);
  const moved = await page.evaluate(() => [...document.querySelectorAll('ol.timeline .text-lines')]
    .map((td) => td.innerText));
  check(moved.some((t) => t.includes('Taken in hand\nby the team')),
    `the status comment's line break is not kept in the history: ${JSON.stringify(moved)}`);
  await inspect(page, 'admin-request-moved');
  await page.goto(`${base}/requests`);
  await inspect(page, 'admin-requests');
  await page.goto(`${base}/admin/users`);
  await inspect(page, 'admin-users');
  await logout(page);

  // --- NORDIC: an Internet request, its offers, the order, the confirmation ---
  await login(page, 'owner@nordic.test', '/');
  await page.goto(`${base}/internet/new`);
  await page.check('#type-FIBER');
  await page.selectOption(field('address._id'), ADDRESS_1);
  await page.selectOption('#product', FIBER_100);
  await page.selectOption('#ipAddresses', '8');
  await page.check('#commitment1');
  await page.fill('#reference', `STORY-I-${TAG}`);
  await inspect(page, 'internet-new');
  await Promise.all([page.waitForURL(/\/internet\/[0-9a-f]{24}$/), page.click('form.internet-form button[type=submit]')]);
  const inetUrl = page.url();
  const inetId = inetUrl.split('/').pop();
  await inspect(page, 'internet-request');
  await logout(page);

  await login(page, 'admin@reqdesk.test', '/admin');
  await page.goto(`${base}/admin/internet`);
  await inspect(page, 'admin-internet');
  await page.goto(`${base}/admin/internet/${inetId}`);
  await page.selectOption(field('offers[0].product'), FIBER_100);
  await page.fill(field('offers[0].monthlyCost'), '600000');
  await page.fill(field('offers[0].monthlyCustomer'), '1600');
  await page.fill(field('offers[0].commitment'), '12');
  await page.fill(field('offers[0].providerName'), 'Global Connect');
  await page.click('#add-row');
  await page.selectOption(field('offers[1].product'), FIBER_1000);
  await page.fill(field('offers[1].monthlyCustomer'), '1300');
  await page.fill(field('offers[1].commitment'), '24');
  await page.fill(field('offers[1].providerName'), 'Nianet');
  await inspect(page, 'admin-offers');
  await Promise.all([page.waitForLoadState('load'), page.click('#save')]);
  await inspect(page, 'admin-offers-errors');
  await page.fill(field('offers[0].monthlyCost'), '1400');
  await Promise.all([page.waitForURL(/done=saved/), page.click('#save')]);
  await inspect(page, 'admin-offers-saved');
  await logout(page);

  await login(page, 'owner@nordic.test', '/');
  await page.goto(inetUrl);
  check(await page.locator('article.offer').count() === 2, 'two offers expected');
  await inspect(page, 'offers');
  await Promise.all([page.waitForLoadState('load'),
    page.locator('article.offer').nth(1).locator('button.order-offer').click()]);
  await inspect(page, 'order-summary');
  await Promise.all([page.waitForURL(`${inetUrl}?done=ordered`), page.click('#order-confirm')]);
  await inspect(page, 'ordered');
  await page.goto(`${base}/internet`);
  await inspect(page, 'internet-list');
  await logout(page);

  await login(page, 'admin@reqdesk.test', '/admin');
  await page.goto(`${base}/admin/internet/${inetId}`);
  await page.fill('#confirm-startDate', deliveryDate);
  await page.selectOption('#confirm-installTime', '7_30_TO_12');
  await page.fill('#confirm-circuit', `FIB-${TAG}`);
  await Promise.all([page.waitForURL(/done=confirmed/), page.click('#confirm-account')]);
  await inspect(page, 'admin-confirmed');
  await page.goto(`${base}/search?q=STORY`);
  await inspect(page, 'admin-search');
  await logout(page);

  await login(page, 'owner@nordic.test', '/');
  await page.goto(inetUrl);
  await inspect(page, 'confirmed');
  // a page that is not there, for a logged-in user
  await page.goto(`${base}/requests/000000000000000000000000`);
  await inspect(page, 'not-found');
  await logout(page);
  await inspect(page, 'logged-out');

  await context.close();
  check(problems.length === 0, `page problems: ${problems.join('; ')}`);
}, { timeoutMs: 240000 });

writeFileSync(outJson, JSON.stringify({ lang, width, pages }, null, 1));
console.log(`${TAG}: ${pages.length} pages, ${pages.reduce((n, p) => n + p.axe.length, 0)} axe violations`);
