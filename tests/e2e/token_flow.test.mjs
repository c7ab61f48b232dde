// The personal access token documentation, followed word for word in a real
// browser: sign up; create a space, a base and a table with records; click
// the avatar in the bottom-left → Settings → Personal Access Token → Create
// Token; name it, choose scopes, restrict it, set an expiry, Create, Copy;
// use the copied value over HTTP; refresh it and see the old value fail and
// the new one work; delete it and see it fail.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  bearer,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  startTessera,
} from './support.mjs';

const TOKEN_PATTERN = /^tsr_pat_[0-9A-Za-z]{50}$/;
let server;
let browser;

before(async () => {
  server = await startTessera();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the token documentation works in the browser, step by step', async (t) => {
  const { page, problems } = await openPage(browser, server.url);
  let tablePath;

  await t.test('sign up', async () => {
    const first = await page.goto('/');
    const policy = first.headers()['content-security-policy'];
    assert.match(policy, /script-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.match(policy, /frame-ancestors 'none'/);
    // A fresh server opens on "Create account": its first user sets it up.
    await page.waitForURL('**/signup');
    await page
      .getByRole('heading', { name: 'Create your Tessera account' })
      .waitFor();
    await screenshot(page, '01-sign-up');
    await page.getByLabel('Name').fill('Lin');
    await page.getByLabel('Email').fill('lin@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'at least 8 characters' })
      .waitFor();
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.getByText('No spaces yet').waitFor();
    await screenshot(page, '02-home-empty');
  });

  await t.test('create a space, a base and a table with records', async () => {
    await page.getByRole('button', { name: 'New space' }).click();
    await page.getByLabel('Space name').fill('Sales');
    await page.getByRole('button', { name: 'Create space' }).click();
    await page.getByRole('heading', { name: 'Sales' }).waitFor();
    await page.getByRole('button', { name: 'New base' }).click();
    await page.getByLabel('Base name').fill('CRM');
    await page.getByRole('button', { name: 'Create base' }).click();
    await page.getByRole('link', { name: 'CRM' }).click();
    await page.getByText('No tables yet').waitFor();
    await page.getByRole('button', { name: '+ Add table' }).click();
    await page.getByLabel('Table name').fill('Contacts');
    await page.getByRole('button', { name: 'Create table' }).click();
    await page.waitForURL(/\/base\/bse\w+\/table\/tbl\w+/);
    tablePath = new URL(page.url()).pathname;

    for (const name of ['Ada', 'Grace']) {
      await page.getByRole('button', { name: '+ Add record' }).click();
      const rows = name === 'Ada' ? 1 : 2;
      await page
        .getByText(`${rows} ${rows === 1 ? 'record' : 'records'}`)
        .waitFor();
      const cell = page.getByRole('gridcell', {
        name: new RegExp(`^Name, row ${rows}:`),
      });
      // The new row shows a placeholder until its page has loaded (slower
      // through two nodes); a double-click on a placeholder edits nothing.
      await cell.locator('.cell-loading').waitFor({ state: 'detached' });
      await cell.dblclick();
      await page.getByLabel('Edit Name').fill(name);
      await page.getByLabel('Edit Name').press('Enter');
      await cell.getByText(name).waitFor();
    }
    await screenshot(page, '03-table');
  });

  await t.test('the avatar in the bottom-left opens Settings', async () => {
    const avatar = page.getByRole('button', { name: 'Account menu for Lin' });
    const box = await avatar.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(
      box.x < 100 && box.y > viewport.height - 100,
      `avatar at ${box.x},${box.y}, not bottom-left`,
    );
    await avatar.click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Personal Access Token' })
      .click();
    await page.getByText('No tokens yet').waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'REST API' }).getAttribute('href'),
      '/docs/api',
    );
    assert.equal(
      await page.getByRole('link', { name: 'MCP server' }).getAttribute('href'),
      '/docs/mcp',
    );
    await screenshot(page, '04-tokens-empty');
  });

  let firstValue;
  await t.test(
    'create a token: name, scopes, access, expiry, Create, Copy',
    async () => {
      await page.getByRole('button', { name: 'Create Token' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create Token' });
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.getByText('Give the token a name').waitFor();
      await dialog.getByText('Choose at least one scope.').waitFor();

      await dialog
        .getByRole('textbox', { name: 'Name', exact: true })
        .fill('CI/CD Pipeline');
      for (const preset of ['Full Access', 'Read', 'Write', 'Admin']) {
        await dialog.getByText(preset, { exact: true }).waitFor();
      }
      await dialog.getByRole('checkbox', { name: /^Read/ }).check();
      await dialog
        .getByRole('radio', { name: /Only selected spaces and bases/ })
        .check();
      await dialog.getByRole('checkbox', { name: /CRM base/ }).check();
      const expiry = dialog.getByLabel('Expires in');
      const offered = await expiry.locator('option').allTextContents();
      assert.deepEqual(offered, [
        '7 days',
        '30 days',
        '60 days',
        '90 days',
        'Custom date…',
      ]);
      await expiry.selectOption({ label: '30 days' });
      await screenshot(page, '05-create-token');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();

      const shown = page.getByRole('dialog', { name: 'Your new token' });
      await shown.getByText('It will not be shown again.').waitFor();
      firstValue = await shown.getByLabel('Token value').inputValue();
      assert.match(firstValue, TOKEN_PATTERN);
      await shown.getByRole('button', { name: 'Copy' }).click();
      await shown.getByRole('button', { name: 'Copied' }).waitFor();
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        firstValue,
      );
      await screenshot(page, '06-token-shown-once');
      await shown.getByRole('button', { name: 'Done' }).click();

      const row = page.getByRole('row', { name: /CI\/CD Pipeline/ });
      await row.getByText('Read', { exact: true }).waitFor();
      await row.getByText('CRM (base)').waitFor();
      await row.getByText('Never').waitFor();
      assert.ok(
        !(await page.content()).includes(firstValue),
        'the value is shown only once',
      );
    },
  );

  const recordsPath = () => `/api/table/${tablePath.split('/')[4]}/record`;
  await t.test('read records with the copied token over HTTP', async () => {
    const answer = await bearer(server.url, recordsPath(), firstValue);
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.json.records.map((r) => r.fields.Name),
      ['Ada', 'Grace'],
    );
    // Behind a balancer the page may be served by a node that has not yet
    // seen the use (nodes write last-use times every flush interval), so
    // reload until it shows.
    const lastUsed = page
      .getByRole('row', { name: /CI\/CD Pipeline/ })
      .locator('td[data-label="Last used"]')
      .getByText('just now');
    for (
      let attempt = 0;
      attempt < 20 && !(await lastUsed.isVisible());
      attempt++
    ) {
      await page.reload();
      await page.getByRole('row', { name: /CI\/CD Pipeline/ }).waitFor();
      if (!(await lastUsed.isVisible()))
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await lastUsed.waitFor();
    await screenshot(page, '07-tokens-used');
  });

  let secondValue;
  await t.test(
    'refresh: the old value fails at once, the new one works',
    async () => {
      await page
        .getByRole('button', { name: 'Actions for token CI/CD Pipeline' })
        .click();
      await page.getByRole('menuitem', { name: 'Refresh' }).click();
      const confirm = page.getByRole('dialog', {
        name: 'Refresh “CI/CD Pipeline”?',
      });
      await confirm
        .getByText('the old value stops working immediately')
        .waitFor();
      await screenshot(page, '08-refresh-confirm');
      await confirm.getByRole('button', { name: 'Refresh token' }).click();
      const shown = page.getByRole('dialog', { name: 'Your refreshed token' });
      secondValue = await shown.getByLabel('Token value').inputValue();
      assert.match(secondValue, TOKEN_PATTERN);
      assert.notEqual(secondValue, firstValue);
      await shown.getByRole('button', { name: 'Copy' }).click();
      await shown.getByRole('button', { name: 'Copied' }).waitFor();
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        secondValue,
      );
      await shown.getByRole('button', { name: 'Done' }).click();

      const old = await bearer(server.url, recordsPath(), firstValue);
      assert.equal(old.status, 401);
      assert.equal(old.json.code, 'token_refreshed');
      const fresh = await bearer(server.url, recordsPath(), secondValue);
      assert.equal(fresh.status, 200);
    },
  );

  await t.test('delete: the token fails at once', async () => {
    await page
      .getByRole('button', { name: 'Actions for token CI/CD Pipeline' })
      .click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', {
      name: 'Delete “CI/CD Pipeline”?',
    });
    await confirm.getByText('stop working immediately').waitFor();
    await screenshot(page, '09-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete token' }).click();
    await page.getByText('No tokens yet').waitFor();
    const gone = await bearer(server.url, recordsPath(), secondValue);
    assert.equal(gone.status, 401);
    assert.equal(gone.json.code, 'token_revoked');
  });

  await t.test('sign out from the avatar menu', async () => {
    await page.getByRole('button', { name: 'Account menu for Lin' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
    await page.goto('/settings/personal-access-token');
    await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
  });

  assert.deepEqual(problems, []);
});
