// Browser test of the request page in words: the page of a
// U_BVPN_CUSTOM003_1 request (made through the API by the caller) shows
// each property by its label and each value in words, grouped as the
// form groups them, the service point by its name and references; the
// form shows the seeds' French terms under the labels, not run together.
//
//   node request_page.mjs BASE_URL SHOT_DIR REQUEST_ID
import { join } from 'node:path';
import { run, check, newPage, screenshot } from './lib.mjs';

const [base, shots, requestId] = process.argv.slice(2);

await run('request page in words', async (browser) => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}/login`);
  await page.fill('#email', 'owner@fdj.test');
  await page.fill('#password', 'demo-pass-1');
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);

  await page.goto(`${base}/requests/${requestId}`);
  const groups = await page.$$eval('table.properties', (tables) => tables.map((t) => ({
    caption: t.querySelector('caption').innerText.trim(),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
      [tr.querySelector('th').innerText.trim(), tr.querySelector('td').innerText.trim()]),
  })));
  const want = [
    { caption: 'Service point', rows: [['Service point',
      'FDJ Paris 01 (SP-FDJ-0001, reference BVPN-FDJ-0001, customer reference FDJ-PARIS-01)']] },
    { caption: 'Profile and options', rows: [
      ['Profile', 'FDJ CONNECT OPTIMA 8M'], ['Bandwidth', '8 Mbit/s'],
      ['Additional Wi-Fi needed', 'Yes'], ['Multicast needed', 'No'],
      ['Quickstart needed', 'Yes']] },
  ];
  check(JSON.stringify(groups) === JSON.stringify(want),
    `the properties as shown: ${JSON.stringify(groups)}`);
  const text = await page.innerText('main');
  for (const raw of ['options.', 'servicePoint.id', 'true', 'false']) {
    check(!text.includes(raw), `raw "${raw}" on the request page`);
  }
  await screenshot(page, join(shots, 'request-u-words.png'));

  // the form: English labels, the seed's French term on its own line
  await page.goto(`${base}/requests/new/U_BVPN_CUSTOM003_1`);
  await page.selectOption('select[name="profile"]', 'FDJ CONNECT OPTIMA 8M');
  const bandwidth = page.locator('label[for="options.bandwidth"]');
  const lines = (await bandwidth.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  check(lines[0] === 'Bandwidth' && lines[1] === 'Débit', `bandwidth label: ${JSON.stringify(lines)}`);
  const multicast = (await page.locator('label[for="options.isMulticastNeeded"]').innerText()).trim();
  check(multicast === 'Multicast needed', `multicast label: ${multicast}`);
  const legends = await page.$$eval('fieldset.properties legend', (ls) => ls.map((l) => l.innerText.trim()));
  check(JSON.stringify(legends) === JSON.stringify(['Service point', 'Profile and options']),
    `form groups: ${JSON.stringify(legends)}`);
  await screenshot(page, join(shots, 'form-u-labels.png'));
  check(problems.length === 0, `page problems: ${problems.join('; ')}`);
});
