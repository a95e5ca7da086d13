// Browser test of the operator's day (issue 18, "Done when"): the
// operator opens the inbox on /admin and reads its counts, takes a
// customer's request ("Take it"), answers the customer's question with
// an attachment from the request page, the customer logs in, reads the
// answer and replies, the operator completes the request, and the inbox
// and the customer's page show it.  Real outcomes are checked at each
// step (the counts change, the reply is on the page, the status is
// "Completed" in words); a screenshot of every page visited.
//
//   node operator_day.mjs BASE_URL SHOT_DIR REQUEST_ID PDF_PATH QUESTION
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, check, newPage, screenshot, timelineEntries as entries, sendReply as send }
  from './lib.mjs';

const [base, shots, requestId, pdfPath, question] = process.argv.slice(2);
let shot = 0;
const snap = (page, name) => screenshot(page, join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`));

async function login(browser, email, home) {
  const ctx = await newPage(browser, { locale: 'en-GB', acceptDownloads: true });
  const { page } = ctx;
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  await Promise.all([page.waitForURL(`${base}${home}`), page.click('button[type=submit]')]);
  return ctx;
}

// The inbox as the operator reads it: each view's count, each
// family/state count, the request's row.
async function inbox(page) {
  const views = {};
  for (const a of await page.$$('#queue-views a')) {
    const view = new URL(await a.getAttribute('href'), base).searchParams.get('view') || 'all';
    const n = (await (await a.$('.count')).innerText()).replace(/[^0-9]/g, '');
    views[view] = Number(n);
  }
  const counts = await page.$$eval('#queue-counts tbody tr', (trs) => Object.fromEntries(
    trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim()))
      .map(([family, state, n]) => [`${family}/${state}`, Number(n.replace(/[^0-9]/g, ''))])));
  const row = page.locator(`tr.queue-item[data-id="${requestId}"]`);
  return { views, counts, row, listed: await row.count() === 1 };
}

await run("the operator's day", async (browser) => {
  const operator = await login(browser, 'admin@reqdesk.test', '/admin');
  const o = operator.page;

  // 1. the inbox: the customer's request is open, nobody handles it
  let before = await inbox(o);
  check(before.listed, 'the request is not in the inbox');
  check(await before.row.getAttribute('data-state') === 'NEW', 'the request is not NEW');
  check((await before.row.innerText()).includes('nobody'), 'the request is handled by someone');
  check(before.views.unassigned >= 1 && before.views.mine >= 0, `views: ${JSON.stringify(before.views)}`);
  check(before.counts['BVPN requests/New'] >= 1, `counts: ${JSON.stringify(before.counts)}`);
  await snap(o, 'operator-inbox');

  // 2. "Take it": it is the operator's now, the views say so
  await Promise.all([o.waitForURL(`${base}/admin`),
    before.row.locator('form[action="/admin/assign"] button').click()]);
  let now = await inbox(o);
  check(now.views.mine === before.views.mine + 1,
    `assigned to me: ${before.views.mine} then ${now.views.mine}`);
  check(now.views.unassigned === before.views.unassigned - 1,
    `unassigned: ${before.views.unassigned} then ${now.views.unassigned}`);
  check(now.listed && !(await now.row.innerText()).includes('nobody') &&
    await now.row.locator('form[action="/admin/assign"]').count() === 0,
    'the row still offers to take it');
  await o.goto(`${base}/admin?view=mine`);
  check(await o.locator(`tr.queue-item[data-id="${requestId}"]`).count() === 1,
    'the request is not in "Assigned to me"');
  await snap(o, 'operator-assigned-to-me');

  // 3. the request page: the customer's question, answered with a file
  await o.click(`tr.queue-item[data-id="${requestId}"] a`);
  await o.waitForURL(new RegExp(`/requests/${requestId}$`));
  let got = await entries(o);
  check(got.some((e) => e.kind === 'reply' && e.side === 'customer' && e.text === question),
    `the question is not in the timeline: ${JSON.stringify(got)}`);
  await snap(o, 'operator-reads-the-question');
  const answer = 'Yes: the technician comes at 9:00. The plan of the visit is attached.';
  await send(o, answer, [
    { name: 'visit-plan.pdf', mimeType: 'application/pdf', buffer: readFileSync(pdfPath) }]);
  got = await entries(o);
  const last = got[got.length - 1];
  check(last.kind === 'reply' && last.side === 'operator' && last.text === answer &&
    last.files.length === 1 && /^visit-plan\.pdf \(PDF document, \d+ bytes\)$/.test(last.files[0]),
    `the answer: ${JSON.stringify(last)}`);
  check(await o.locator('#request-waiting').isVisible(), 'the request does not wait for the customer');
  await snap(o, 'operator-answers-with-a-file');
  await o.goto(`${base}/admin?view=waiting`);
  check(await o.locator(`tr.queue-item[data-id="${requestId}"] .badge-waiting`).count() === 1,
    'the inbox does not say it waits for the customer');
  now = await inbox(o);
  check(now.views.waiting === before.views.waiting + 1,
    `waiting: ${before.views.waiting} then ${now.views.waiting}`);
  await snap(o, 'operator-inbox-waiting');

  // 4. the customer logs in, reads the answer, downloads the file, replies
  const customer = await login(browser, 'owner@acme.test', '/');
  const c = customer.page;
  await snap(c, 'customer-home');
  await c.goto(`${base}/requests/${requestId}`);
  check(await c.locator('#request-waiting').isVisible(), 'the customer is not told it waits for them');
  got = await entries(c);
  check(got[got.length - 1].text === answer && got[got.length - 1].author === 'Orange',
    `the answer as the customer reads it: ${JSON.stringify(got[got.length - 1])}`);
  const [download] = await Promise.all([c.waitForEvent('download'),
    c.click('#timeline a.file-link')]);
  const saved = join(shots, 'downloaded-visit-plan.pdf');
  await download.saveAs(saved);
  check(readFileSync(saved).equals(readFileSync(pdfPath)), 'the file downloaded differs');
  await snap(c, 'customer-reads-the-answer');
  const thanks = 'Thank you, 9:00 suits us. Someone will open the cabinet.';
  await send(c, thanks);
  check(await c.locator('#request-waiting').count() === 0, 'still waiting after the reply');
  await snap(c, 'customer-replies');

  // 5. the operator reads the reply and completes the request
  await o.goto(`${base}/admin?view=waiting`);
  check(await o.locator(`tr.queue-item[data-id="${requestId}"]`).count() === 0,
    'still in "waiting for the customer" after the reply');
  await o.goto(`${base}/admin/requests/${requestId}`);
  got = await entries(o);
  check(got[got.length - 1].text === thanks && got[got.length - 1].side === 'customer',
    `the customer's reply on the operator's page: ${JSON.stringify(got[got.length - 1])}`);
  await snap(o, 'operator-reads-the-reply');
  for (const [to, words] of [['IN_PROGRESS', 'In progress'], ['COMPLETED', 'Completed']]) {
    await Promise.all([o.waitForLoadState('load'),
      o.click(`form.status-form button[value="${to}"]`)]);
    await o.waitForSelector(`#request-status[data-status="${to}"]`);
    check((await o.locator('#request-status').innerText()).trim() === words,
      `the status in words: ${await o.locator('#request-status').innerText()}`);
  }
  await snap(o, 'operator-completes');

  // 6. the inbox: no longer open, the counts moved
  await o.goto(`${base}/admin`);
  now = await inbox(o);
  check(!now.listed, 'a completed request is still in the open queue');
  check(now.views.mine === before.views.mine, `assigned to me at the end: ${now.views.mine}`);
  check(now.counts['BVPN requests/New'] === before.counts['BVPN requests/New'] - 1 ||
    (before.counts['BVPN requests/New'] === 1 && !('BVPN requests/New' in now.counts)),
    `New: ${before.counts['BVPN requests/New']} then ${now.counts['BVPN requests/New']}`);
  check(now.counts['BVPN requests/Completed'] === (before.counts['BVPN requests/Completed'] || 0) + 1,
    `Completed: ${before.counts['BVPN requests/Completed']} then ${now.counts['BVPN requests/Completed']}`);
  await snap(o, 'operator-inbox-at-the-end');

  // 7. the customer sees it completed, in words
  await c.goto(`${base}/requests/${requestId}`);
  check((await c.locator('#request-status').innerText()).trim() === 'Completed',
    `the customer reads: ${await c.locator('#request-status').innerText()}`);
  await snap(c, 'customer-sees-it-completed');
  check(customer.problems.length === 0 && operator.problems.length === 0,
    `page problems: ${customer.problems.concat(operator.problems).join('; ')}`);
}, { timeoutMs: 90000 });
