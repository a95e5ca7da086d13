// Logging in and out in a real browser: the owner of FDJ sees their home
// page, the ADMIN sees the Admin link and the admin home, a wrong password
// shows the error on the login page.  Screenshots go to OUTDIR.
//
//   node tests/browser/login.mjs BASE_URL OUTDIR
import { join } from 'node:path';
import { run, check, newPage, screenshot } from './lib.mjs';

const [base, outdir] = process.argv.slice(2);
if (!base || !outdir) {
  console.error('usage: node login.mjs BASE_URL OUTDIR');
  process.exit(64);
}
const PASSWORD = 'demo-pass-1';
const url = (path) => new URL(path, base).href;

// logIn(page, email, password) -> the response of the page the form led to.
async function logIn(page, email, password) {
  await page.goto(url('/login'), { waitUntil: 'load', timeout: 15000 });
  await page.fill('#email', email);
  await page.fill('#password', password);
  const [resp] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: 15000 }),
    page.click('form.login-form button[type="submit"]'),
  ]);
  return resp;
}

// logOut(page): the Log out button of the header; ends on the login page.
async function logOut(page) {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: 15000 }),
    page.click('form.logout button[type="submit"]'),
  ]);
  check(new URL(page.url()).pathname === '/login', `after logout the browser is at ${page.url()}`);
  check(await page.locator('form.logout').count() === 0, 'a logout form is still shown after logging out');
}

await run('login', async (browser) => {
  const { page, problems } = await newPage(browser);

  // The owner of FDJ.
  let resp = await logIn(page, 'owner@fdj.test', PASSWORD);
  check(resp && resp.status() === 200, `home page after login answered ${resp && resp.status()}`);
  check(new URL(page.url()).pathname === '/', `after login the browser is at ${page.url()}`);
  const main = await page.locator('main').innerText();
  check(main.includes('Fabienne Dupont'), `the home page does not name the owner: ${main.slice(0, 300)}`);
  check(main.includes('Française des Jeux'), `the home page does not name the customer: ${main.slice(0, 300)}`);
  check(await page.locator('.site-nav a[href="/admin"]').count() === 0, 'an OWNER sees the Admin link');
  await screenshot(page, join(outdir, 'login-owner-home.png'));
  await logOut(page);

  // The admin.
  resp = await logIn(page, 'admin@reqdesk.test', PASSWORD);
  check(resp && resp.status() === 200, `admin home page answered ${resp && resp.status()}`);
  const adminLink = page.locator('.site-nav a[href="/admin"]');
  check(await adminLink.count() === 1, 'the ADMIN does not see the Admin link');
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: 15000 }),
    adminLink.click(),
  ]);
  check(new URL(page.url()).pathname === '/admin', `the Admin link led to ${page.url()}`);
  const h1 = (await page.locator('main h1').innerText()).trim();
  check(h1 === 'Inbox', `the admin page's title is ${JSON.stringify(h1)}`);
  check(await page.locator('main a[href="/admin/users"]').count() === 1, 'no link to /admin/users');
  await screenshot(page, join(outdir, 'login-admin.png'));
  await logOut(page);

  // A wrong password.
  resp = await logIn(page, 'owner@fdj.test', 'not-the-password');
  check(resp && resp.status() === 401, `a wrong password answered ${resp && resp.status()}`);
  const error = (await page.locator('#login-error').innerText()).trim();
  check(error === 'Wrong e-mail address or password.', `the login error says ${JSON.stringify(error)}`);
  const kept = await page.inputValue('#email');
  check(kept === 'owner@fdj.test', `the e-mail address was not kept: ${JSON.stringify(kept)}`);
  check(await page.inputValue('#password') === '', 'the password was shown back');
  await screenshot(page, join(outdir, 'login-error.png'));

  check(problems.length === 0, problems.join('\n'));
  console.log(`ok: owner and admin logged in and out, wrong password refused; screenshots in ${outdir}`);
});
