// Browser test of the whole life of an Internet request (issue 18, part
// 5): a NORDIC user asks, the admin offers, the user orders (ORDERED),
// the admin confirms (CONFIRMED), activates (ACTIVE) and cancels
// (CANCELLED) the account, each binding step asked first; the state in
// words on the customer's page, the operator's page and both lists; the
// offer entry page's conversation lists every step; a screenshot of
// each state.
//
//   node internet_life.mjs BASE_URL SHOT_DIR DELIVERY_DATE
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, check, newPage } from './lib.mjs';

const [base, shots, deliveryDate] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const FIBER_100 = '5eed00000000000000000002';
const ADDRESS_1 = '5eed0000000000000000ad01';
const field = (name) => `[name="${name}"]`;

async function login(page, email) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  const home = email.startsWith('admin@') ? `${base}/admin` : `${base}/`;
  await Promise.all([page.waitForURL(home), page.click('button[type=submit]')]);
}

async function logout(page) {
  await Promise.all([page.waitForLoadState('load'), page.click('form.logout button')]);
}

async function text(page, selector) {
  const el = page.locator(selector);
  return (await el.count()) ? (await el.first().textContent()).trim() : null;
}

await run('internet life', async (browser) => {
  const customer = await newPage(browser);
  const admin = await newPage(browser);
  const c = customer.page, a = admin.page;
  const ref = `LIFE-${Date.now()}`;

  await login(c, 'owner@nordic.test');
  await c.goto(`${base}/internet/new`);
  await c.check('#type-FIBER');
  await c.selectOption(field('address._id'), ADDRESS_1);
  await c.selectOption('#product', FIBER_100);
  await c.selectOption('#ipAddresses', '8');
  await c.fill('#reference', ref);
  await Promise.all([c.waitForURL(/\/internet\/[0-9a-f]{24}$/), c.click('form.internet-form button[type=submit]')]);
  const requestUrl = c.url();
  const id = requestUrl.split('/').pop();
  const entry = `${base}/admin/internet/${id}`;

  // the customer's page and list say the state in words
  async function customerSees(state, words, shot) {
    await c.goto(requestUrl);
    check(await c.getAttribute('#request-state', 'data-state') === state, `request should be ${state}`);
    check(await text(c, '#request-state') === words, `state in words: ${await text(c, '#request-state')}`);
    await c.screenshot({ path: join(shots, `customer-${shot}.png`), fullPage: true });
    await c.goto(`${base}/internet?state=${state}&filter=${encodeURIComponent('Vallensbækvej')}`);
    check(await c.locator(`tr[data-id="${id}"] .badge-${state}`).count() === 1,
      `the list filtered by ${state} should show the request`);
  }
  await customerSees('NEW', 'Waiting for offers', '1-new');

  await login(a, 'admin@reqdesk.test');
  await a.goto(entry);
  await a.selectOption(field('offers[0].product'), FIBER_100);
  await a.fill(field('offers[0].monthlyCustomer'), '1600');
  await a.fill(field('offers[0].commitment'), '12');
  await Promise.all([a.waitForURL(/done=saved/), a.click('#save')]);
  await customerSees('HAS_OFFER', 'Offers to choose from', '2-has-offer');

  await c.goto(requestUrl);
  await Promise.all([c.waitForLoadState('load'), c.locator('article.offer').first().locator('button.order-offer').click()]);
  await Promise.all([c.waitForURL(`${requestUrl}?done=ordered`), c.click('#order-confirm')]);
  await customerSees('ORDERED', 'Ordered', '3-ordered');

  await a.goto(entry);
  check(await a.locator('#activate-account').count() === 0, 'an ORDERED account cannot be activated');
  await a.fill('#confirm-startDate', deliveryDate);
  await a.fill('#confirm-circuit', 'FIB-LIFE-1');
  await Promise.all([a.waitForURL(/done=confirmed/), a.click('#confirm-account')]);
  check(await text(a, '#request-state') === 'Confirmed', 'the operator should see Confirmed');
  await a.screenshot({ path: join(shots, 'operator-4-confirmed.png'), fullPage: true });
  await customerSees('CONFIRMED', 'Confirmed', '4-confirmed');

  // activate: asked first, "No" goes back, "Yes" activates
  await Promise.all([a.waitForLoadState('load'), a.click('#activate-account')]);
  check((await text(a, 'h1')).startsWith('Activate the account'), `question: ${await text(a, 'h1')}`);
  await a.screenshot({ path: join(shots, 'operator-5-activate-question.png'), fullPage: true });
  await Promise.all([a.waitForURL(entry), a.click('#keep-account')]);
  check(await text(a, '#account-state') === 'Confirmed', 'going back should change nothing');
  await Promise.all([a.waitForLoadState('load'), a.click('#activate-account')]);
  await Promise.all([a.waitForURL(/done=activated/), a.click('#confirm-activate')]);
  check(await text(a, '#account-state') === 'Active', 'the account should be active');
  check(await a.locator('#account-history li').count() === 3, 'ordered, confirmed, activated in the history');
  await a.screenshot({ path: join(shots, 'operator-5-active.png'), fullPage: true });
  await customerSees('ACTIVE', 'Active', '5-active');

  // cancel: asked first, then done
  await a.goto(entry);
  await Promise.all([a.waitForLoadState('load'), a.click('#cancel-account')]);
  check((await text(a, 'h1')).startsWith('Cancel the account'), `question: ${await text(a, 'h1')}`);
  await a.screenshot({ path: join(shots, 'operator-6-cancel-question.png'), fullPage: true });
  await Promise.all([a.waitForURL(/done=cancelled/), a.click('#confirm-cancel')]);
  check(await text(a, '#account-state') === 'Cancelled', 'the account should be cancelled');
  check(await a.locator('#cancel-account').count() === 0, 'no cancel button once cancelled');
  await a.screenshot({ path: join(shots, 'operator-6-cancelled.png'), fullPage: true });
  await customerSees('CANCELLED', 'Cancelled', '6-cancelled');
  await c.goto(requestUrl);
  check(await c.locator('#account-cancelled').count() === 1, 'the customer sees when it was cancelled');

  // the offer entry page's conversation follows the request's life
  await a.goto(entry);
  const events = await a.$$eval('#timeline > li[data-kind="event"] .entry-status',
    (ps) => ps.map((p) => p.innerText.trim()));
  const life = ['Request sent', 'Offers sent', 'Account: “Ordered”', 'Account: “Confirmed”',
    'Account: “Active”', 'Account: “Cancelled”'];
  check(JSON.stringify(events) === JSON.stringify(life), `the operator's timeline: ${JSON.stringify(events)}`);
  check(await a.locator('#reply-form').count() === 1, 'no reply form on the offer entry page');
  await a.locator('#conversation').scrollIntoViewIfNeeded();
  await a.screenshot({ path: join(shots, 'operator-7-timeline.png'), fullPage: true });

  // the operator's list filters by the state too
  await a.goto(`${base}/admin/internet?state=CANCELLED&filter=${encodeURIComponent('Vallensbækvej')}`);
  check(await a.locator(`tr[data-id="${id}"] .badge-CANCELLED`).count() === 1, 'the inbox filtered by CANCELLED');
  await a.screenshot({ path: join(shots, 'operator-list-cancelled.png'), fullPage: true });
  await logout(a);
  await logout(c);
  const problems = customer.problems.concat(admin.problems);
  check(problems.length === 0, `page problems: ${problems.join('; ')}`);
}, { timeoutMs: 120000 });
