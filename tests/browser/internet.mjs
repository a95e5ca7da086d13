// Browser test of Internet requests (seed 002), with JavaScript on: a
// NORDIC user creates a FIBER request, the admin enters two offers on the
// offer entry page (one row with an error first), the user sees both
// offers and orders one, the admin confirms the account.
//
//   node internet.mjs BASE_URL SHOT_DIR DELIVERY_DATE
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, check, newPage } from './lib.mjs';

const [base, shots, deliveryDate] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const FIBER_100 = '5eed00000000000000000002';
const FIBER_1000 = '5eed00000000000000000003';
const ADDRESS_1 = '5eed0000000000000000ad01';
const NORDIC_IT = '5eed0000000000000000d002';

async function login(page, email) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  // the operator's home is the inbox
  const home = email.startsWith('admin@') ? `${base}/admin` : `${base}/`;
  await Promise.all([page.waitForURL(home), page.click('button[type=submit]')]);
}

// A day as the pages write it in English: 21 Dec 2026.
const dayWords = (iso) => new Intl.DateTimeFormat('en-GB',
  { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function logout(page) {
  await Promise.all([page.waitForLoadState('load'), page.click('form.logout button')]);
}

async function text(page, selector) {
  const el = page.locator(selector);
  return (await el.count()) ? (await el.first().textContent()).trim() : null;
}

const field = (name) => `[name="${name}"]`;

await run('internet requests', async (browser) => {
  const { page, problems } = await newPage(browser);

  // --- the customer asks for FIBER at a known address ---
  await login(page, 'owner@nordic.test');
  await page.goto(`${base}/internet/new`);
  await page.check('#type-FIBER');
  check(!(await page.isVisible('#takeover')), 'DSL takeover should be hidden for FIBER');
  check(await page.isVisible('#ipAddresses'), 'ipAddresses should show for FIBER');
  await page.check('#type-DSL');
  check(!(await page.isVisible('#ipAddresses')), 'ipAddresses should be hidden for DSL');
  await page.check('#type-FIBER');
  await page.selectOption(field('address._id'), ADDRESS_1);
  await page.selectOption('#product', FIBER_100);
  await page.selectOption('#ipAddresses', '8');
  await page.check('#commitment1');
  await page.check(`input[name=notify][value="${NORDIC_IT}"]`);
  await page.fill('#reference', 'BROWSER-INET-1');
  await page.screenshot({ path: join(shots, 'new-request.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/internet\/[0-9a-f]{24}$/), page.click('form.internet-form button[type=submit]')]);
  const requestUrl = page.url();
  const id = requestUrl.split('/').pop();
  check(await page.getAttribute('#request-state', 'data-state') === 'NEW', 'new request should be NEW');
  check(await text(page, '#request-state') === 'Waiting for offers', `state in words: ${await text(page, '#request-state')}`);
  check(await page.isVisible('#no-offers'), 'no offers yet');
  await logout(page);

  // --- the admin enters two offers, the first with an error ---
  await login(page, 'admin@reqdesk.test');
  await page.goto(`${base}/admin/internet`);
  await Promise.all([page.waitForURL(`${base}/admin/internet/${id}`), page.click(`a[href="/admin/internet/${id}"]`)]);
  await page.selectOption(field('offers[0].product'), FIBER_100);
  await page.fill(field('offers[0].monthlyCost'), '600000');
  await page.fill(field('offers[0].monthlyCustomer'), '1600');
  await page.fill(field('offers[0].commitment'), '12');
  await page.fill(field('offers[0].providerName'), 'Global Connect');
  // "Add an offer row" works in place with JavaScript
  await page.click('#add-row');
  check(page.url() === `${base}/admin/internet/${id}`, 'adding a row should not leave the page');
  check(await page.locator('.offer-row').count() === 2, 'a second row should be added');
  check(await page.inputValue(field('rows')) === '2', 'rows should count 2');
  await page.selectOption(field('offers[1].product'), FIBER_1000);
  await page.fill(field('offers[1].monthlyCustomer'), '1300');
  await page.fill(field('offers[1].commitment'), '24');
  await page.fill(field('offers[1].providerName'), 'Nianet');
  // a third row, removed again
  await page.click('#add-row');
  await page.click('.offer-row[data-row="2"] button.remove-row');
  check(await page.locator('.offer-row').count() === 2, 'the third row should be removed');
  await Promise.all([page.waitForLoadState('load'), page.click('#save')]);
  const error = await text(page, '[id="offers[0].monthlyCost-error"]');
  // the operator's page says it for a person (the API keeps its own words)
  check(error === 'Enter an amount between 0 and 500,000.', `no error at offers[0].monthlyCost: ${error}`);
  check(await page.inputValue(field('offers[0].monthlyCost')) === '600000', 'the wrong value should be kept');
  check(await page.inputValue(field('offers[1].providerName')) === 'Nianet', 'the second row should be kept');
  await page.screenshot({ path: join(shots, 'offer-entry-error.png'), fullPage: true });
  await page.fill(field('offers[0].monthlyCost'), '1400');
  await Promise.all([page.waitForURL(/done=saved/), page.click('#save')]);
  check(await text(page, '#request-state') === 'Offers to choose from', 'request should have offers');
  await page.screenshot({ path: join(shots, 'offer-entry-saved.png'), fullPage: true });
  await logout(page);

  // --- the customer compares and orders the second offer ---
  await login(page, 'owner@nordic.test');
  await page.goto(requestUrl);
  const cards = page.locator('article.offer');
  check(await cards.count() === 2, `two offers expected, saw ${await cards.count()}`);
  check((await text(page, '#expiry')).endsWith('30 days left.'), `expiry: ${await text(page, '#expiry')}`);
  const prices = await page.locator('[data-price="monthlyCustomer"]').allTextContents();
  check(prices.join(',') === 'DKK\u00a01,600.00,DKK\u00a01,300.00', `customer prices: ${prices}`);
  check(await page.locator('[data-price="monthlyCost"]').count() === 0, 'cost prices must not show');
  await page.screenshot({ path: join(shots, 'offers.png'), fullPage: true });
  // ordering shows a summary first
  await Promise.all([page.waitForLoadState('load'), page.locator('article.offer').nth(1).locator('button.order-offer').click()]);
  check(await text(page, '#order-product') === 'FIBER 1000/1000', `summary product: ${await text(page, '#order-product')}`);
  check(await text(page, '#order-commitment') === '24 months', `summary commitment: ${await text(page, '#order-commitment')}`);
  check(await text(page, '#order-monthly') === 'DKK\u00a01,300.00', `summary monthly price: ${await text(page, '#order-monthly')}`);
  await page.screenshot({ path: join(shots, 'order-summary.png'), fullPage: true });
  await Promise.all([page.waitForURL(`${requestUrl}?done=ordered`), page.click('#order-confirm')]);
  check(await page.getAttribute('#account-state', 'data-state') === 'ORDERED', 'account should be ORDERED');
  check(await page.locator('article.offer-ordered .offer-product').textContent() === 'FIBER 1000/1000',
    'the second offer should be the ordered one');
  await logout(page);

  // --- the admin confirms the account ---
  await login(page, 'admin@reqdesk.test');
  await page.goto(`${base}/admin/internet/${id}`);
  await page.fill('#confirm-startDate', deliveryDate);
  await page.selectOption('#confirm-installTime', '7_30_TO_12');
  await page.fill('#confirm-circuit', 'FIB-BROWSER-1');
  await Promise.all([page.waitForURL(/done=confirmed/), page.click('#confirm-account')]);
  check(await text(page, '#account-state') === 'Confirmed', 'account should be confirmed');
  await logout(page);
  await login(page, 'owner@nordic.test');
  await page.goto(requestUrl);
  check(await text(page, '#account-state') === 'Confirmed', 'the customer should see Confirmed');
  check(await text(page, '#account-start') === dayWords(deliveryDate),
    `delivery date on the request page: ${await text(page, '#account-start')}`);
  await page.screenshot({ path: join(shots, 'confirmed.png'), fullPage: true });
  check(problems.length === 0, `page problems: ${problems.join('; ')}`);
}, { timeoutMs: 90000 });
