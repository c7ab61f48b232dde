// The rest of the web app's promises: every page readable at 1280×800 and at
// 390×844 (screenshots of each), keyboard use of menus and dialogs, focus
// kept inside dialogs, API errors shown as sentences, the token list's
// highlights, editing a token, custom and no expiration, home's rename and
// delete, and the collaborators dialog.
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

const DAY = 86400000;
let server;
let browser;
let api;
let ids = {};

before(async () => {
  server = await startTessera();
  browser = await launchBrowser();
  api = await signUpOverApi(server.url, 'mae@example.com', 'Mae Jemison');
  await signUpOverApi(server.url, 'sam@example.com', 'Sam Lee');
  ids.space = (await api('POST', '/api/space', { name: 'Research' })).id;
  ids.base = (
    await api('POST', '/api/base', { spaceId: ids.space, name: 'Lab' })
  ).id;
  ids.table = (
    await api('POST', `/api/base/${ids.base}/table`, { name: 'Samples' })
  ).id;
  await api('POST', `/api/table/${ids.table}/record`, {
    records: [{ fields: { Name: 'S-1' } }, { fields: { Name: 'S-2' } }],
  });
  await api('POST', '/api/access-token', {
    name: 'Nightly export',
    scopes: ['read'],
    expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });
  await api('POST', '/api/access-token', {
    name: 'MCP Server',
    description: 'Claude on my laptop',
    scopes: ['read', 'write'],
    baseIds: [ids.base],
    expiresAt: new Date(Date.now() + 60 * DAY).toISOString(),
  });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`every page is readable on a ${label} (${viewport.width}×${viewport.height})`, async () => {
    const { page, problems } = await openPage(browser, server.url, viewport);
    await page.goto('/signin');
    await screenshot(page, `${label}-sign-in`);
    assert.equal(await horizontalOverflow(page), 0);
    await signInInBrowser(page, 'mae@example.com');
    const pages = [
      ['home', '/', 'Research'],
      ['table', `/base/${ids.base}/table/${ids.table}`, 'S-2'],
      ['profile', '/settings/profile', 'mae@example.com'],
      ['tokens', '/settings/personal-access-token', 'Nightly export'],
      ['docs', '/docs/personal-access-tokens', 'If a token leaks'],
    ];
    for (const [name, path, text] of pages) {
      await page.goto(path);
      await page.getByText(text).first().waitFor();
      await screenshot(page, `${label}-${name}`);
      assert.equal(
        await horizontalOverflow(page),
        0,
        `${name} overflows sideways at ${viewport.width}px`,
      );
    }
    await page.goto('/settings/personal-access-token');
    await page.getByRole('button', { name: 'Create Token' }).click();
    await page.getByRole('dialog', { name: 'Create Token' }).waitFor();
    await screenshot(page, `${label}-create-token`);
    assert.deepEqual(problems, []);
  });
}

test('on a phone, menus and popovers open inside the screen and their actions can be tapped', async () => {
  const viewport = { width: 390, height: 844 };
  const { page, problems } = await openPage(browser, server.url, viewport);
  await signInInBrowser(page, 'mae@example.com');
  async function assertInside(locator, what) {
    for (const box of await Promise.all(
      (await locator.all()).map((item) => item.boundingBox()),
    )) {
      assert.ok(
        box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= viewport.width &&
          box.y + box.height <= viewport.height,
        `${what} at ${JSON.stringify(box)} leaves the ${viewport.width}×${viewport.height} screen`,
      );
    }
  }

  await page.goto('/settings/personal-access-token');
  await page
    .getByRole('button', { name: 'Actions for token Nightly export' })
    .click();
  await assertInside(page.getByRole('menuitem'), 'a token menu item');
  // A click lands only on an item nothing covers (the rail did).
  await page.getByRole('menuitem', { name: 'Refresh' }).click();
  const refresh = page.getByRole('dialog', {
    name: 'Refresh “Nightly export”?',
  });
  await refresh.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('button', { name: 'Actions for token Nightly export' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete “Nightly export”?' })
    .getByRole('button', { name: 'Cancel' })
    .click();

  await page.getByRole('button', { name: 'Create Token' }).click();
  const form = page.getByRole('dialog', { name: 'Create Token' });
  for (const checkbox of await form.getByRole('checkbox').all()) {
    const box = await checkbox.boundingBox();
    if (!box) continue; // inside a closed "advanced" section
    assert.ok(box.width >= 16, `a checkbox is ${box.width}px wide`);
  }
  await screenshot(page, 'phone-create-token-scopes');
  await page.keyboard.press('Escape');

  await page.goto(`/base/${ids.base}/table/${ids.table}`);
  await page.getByRole('button', { name: 'View Grid view actions' }).click();
  await assertInside(page.getByRole('menuitem'), 'a view menu item');
  await screenshot(page, 'phone-view-menu');
  await page.getByRole('menuitem', { name: 'Rename view' }).click();
  await page.getByRole('dialog', { name: 'Rename view' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Filter' }).click();
  await assertInside(
    page.getByRole('group', { name: 'Filter' }),
    'the filter panel',
  );
  assert.deepEqual(problems, []);
});

test('menus and dialogs work from the keyboard and keep focus', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'mae@example.com');
  const avatar = page.getByRole('button', {
    name: 'Account menu for Mae Jemison',
  });
  await avatar.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.activeElement.textContent === 'Settings',
  );
  // Mae signed up first: the instance admin's menu has Administration.
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    () => document.activeElement.textContent === 'Administration',
  );
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    () => document.activeElement.textContent === 'Sign out',
  );
  await page.keyboard.press('Escape');
  await page.waitForFunction(() =>
    document.activeElement
      .getAttribute('aria-label')
      ?.startsWith('Account menu'),
  );
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Profile' }).waitFor();

  await page.goto('/settings/personal-access-token');
  await page.getByRole('row', { name: /Nightly export/ }).waitFor();
  const create = page.getByRole('button', { name: 'Create Token' });
  await create.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create Token' });
  await dialog.waitFor();
  // A dialog opens on its first field, not on ×.
  await page.waitForFunction(
    () => !!document.activeElement.closest('dialog[open]'),
  );
  assert.equal(
    await dialog
      .getByRole('textbox', { name: 'Name', exact: true })
      .evaluate((input) => input === document.activeElement),
    true,
  );
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () => !!document.activeElement.closest('dialog[open]'),
    );
    assert.ok(inside, `focus left the dialog after ${i + 1} tabs`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(
    () => document.activeElement.textContent === 'Create Token',
  );
  assert.deepEqual(problems, []);
});

test('the token list highlights expiry; tokens can be edited; custom expiry dates', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'mae@example.com');
  await page.goto('/settings/personal-access-token');
  const soon = page.getByRole('row', { name: /Nightly export/ });
  await soon
    .locator('.expiry-soon')
    .getByText(/Expires in 3 days|Expires in 2 days/)
    .waitFor();
  const later = page.getByRole('row', { name: /MCP Server/ });
  assert.equal(await later.locator('.expiry-soon, .expiry-expired').count(), 0);
  await later.getByText('Lab (base)').waitFor();
  // Each token shows the public start of its value, to tell them apart.
  const { tokens } = await api('GET', '/api/access-token');
  const mcp = tokens.find((t) => t.name === 'MCP Server');
  await later.getByText(`${mcp.valuePrefix}…`).waitFor();
  assert.equal(
    await page.title(),
    'Personal Access Token – Settings – Tessera',
  );
  await later.getByText('Read, Write').waitFor();
  await later.getByText('Never').waitFor();

  await page
    .getByRole('button', { name: 'Actions for token MCP Server' })
    .click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit token “MCP Server”' });
  await edit
    .getByRole('textbox', { name: 'Name', exact: true })
    .fill('MCP Server (read only)');
  await edit.getByRole('checkbox', { name: /^Write/ }).uncheck();
  await edit.getByText('Fine-grained actions').click();
  await edit.getByRole('checkbox', { name: /view:create/ }).check();
  await edit.getByRole('radio', { name: /All spaces and bases/ }).check();
  assert.equal(
    await edit.getByLabel('Expires in').count(),
    0,
    'expiry cannot be edited',
  );
  await edit.getByRole('button', { name: 'Save' }).click();
  const edited = page.getByRole('row', { name: /MCP Server \(read only\)/ });
  await edited.getByText('All spaces and bases').waitFor();
  await edited.getByText('Read, view:create').waitFor();
  const stored = (await api('GET', '/api/access-token')).tokens.find(
    (t) => t.name === 'MCP Server (read only)',
  );
  assert.deepEqual([...stored.scopes].sort(), ['read', 'view:create']);
  assert.deepEqual(stored.baseIds, []);

  await page.getByRole('button', { name: 'Create Token' }).click();
  const create = page.getByRole('dialog', { name: 'Create Token' });
  await create
    .getByRole('textbox', { name: 'Name', exact: true })
    .fill('Quarterly report');
  await create.getByRole('checkbox', { name: /^Read/ }).check();
  await create.getByLabel('Expires in').selectOption({ label: 'Custom date…' });
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await create.getByText('Pick an expiration date.').waitFor();
  const farAway = new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10);
  await create.getByLabel('Expiration date').fill(farAway);
  await create.getByText('Pick a date within 366 days.').waitFor();
  const chosen = new Date(Date.now() + 45 * DAY).toISOString().slice(0, 10);
  await create.getByLabel('Expiration date').fill(chosen);
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  // Closing the shown-once value before copying it asks first.
  const shown = page.getByRole('dialog', { name: 'Your new token' });
  await page.waitForFunction(
    () => document.activeElement.textContent === 'Copy',
  );
  await shown.getByRole('button', { name: 'Done' }).click();
  await shown.getByText('You have not copied the token.').waitFor();
  await page.keyboard.press('Escape');
  await shown.getByRole('button', { name: 'Back to the token' }).click();
  await shown.getByRole('button', { name: 'Done' }).click();
  await shown.getByRole('button', { name: 'Close without copying' }).click();
  await shown.waitFor({ state: 'detached' });
  const report = (await api('GET', '/api/access-token')).tokens.find(
    (t) => t.name === 'Quarterly report',
  );
  assert.equal(report.expiresAt.slice(0, 10), chosen);

  // Deleting a row sends focus to what took its place, not to the page.
  await page
    .getByRole('button', { name: 'Actions for token Quarterly report' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete token' }).click();
  await page
    .getByRole('row', { name: /Quarterly report/ })
    .waitFor({ state: 'detached' });
  await page.waitForFunction(() =>
    document.activeElement
      .getAttribute('aria-label')
      ?.startsWith('Actions for token'),
  );
  assert.deepEqual(problems, []);
});

test('"No expiration" is offered only when the server allows it', async () => {
  const permissive = await startTessera(['--allow-non-expiring-tokens']);
  try {
    await signUpOverApi(permissive.url, 'ops@example.com');
    const { page, problems } = await openPage(browser, permissive.url);
    await signInInBrowser(page, 'ops@example.com');
    await page.goto('/settings/personal-access-token');
    await page.getByRole('button', { name: 'Create Token' }).click();
    const create = page.getByRole('dialog', { name: 'Create Token' });
    await create
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill('Forever');
    await create.getByRole('checkbox', { name: /^Read/ }).check();
    await create
      .getByLabel('Expires in')
      .selectOption({ label: 'No expiration' });
    await create.getByText('The token never expires.').waitFor();
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'Your new token' });
    await shown.getByLabel('Token value').focus();
    await page.keyboard.press('Control+C');
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /Forever/ })
      .locator('td[data-label="Expires"]')
      .getByText('Never')
      .waitFor();
    assert.deepEqual(problems, []);
  } finally {
    permissive.stop();
  }
});

test('home: rename and delete; collaborators; API errors as sentences', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'mae@example.com');
  await page.getByRole('button', { name: 'New space' }).click();
  await page.getByLabel('Space name').fill('Scratch');
  await page.getByRole('button', { name: 'Create space' }).click();
  await page.getByRole('button', { name: 'Actions for space Scratch' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByLabel('Space name').fill('Scratchpad');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page
    .getByRole('heading', { name: 'Scratchpad', exact: true })
    .waitFor();

  await page
    .getByRole('button', { name: 'Actions for space Scratchpad' })
    .click();
  await page.getByRole('menuitem', { name: 'Collaborators' }).click();
  const people = page.getByRole('dialog', {
    name: 'Collaborators of Scratchpad',
  });
  await people.getByLabel('Email').fill('mae@example.com');
  await people.getByRole('button', { name: 'Add' }).click();
  await people.getByRole('alert').waitFor();
  assert.match(
    await people.getByRole('alert').textContent(),
    /already a collaborator here/,
  );
  await people.getByLabel('Email').fill('sam@example.com');
  await people
    .getByRole('combobox', { name: 'Role', exact: true })
    .selectOption('viewer');
  await people.getByRole('button', { name: 'Add' }).click();
  const reloaded = page.waitForResponse(
    (response) =>
      response.request().method() === 'GET' &&
      response.url().endsWith('/collaborator'),
  );
  await people.getByLabel('Role of Sam Lee').selectOption('editor');
  await reloaded;
  await screenshot(page, 'collaborators');
  const scratchpad = (await api('GET', '/api/space')).spaces.find(
    (s) => s.name === 'Scratchpad',
  );
  const members = (await api('GET', `/api/space/${scratchpad.id}/collaborator`))
    .collaborators;
  assert.equal(
    members.find((m) => m.email === 'sam@example.com').role,
    'editor',
  );
  await people.getByRole('button', { name: 'Remove Sam Lee' }).click();
  await people.getByText('sam@example.com').waitFor({ state: 'detached' });
  await people.getByRole('button', { name: 'Close' }).click();

  // A duplicate table name is refused with the server's sentence.
  await page.goto(`/base/${ids.base}`);
  await page.getByRole('button', { name: '+ Add table' }).click();
  await page.getByLabel('Table name').fill('samples');
  await page.getByRole('button', { name: 'Create table' }).click();
  const alert = page
    .getByRole('dialog', { name: 'Add table' })
    .getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /already/i);
  await page.keyboard.press('Escape');

  await page.goto('/');
  await page
    .getByRole('button', { name: 'Actions for space Scratchpad' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete space' }).click();
  await page
    .getByRole('heading', { name: 'Scratchpad', exact: true })
    .waitFor({ state: 'detached' });
  assert.ok(
    !(await api('GET', '/api/space')).spaces.some(
      (s) => s.name === 'Scratchpad',
    ),
  );
  assert.deepEqual(problems, []);
});

test('profile: name, email (with the current password) and password change; other sessions end', async () => {
  await signUpOverApi(server.url, 'pat@example.com', 'Pat');
  const other = await openPage(browser, server.url);
  await signInInBrowser(other.page, 'pat@example.com');
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'pat@example.com');
  await page.goto('/settings/profile');
  const account = page.getByRole('form', { name: 'Name and email' });
  await account.getByLabel('Name').fill('Pat Q');
  await account.getByLabel('Email').fill('pat.q@example.com');
  await account.getByLabel('Current password').fill('not my password');
  await account.getByRole('button', { name: 'Save' }).click();
  await account
    .getByRole('alert')
    .getByText('The current password is not correct.')
    .waitFor();
  await account.getByLabel('Current password').fill('correct horse battery');
  await account.getByRole('button', { name: 'Save' }).click();
  await account.getByText('Saved.').waitFor();
  await page.getByRole('definition').getByText('pat.q@example.com').waitFor();
  await page.getByRole('button', { name: 'Account menu for Pat Q' }).waitFor();

  const password = page.getByRole('form', { name: 'Password' });
  await password.getByLabel('Current password').fill('correct horse battery');
  await password.getByLabel('New password').fill('a new long passphrase');
  await password.getByRole('button', { name: 'Change password' }).click();
  await password.getByText('Password changed.').waitFor();
  await screenshot(page, 'profile-changed');

  // The other browser's session has ended; the new password signs in (with
  // the ended session's cookie still in that browser).
  await other.page.reload();
  await other.page.waitForURL('**/signin');
  await signInInBrowser(
    other.page,
    'pat.q@example.com',
    'a new long passphrase',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('a locked-out sign-in says when to try again, in minutes', async () => {
  await signUpOverApi(server.url, 'locked@example.com', 'Lou Locke');
  const { page, problems } = await openPage(browser, server.url);
  await page.goto('/signin');
  await page.getByLabel('Email').fill('locked@example.com');
  const alert = page.getByRole('alert');
  // Sign-in limits are kept by each node (docs/security-model.md): wrong
  // passwords go on until every node has answered 429 in a row.
  const nodes = Number(process.env.TESSERA_TEST_NODES ?? 1);
  let lockedInARow = 0;
  for (let attempt = 1; attempt <= 30 && lockedInARow < nodes; attempt++) {
    await page.getByLabel('Password').fill(`wrong password ${attempt}`);
    const answered = page.waitForResponse((r) =>
      r.url().endsWith('/api/auth/signin'),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    const status = (await answered).status();
    assert.ok(
      status === 401 || status === 429,
      `attempt ${attempt}: ${status}`,
    );
    assert.ok(
      attempt > 5 || status === 401,
      'five wrong passwords are allowed',
    );
    lockedInARow = status === 429 ? lockedInARow + 1 : 0;
  }
  assert.equal(lockedInARow, nodes);
  // The right password no longer helps until the wait is over.
  await page.getByLabel('Password').fill('correct horse battery');
  const refused = page.waitForResponse((r) =>
    r.url().endsWith('/api/auth/signin'),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.equal((await refused).status(), 429);
  await alert
    .filter({ hasText: 'Too many failed sign-in attempts.' })
    .waitFor();
  const text = await alert.textContent();
  assert.match(text, /Try again in 1[45] minutes\./);
  assert.doesNotMatch(text, /seconds/);
  await screenshot(page, 'sign-in-locked');
  assert.deepEqual(problems, []);
});
