// Browser test of a conversation on a request (docs/CONVERSATIONS.md):
// the customer asks a question from the request page, the operator
// answers it with a file, the request waits for the customer, who reads
// the answer, downloads the file and replies; the operator completes the
// request.  Two browsers' worth of sessions, no JavaScript needed by the
// forms (multipart posts); screenshots at each step.
//
//   node conversation.mjs BASE_URL SHOT_DIR REQUEST_ID PDF_PATH
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, check, newPage, screenshot, timelineEntries as entries, sendReply as send }
  from './lib.mjs';

const [base, shots, requestId, pdfPath] = process.argv.slice(2);

async function login(browser, email) {
  const ctx = await newPage(browser, { locale: 'en-GB', acceptDownloads: true });
  const { page } = ctx;
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', 'demo-pass-1');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('button[type=submit]')]);
  return ctx;
}

await run('a conversation on a request', async (browser) => {
  const customer = await login(browser, 'owner@acme.test');
  const operator = await login(browser, 'admin@reqdesk.test');
  const c = customer.page;
  const o = operator.page;

  // the customer asks
  await c.goto(`${base}/requests/${requestId}`);
  check(await c.locator('#conversation-title').innerText() === 'Conversation', 'no conversation');
  await send(c, 'Can the technician come in the morning?\nThe site opens at 8:00.');
  check(await c.locator('#conversation-notice').isVisible(), 'no notice after the reply');
  await screenshot(c, join(shots, '1-customer-asks.png'));

  // the operator reads it and answers with a file
  await o.goto(`${base}/admin/requests/${requestId}`);
  let got = await entries(o);
  check(got.length === 2 && got[1].kind === 'reply' &&
    got[1].text === 'Can the technician come in the morning?\nThe site opens at 8:00.',
    `the operator's timeline: ${JSON.stringify(got)}`);
  check(await o.locator('#reply-internal').isVisible(), 'no internal-note box for the operator');
  await send(o, 'Yes: 9:00 on the day. The plan of the visit is attached.', [
    { name: 'visit-plan.pdf', mimeType: 'application/pdf', buffer: readFileSync(pdfPath) }]);
  got = await entries(o);
  check(got.length === 3 && got[2].files.length === 1 &&
    /^visit-plan\.pdf \(PDF document, \d+ bytes\)$/.test(got[2].files[0]),
    `the operator's answer: ${JSON.stringify(got[2])}`);
  await screenshot(o, join(shots, '2-operator-answers.png'));

  // the customer: the request waits for them, the answer is the operator's
  await c.goto(`${base}/requests`);
  check(await c.locator(`tr:has(a[href="/requests/${requestId}"]) [data-waiting]`).count() === 1,
    'the list does not say it waits for the customer');
  await c.goto(`${base}/requests/${requestId}`);
  check(await c.locator('#request-waiting').isVisible(), 'the page does not say it waits');
  got = await entries(c);
  check(got[2].author === 'Orange' && got[2].text.startsWith('Yes: 9:00'),
    `the answer as the customer reads it: ${JSON.stringify(got[2])}`);
  check(await c.locator('#reply-internal').count() === 0, 'a customer is offered internal notes');
  await screenshot(c, join(shots, '3-customer-reads.png'));
  const [download] = await Promise.all([c.waitForEvent('download'),
    c.click('#timeline a.file-link')]);
  check(download.suggestedFilename() === 'visit-plan.pdf',
    `downloaded as ${download.suggestedFilename()}`);
  const saved = join(shots, 'downloaded-visit-plan.pdf');
  await download.saveAs(saved);
  check(readFileSync(saved).equals(readFileSync(pdfPath)), 'the file downloaded differs');
  await send(c, 'Thank you, 9:00 suits us.');
  check(await c.locator('#request-waiting').count() === 0, 'still waiting after the answer');
  await screenshot(c, join(shots, '4-customer-replies.png'));

  // the operator completes the request
  await o.goto(`${base}/admin/requests/${requestId}`);
  for (const to of ['IN_PROGRESS', 'COMPLETED']) {
    await Promise.all([o.waitForLoadState('load'),
      o.click(`form.status-form button[value="${to}"]`)]);
    await o.waitForSelector(`#request-status[data-status="${to}"]`);
  }
  got = await entries(o);
  check(got.map((e) => e.kind).join(',') === 'event,reply,reply,reply,event,event',
    `the timeline at the end: ${JSON.stringify(got.map((e) => e.kind))}`);
  await screenshot(o, join(shots, '5-operator-completes.png'));
  check(customer.problems.length === 0 && operator.problems.length === 0,
    `page problems: ${customer.problems.concat(operator.problems).join('; ')}`);
}, { timeoutMs: 60000 });
