// "Forgot your password?" in the browser with a real mail server: the
// sign-in page offers it, the link arrives by e-mail, opens a page that
// sets a new password (its secret leaves the address bar at once), every
// other session ends, and the link works once. A server without a mail
// server tells the person how an administrator resets it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  launchBrowser,
  openPage,
  screenshot,
  signUpOverApi,
  startMailSink,
  startTessera,
} from './support.mjs';

let mail;
let server;
let browser;

before(async () => {
  mail = await startMailSink();
  server = await startTessera([
    '--smtp-url',
    mail.url,
    '--smtp-from',
    'Tessera <tessera@example.com>',
  ]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
  mail?.stop();
});

test('a forgotten password is reset through a mailed link', async () => {
  const elsewhere = await signUpOverApi(server.url, 'ada@example.com', 'Ada');
  const { page, problems } = await openPage(browser, server.url);
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'an e-mail with a link' })
    .waitFor();

  const [message] = await mail.waitForMessages(1);
  assert.ok(message, 'the e-mail arrived');
  const link = message.match(/\/reset-password#tsr_pwr_[0-9A-Za-z]{40}/)?.[0];
  assert.ok(link, message);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  assert.doesNotMatch(page.url(), /tsr_pwr_/);
  await page
    .getByLabel('New password', { exact: true })
    .fill('a brand new passphrase');
  await page.getByLabel('New password again').fill('a brand new passphrasf');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByRole('alert').filter({ hasText: 'differ' }).waitFor();
  await page.getByLabel('New password again').fill('a brand new passphrase');
  await screenshot(page, 'reset-password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page
    .getByRole('heading', { name: 'Your password is changed' })
    .waitFor();
  await assert.rejects(
    elsewhere('GET', '/api/auth/user'),
    /401/,
    'the other session ended',
  );

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor();

  // The link worked once.
  const again = await openPage(browser, server.url);
  await again.page.goto(link);
  await again.page
    .getByLabel('New password', { exact: true })
    .fill('yet another passphrase');
  await again.page
    .getByLabel('New password again')
    .fill('yet another passphrase');
  await again.page
    .getByRole('button', { name: 'Set the new password' })
    .click();
  await again.page
    .getByRole('alert')
    .filter({ hasText: 'not valid' })
    .waitFor();
  await again.page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  assert.deepEqual([...problems, ...again.problems], []);
});

test('without a mail server, the page says how an administrator resets it', async () => {
  const plain = await startTessera();
  try {
    await signUpOverApi(plain.url, 'bo@example.com', 'Bo');
    const { page, problems } = await openPage(browser, plain.url);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByText('This server does not send e-mail').waitFor();
    await page.getByText('tessera user reset-password').waitFor();
    await screenshot(page, 'forgot-password-no-mail');
    assert.deepEqual(problems, []);
  } finally {
    plain.stop();
  }
});
