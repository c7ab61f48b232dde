// Invitations in the browser, on a server whose sign-up is closed: an owner
// invites an address without an account from the collaborators dialog and
// creates an invitation link (shown once, copied); a newcomer opens the
// link, creates an account and lands in the space; an existing user signs
// in through the link and joins; the invited address signs up and is in;
// a revoked link says so in words; the dialog fits a phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  signInInBrowser,
  signUpOverApi,
  startTessera,
} from './support.mjs';

let server;
let browser;
let api;
let spaceId;

before(async () => {
  server = await startTessera(['--disable-signup']);
  browser = await launchBrowser();
  api = await signUpOverApi(server.url, 'mae@example.com', 'Mae Jemison');
  spaceId = (await api('POST', '/api/space', { name: 'Studio' })).id;
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function roleOf(email) {
  const { collaborators } = await api(
    'GET',
    `/api/space/${spaceId}/collaborator`,
  );
  return collaborators.find((person) => person.email === email)?.role;
}

async function signUpInBrowser(page, name, email) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
}

test('invite by e-mail and by link, join, revoke', async () => {
  const owner = await openPage(browser, server.url);
  await signInInBrowser(owner.page, 'mae@example.com');
  await owner.page
    .getByRole('button', { name: 'Actions for space Studio' })
    .click();
  await owner.page.getByRole('menuitem', { name: 'Collaborators' }).click();
  const dialog = owner.page.getByRole('dialog', {
    name: 'Collaborators of Studio',
  });

  // An address without an account is invited, not refused.
  await dialog.getByLabel('Email').fill('ray@example.com');
  await dialog
    .getByRole('combobox', { name: 'Role', exact: true })
    .selectOption('editor');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: 'ray@example.com has no account yet' })
    .waitFor();
  const invitations = dialog.getByRole('region', { name: 'Invitations' });
  await invitations
    .getByRole('listitem')
    .filter({ hasText: 'ray@example.com' })
    .filter({ hasText: /Editor · expires/ })
    .waitFor();

  // A link: role and expiry chosen, shown once, copied.
  await invitations.getByLabel('Link role').selectOption('viewer');
  await invitations.getByLabel('Expires after').selectOption('1');
  await invitations
    .getByRole('button', { name: 'Create invitation link' })
    .click();
  const linkField = invitations.getByRole('textbox', {
    name: 'Invitation link',
  });
  const link = await linkField.inputValue();
  assert.match(link, /\/invite#tsr_inv_[0-9A-Za-z]{40}$/);
  assert.ok(link.startsWith(server.url));
  await invitations.getByRole('button', { name: 'Copy' }).click();
  await invitations.getByText('Copied to the clipboard.').waitFor();
  assert.equal(
    await owner.page.evaluate(() => navigator.clipboard.readText()),
    link,
  );
  await screenshot(owner.page, 'invitations');
  await invitations.getByRole('button', { name: 'Done' }).click();
  await linkField.waitFor({ state: 'detached' });
  await invitations
    .getByRole('listitem')
    .filter({ hasText: 'Invitation link' })
    .filter({ hasText: /Viewer · expires .* · not used yet/ })
    .waitFor();

  // A newcomer opens the link, creates an account (sign-up is closed to
  // everyone else) and lands in the space.
  const newcomer = await openPage(browser, server.url);
  await newcomer.page.goto(link.slice(server.url.length));
  await newcomer.page.getByRole('heading', { name: 'Join Studio' }).waitFor();
  await newcomer.page
    .getByText('Mae Jemison invited you to the space Studio as Viewer.')
    .waitFor();
  assert.doesNotMatch(newcomer.page.url(), /tsr_inv_/);
  await screenshot(newcomer.page, 'invite-link');
  await newcomer.page
    .getByRole('button', { name: 'Create an account to join' })
    .click();
  await signUpInBrowser(newcomer.page, 'Nia Park', 'nia@example.com');
  await newcomer.page
    .getByRole('heading', { name: 'Studio', exact: true })
    .waitFor();
  assert.equal(await roleOf('nia@example.com'), 'viewer');

  // Someone with an account signs in through the link and joins at once.
  const existing = await openPage(browser, server.url);
  await existing.page.goto(link.slice(server.url.length));
  await existing.page.getByRole('link', { name: 'Sign in to join' }).click();
  await existing.page.getByLabel('Email').fill('nia@example.com');
  await existing.page.getByLabel('Password').fill('correct horse battery');
  await existing.page.getByRole('button', { name: 'Sign in' }).click();
  await existing.page
    .getByRole('heading', { name: 'Studio', exact: true })
    .waitFor();

  // The address invited by e-mail signs up and is in, with its role.
  const invited = await openPage(browser, server.url);
  await invited.page.goto('/signup');
  await signUpInBrowser(invited.page, 'Ray Diaz', 'ray@example.com');
  await invited.page
    .getByRole('heading', { name: 'Studio', exact: true })
    .waitFor();
  assert.equal(await roleOf('ray@example.com'), 'editor');

  // Revoked: the link now says it cannot be used, in words.
  await owner.page.reload();
  await owner.page
    .getByRole('button', { name: 'Actions for space Studio' })
    .click();
  await owner.page.getByRole('menuitem', { name: 'Collaborators' }).click();
  await dialog
    .getByRole('button', { name: 'Revoke the Viewer invitation link' })
    .click();
  await dialog
    .getByRole('region', { name: 'Invitations' })
    .getByText('No invitations are waiting.')
    .waitFor();
  const late = await openPage(browser, server.url);
  await late.page.goto(link.slice(server.url.length));
  await late.page
    .getByRole('heading', { name: 'This invitation cannot be used' })
    .waitFor();
  await late.page.getByText(/not valid: it was revoked/).waitFor();

  for (const { page, problems } of [owner, newcomer, existing, invited, late]) {
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the collaborators dialog with invitations fits a phone', async () => {
  const { page, problems } = await openPage(browser, server.url, {
    width: 390,
    height: 844,
  });
  await signInInBrowser(page, 'mae@example.com');
  await page.getByRole('button', { name: 'Actions for space Studio' }).click();
  await page.getByRole('menuitem', { name: 'Collaborators' }).click();
  await page
    .getByRole('region', { name: 'Invitations' })
    .getByRole('button', { name: 'Create invitation link' })
    .click();
  await page.getByRole('textbox', { name: 'Invitation link' }).waitFor();
  assert.ok((await horizontalOverflow(page)) <= 0);
  await screenshot(page, 'invitations-phone');
  assert.deepEqual(problems, []);
});
