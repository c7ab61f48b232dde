// The grid as a spreadsheet from the keyboard (issue 18): one Tab stop with
// arrow keys inside, typing replaces a value, F2 and Enter keep it, every
// editor commits and moves on Tab, Shift+Tab and Enter, a refused value
// stays at its cell with the reason, numbers refuse text, bare domains
// become https:// links, the primary field stays on horizontal scroll and
// the "+" row adds a record and puts the cursor on it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  gridCell,
  openPage,
  screenshot,
  signInInBrowser,
  signUpOverApi,
  startWorkspace,
} from './support.mjs';

let workspace;
let server;
let browser;
let api;
let baseId;

before(async () => {
  workspace = await startWorkspace('ken@example.com', 'Ken', 'Keys', 'Desk');
  ({ server, browser, api, baseId } = workspace);
});

after(async () => {
  await workspace?.stop();
});

const cell = gridCell;
const focusedName = (page) =>
  page.evaluate(() => document.activeElement?.textContent ?? '');
const waitForFocusOn = (page, prefix) =>
  page.waitForFunction(
    (start) => document.activeElement?.textContent?.startsWith(start),
    prefix,
  );

async function tableWith(name, fields, records) {
  const table = await api('POST', `/api/base/${baseId}/table`, {
    name,
    fields,
  });
  const created = await api('POST', `/api/table/${table.id}/record`, {
    records: records.map((fieldsOf) => ({ fields: fieldsOf })),
  });
  return { table, ids: created.records.map((r) => r.id) };
}

async function openTable(table) {
  const opened = await openPage(browser, server.url);
  await signInInBrowser(opened.page, 'ken@example.com');
  await opened.page.goto(`/base/${baseId}/table/${table.id}`);
  return opened;
}

test('the grid is one Tab stop and arrow keys move inside it', async () => {
  const { table } = await tableWith(
    'Stops',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number' },
    ],
    Array.from({ length: 8 }, (_, i) => ({ Name: `n${i}`, Qty: i })),
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Name', 8).getByText('n7').waitFor();
  // From the toolbar's last button, one Tab enters the grid.
  await page.getByRole('button', { name: '+ Add record' }).focus();
  await page.keyboard.press('Tab');
  await waitForFocusOn(page, 'Name, row 1:');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await waitForFocusOn(page, 'Qty, row 2:');
  await page.keyboard.press('Control+End');
  await waitForFocusOn(page, 'Qty, row 8:');
  // One more Tab leaves the grid for the "+" row: the 16 cells, their
  // headers and row checkboxes are not Tab stops.
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() =>
      document.activeElement.getAttribute('aria-label'),
    ),
    'Add a record',
  );
  await page.keyboard.press('Shift+Tab');
  await waitForFocusOn(page, 'Qty, row 8:');
  const stops = await page.evaluate(
    () =>
      document.querySelectorAll(
        '[role=grid] [tabindex="0"], [role=grid] input:not([tabindex="-1"])',
      ).length,
  );
  assert.equal(stops, 1, 'one cell of the grid is in the Tab order');
  // Up from the first row reaches the header, whose Enter opens the menu.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Rename field' }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await waitForFocusOn(page, 'Qty, row 1:');
  assert.deepEqual(problems, []);
});

test('typing edits, and every editor commits and moves on Tab and Enter', async () => {
  const { table, ids } = await tableWith(
    'Typing',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number' },
      { name: 'Due', type: 'date' },
      { name: 'Site', type: 'url' },
      { name: 'Contact', type: 'email' },
    ],
    [{ Name: 'old', Qty: 1 }, { Name: 'second' }],
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Name', 1).getByText('old').waitFor();

  // Typing on a selected cell replaces its value; Enter saves and goes down.
  await cell(page, 'Name', 1).click();
  await page.keyboard.type('fresh');
  assert.equal(await page.getByLabel('Edit Name').inputValue(), 'fresh');
  await page.keyboard.press('Enter');
  await waitForFocusOn(page, 'Name, row 2:');
  // F2 keeps the value, the caret after it.
  await page.keyboard.press('F2');
  await page.keyboard.type(' row');
  await page.keyboard.press('Tab');
  await waitForFocusOn(page, 'Qty, row 2:');

  // Text in a number cell is refused at the cell and kept to fix.
  await page.keyboard.type('12k');
  await page.keyboard.press('Enter');
  const qtyEditor = page.getByLabel('Edit Qty');
  await cell(page, 'Qty', 2)
    .getByRole('alert')
    .getByText('Qty needs a number')
    .waitFor();
  assert.equal(await qtyEditor.inputValue(), '12k');
  await qtyEditor.fill('1,200');
  await page.keyboard.press('Tab');
  await waitForFocusOn(page, 'Due, row 2:');

  // One Tab leaves the date editor, committed, for the next cell.
  await page.keyboard.press('Enter');
  await page.getByLabel('Edit Due').fill('2026-12-24');
  await page.keyboard.press('Tab');
  await waitForFocusOn(page, 'Site, row 2:');
  await page.keyboard.type('soylent.com');
  await page.keyboard.press('Shift+Tab');
  await waitForFocusOn(page, 'Due, row 2:');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');

  // The server's refusal shows at the cell with the typed value kept.
  await page.keyboard.type('not an email');
  await page.keyboard.press('Enter');
  const alert = cell(page, 'Contact', 2).getByRole('alert');
  await alert.getByText("field 'Contact' (email)").waitFor();
  assert.equal(
    await page.getByLabel('Edit Contact').inputValue(),
    'not an email',
  );
  assert.equal(
    await page.locator('.error-message').count(),
    0,
    'no page-wide banner',
  );
  await screenshot(page, 'grid-cell-error');
  await page.keyboard.press('Escape');
  await waitForFocusOn(page, 'Contact, row 2:');

  const first = await api('GET', `/api/table/${table.id}/record/${ids[0]}`);
  const second = await api('GET', `/api/table/${table.id}/record/${ids[1]}`);
  assert.equal(first.fields.Name, 'fresh');
  assert.deepEqual(second.fields, {
    Name: 'second row',
    Qty: 1200,
    Due: '2026-12-24',
    Site: 'https://soylent.com',
  });
  assert.deepEqual(problems, []);
});

test('the primary field stays on horizontal scroll and "+" adds a record with the cursor on it', async () => {
  const fields = [{ name: 'Title', type: 'singleLineText' }];
  for (let i = 1; i <= 12; i++)
    fields.push({ name: `Col ${i}`, type: 'singleLineText' });
  const { table } = await tableWith('Wide', fields, [
    { Title: 'kept in view' },
  ]);
  const { page, problems } = await openTable(table);
  const title = cell(page, 'Title', 1);
  await title.getByText('kept in view').waitFor();
  const before = await title.boundingBox();
  await page
    .getByRole('grid', { name: 'Records' })
    .evaluate((grid) => (grid.scrollLeft = 1200));
  await page.waitForFunction(
    () => document.querySelector('[role=grid]').scrollLeft > 1000,
  );
  const afterScroll = await title.boundingBox();
  assert.equal(Math.round(afterScroll.x), Math.round(before.x));
  await screenshot(page, 'grid-frozen-primary');

  await page.getByRole('button', { name: 'Add a record' }).click();
  await page.getByText('2 records').waitFor();
  await waitForFocusOn(page, 'Title, row 2:');
  await page.keyboard.type('typed into the new record');
  await page.keyboard.press('Enter');
  await cell(page, 'Title', 2).getByText('typed into the new record').waitFor();
  assert.deepEqual(problems, []);
});

test('while the server cannot be reached a notice says so, the typed value waits at its cell, and both clear when it is back', async () => {
  const { table, ids } = await tableWith(
    'Offline',
    [{ name: 'Name', type: 'singleLineText' }],
    [{ Name: 'before' }],
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Name', 1).getByText('before').waitFor();
  const cutOff = (route) => route.abort('connectionrefused');
  await page.route('**/api/**', cutOff);
  await page.route('**/healthz', cutOff);
  await cell(page, 'Name', 1).click();
  await page.keyboard.type('written offline');
  await page.keyboard.press('Enter');
  await cell(page, 'Name', 1)
    .getByRole('alert')
    .getByText('could not be reached')
    .waitFor();
  const notice = page.getByRole('status').filter({ hasText: 'not answering' });
  await notice.waitFor();
  await screenshot(page, 'grid-offline');

  await page.unroute('**/api/**', cutOff);
  await page.unroute('**/healthz', cutOff);
  await notice.waitFor({ state: 'detached' });
  assert.equal(
    await page.getByLabel('Edit Name').inputValue(),
    'written offline',
  );
  await page.getByLabel('Edit Name').press('Enter');
  await cell(page, 'Name', 1).getByText('written offline').waitFor();
  const stored = await api('GET', `/api/table/${table.id}/record/${ids[0]}`);
  assert.equal(stored.fields.Name, 'written offline');
  assert.deepEqual(
    problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED')),
    [],
  );
});

test('search marks its matches and says when nothing matches; the title names table and base', async () => {
  const { table } = await tableWith(
    'Parts',
    [{ name: 'Part', type: 'singleLineText' }],
    [{ Part: 'Bolt-21' }, { Part: 'bolt-3' }, { Part: 'Nut' }],
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Part', 3).getByText('Nut').waitFor();
  assert.equal(await page.title(), 'Parts – Desk – Tessera');
  await page.getByLabel('Search records').fill('BOLT');
  await page.getByText('2 records').waitFor();
  await cell(page, 'Part', 1).locator('mark').getByText('Bolt').waitFor();
  assert.deepEqual(await page.locator('[role=grid] mark').allTextContents(), [
    'Bolt',
    'bolt',
  ]);
  await page.getByLabel('Search records').fill('washer');
  await page
    .getByRole('status')
    .getByText('No records match “washer”.')
    .waitFor();
  await screenshot(page, 'grid-search-nothing');
  assert.deepEqual(problems, []);
});

test('a viewer sees a read-only table, and an editor whose role is lowered while the page is open sees it turn read-only', async () => {
  const { table, ids } = await tableWith(
    'Shared',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Notes', type: 'longText' },
    ],
    [{ Name: 'shared row' }],
  );
  const guest = await signUpOverApi(server.url, 'vi@example.com', 'Vi');
  await api('POST', `/api/base/${baseId}/collaborator`, {
    email: 'vi@example.com',
    role: 'editor',
  });
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'vi@example.com');
  await page.goto(`/base/${baseId}/table/${table.id}`);
  await cell(page, 'Name', 1).getByText('shared row').waitFor();
  await page.getByLabel('Select row 1', { exact: true }).waitFor();
  // An editor may hide a field in the view, not change the field.
  await page.getByRole('button', { name: 'Field Notes actions' }).click();
  await page.getByRole('menuitem', { name: 'Hide in this view' }).waitFor();
  assert.equal(
    await page
      .getByRole('menuitem', { name: /Edit field|Delete field/ })
      .count(),
    0,
  );
  await page.keyboard.press('Escape');

  // Lowered to viewer behind the page's back: the next save is refused
  // and the table turns read-only with a sentence, not the refusal's code.
  const me = await guest('GET', '/api/auth/user');
  await api('PATCH', `/api/base/${baseId}/collaborator/${me.id}`, {
    role: 'viewer',
  });
  await cell(page, 'Name', 1).click();
  await page.keyboard.type('not allowed');
  await page.keyboard.press('Enter');
  await page
    .getByRole('alert')
    .getByText('Your role on this base has changed')
    .waitFor();
  await page.getByText('Read only').waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'Field Notes actions' }).count(),
    0,
  );
  assert.equal(
    await page.getByLabel('Select row 1', { exact: true }).count(),
    0,
  );
  assert.equal(
    await page.getByRole('button', { name: 'Add a record' }).count(),
    0,
  );
  assert.doesNotMatch(await page.locator('body').innerText(), /record:update/);

  // Typing now edits nothing; the viewer's sort is marked as only theirs.
  await cell(page, 'Name', 1).click();
  await page.keyboard.type('x');
  assert.equal(await page.getByLabel('Edit Name').count(), 0);
  await page.getByRole('button', { name: 'Sort' }).click();
  await page.getByRole('button', { name: '+ Add sort' }).click();
  await page.getByText('only for you, not saved to the view').waitFor();
  await screenshot(page, 'grid-viewer');
  const stored = await api('GET', `/api/table/${table.id}/record/${ids[0]}`);
  assert.equal(stored.fields.Name, 'shared row');
  assert.deepEqual(problems, []);
});

test('undo and redo: a cleared cell comes back from the toast, edits from Ctrl+Z even after a reload, deleted records too', async () => {
  const { table, ids } = await tableWith(
    'Undo',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number' },
    ],
    [
      { Name: 'keep me', Qty: 1 },
      { Name: 'second', Qty: 2 },
      { Name: 'third', Qty: 3 },
    ],
  );
  const { page, problems } = await openTable(table);
  const stored = async (id) =>
    (await api('GET', `/api/table/${table.id}/record/${id}`)).fields;
  await cell(page, 'Name', 1).getByText('keep me').waitFor();

  // Delete clears at once, and the toast offers Undo.
  await cell(page, 'Name', 1).click();
  await page.keyboard.press('Delete');
  const toast = page.getByRole('status').filter({ hasText: 'Name cleared.' });
  await toast.waitFor();
  await screenshot(page, 'grid-undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await cell(page, 'Name', 1).getByText('keep me').waitFor();
  assert.equal((await stored(ids[0])).Name, 'keep me');

  // An edit is undone with Ctrl+Z and redone with Shift+Ctrl+Z.
  await cell(page, 'Qty', 2).click();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await cell(page, 'Qty', 2).getByText('20.00').waitFor();
  await page.keyboard.press('Control+z');
  await cell(page, 'Qty', 2).getByText('2.00').waitFor();
  assert.equal((await stored(ids[1])).Qty, 2);
  await page.keyboard.press('Control+Shift+z');
  await cell(page, 'Qty', 2).getByText('20.00').waitFor();
  assert.equal((await stored(ids[1])).Qty, 20);

  // The history survives a reload of the grid.
  await page.reload();
  await cell(page, 'Qty', 2).getByText('20.00').waitFor();
  await cell(page, 'Qty', 2).click();
  await page.keyboard.press('Control+z');
  await cell(page, 'Qty', 2).getByText('2.00').waitFor();
  assert.equal((await stored(ids[1])).Qty, 2);

  // Deleted records come back with their values (Shift+click selects the
  // rows from the last one ticked).
  await page.getByLabel('Select row 2', { exact: true }).check();
  await page
    .getByLabel('Select row 3', { exact: true })
    .click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Delete 2 selected' }).click();
  await page
    .getByRole('dialog', { name: 'Delete 2 records?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByText('1 record', { exact: true }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: '2 records deleted.' })
    .waitFor();
  await cell(page, 'Name', 1).click();
  await page.keyboard.press('Control+z');
  await page.getByText('3 records').waitFor();
  const names = (await api('GET', `/api/table/${table.id}/record`)).records.map(
    (r) => [r.fields.Name, r.fields.Qty],
  );
  assert.deepEqual(names.sort(), [
    ['keep me', 1],
    ['second', 2],
    ['third', 3],
  ]);
  assert.deepEqual(problems, []);
});

test('a deleted field comes back with its values and a deleted view with its sort, from the toast and from Ctrl+Z after a reload', async () => {
  const { table } = await tableWith(
    'Trash',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number', options: { precision: 0 } },
    ],
    [
      { Name: 'a', Qty: 7 },
      { Name: 'b', Qty: 9 },
    ],
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Qty', 1).getByText('7').waitFor();

  // A field: deleted from its menu, back from the toast with its values.
  await page.getByRole('button', { name: 'Field Qty actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete field' }).click();
  await page
    .getByRole('dialog', { name: 'Delete field “Qty”?' })
    .getByRole('button', { name: 'Delete field' })
    .click();
  const fieldToast = page
    .getByRole('status')
    .filter({ hasText: 'Field “Qty” deleted.' });
  await fieldToast.waitFor();
  await page
    .getByRole('columnheader', { name: /Qty/ })
    .waitFor({ state: 'detached' });
  await fieldToast.getByRole('button', { name: 'Undo' }).click();
  await cell(page, 'Qty', 2).getByText('9').waitFor();

  // Redone, then undone again with Ctrl+Z after a reload of the page.
  await cell(page, 'Name', 1).click();
  await page.keyboard.press('Control+Shift+z');
  await page
    .getByRole('columnheader', { name: /Qty/ })
    .waitFor({ state: 'detached' });
  await page.reload();
  await cell(page, 'Name', 1).getByText('a').waitFor();
  await cell(page, 'Name', 1).click();
  await page.keyboard.press('Control+z');
  await cell(page, 'Qty', 1).getByText('7').waitFor();
  const fields = (await api('GET', `/api/table/${table.id}/field`)).fields;
  assert.deepEqual(
    fields.map((f) => f.name),
    ['Name', 'Qty'],
  );

  // A view with a sort: deleted, back from the toast, selected, sorted.
  const view = await api('POST', `/api/table/${table.id}/view`, {
    name: 'Big first',
    sort: [{ fieldId: 'Qty', order: 'desc' }],
  });
  await page.goto(`/base/${baseId}/table/${table.id}?view=${view.id}`);
  await cell(page, 'Name', 1).getByText('b').waitFor();
  await page.getByRole('button', { name: 'View Big first actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete view' }).click();
  await page
    .getByRole('dialog', { name: 'Delete view “Big first”?' })
    .getByRole('button', { name: 'Delete view' })
    .click();
  const viewToast = page
    .getByRole('status')
    .filter({ hasText: 'View “Big first” deleted.' });
  await viewToast.waitFor();
  await viewToast.getByRole('button', { name: 'Undo' }).click();
  await page.waitForURL(new RegExp(`view=${view.id}`));
  await cell(page, 'Name', 1).getByText('b').waitFor();
  const views = (await api('GET', `/api/table/${table.id}/view`)).views;
  assert.ok(views.some((v) => v.id === view.id && v.sort.length === 1));
  assert.deepEqual(problems, []);
});

test('a range of cells is copied as tab-separated text, a spreadsheet block is pasted, filled down and cleared, each undoable', async () => {
  const { table, ids } = await tableWith(
    'Sheet',
    [
      { name: 'Item', type: 'singleLineText' },
      { name: 'Qty', type: 'number', options: { precision: 0 } },
      { name: 'Ok', type: 'checkbox' },
    ],
    [
      { Item: 'a', Qty: 1, Ok: true },
      { Item: 'b', Qty: 2 },
      { Item: 'c', Qty: 3 },
      { Item: 'd', Qty: 4 },
    ],
  );
  const { page, problems } = await openTable(table);
  const stored = async () =>
    Promise.all(
      ids.map(async (id) => {
        const { fields } = await api(
          'GET',
          `/api/table/${table.id}/record/${id}`,
        );
        return [fields.Item, fields.Qty, fields.Ok ?? false];
      }),
    );
  await cell(page, 'Item', 4).getByText('d').waitFor();

  // Shift+arrows select a range; Ctrl+C puts it on the clipboard as TSV.
  await cell(page, 'Item', 1).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(
    await page.locator('[role=gridcell][aria-selected=true]').count(),
    6,
  );
  await page.keyboard.press('Control+c');
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    'a\t1\tchecked\nb\t2\t',
  );

  // A block from a spreadsheet is laid from the cursor, typecast.
  await page.evaluate(() =>
    navigator.clipboard.writeText('x\t10\tyes\r\ny\t1,200\t\r\n'),
  );
  await cell(page, 'Item', 3).click();
  await page.keyboard.press('Control+v');
  await page
    .getByRole('status')
    .filter({ hasText: '6 cells pasted.' })
    .waitFor();
  await cell(page, 'Qty', 4).getByText('1,200').waitFor();
  assert.deepEqual(await stored(), [
    ['a', 1, true],
    ['b', 2, false],
    ['x', 10, true],
    ['y', 1200, false],
  ]);

  // Ctrl+D fills the top row of the range down; Delete clears a range.
  await cell(page, 'Qty', 1).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  await cell(page, 'Qty', 3).getByText(/^1$/).waitFor();
  assert.deepEqual(
    (await stored()).map((row) => row[1]),
    [1, 1, 1, 1200],
  );
  await page.keyboard.press('Delete');
  await page
    .getByRole('status')
    .filter({ hasText: '3 cells cleared.' })
    .waitFor();
  assert.deepEqual(
    (await stored()).map((row) => row[1]),
    [undefined, undefined, undefined, 1200],
  );
  // Each was one step: undo the clear, then the fill.
  await page.keyboard.press('Control+z');
  await cell(page, 'Qty', 2).getByText(/^1$/).waitFor();
  await page.keyboard.press('Control+z');
  await cell(page, 'Qty', 2).getByText(/^2$/).waitFor();
  assert.deepEqual(
    (await stored()).map((row) => row[1]),
    [1, 2, 10, 1200],
  );

  // Shift+click on a row's box selects every row from the last one ticked.
  await page.getByLabel('Select row 1', { exact: true }).check();
  await page
    .getByLabel('Select row 4', { exact: true })
    .click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Delete 4 selected' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the field menu edits a field: description, options, type with the conversion report; and hides it in the view', async () => {
  const { table } = await tableWith(
    'Fields',
    [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Code', type: 'singleLineText' },
      {
        name: 'Stage',
        type: 'singleSelect',
        options: { choices: [{ name: 'Planned', color: 'red' }] },
      },
    ],
    [
      { Name: 'one', Code: '12', Stage: 'Planned' },
      { Name: 'two', Code: 'twelve' },
    ],
  );
  const { page, problems } = await openTable(table);
  await cell(page, 'Code', 2).getByText('twelve').waitFor();
  const field = async (name) =>
    (await api('GET', `/api/table/${table.id}/field`)).fields.find(
      (f) => f.name === name,
    );

  // Options and description: a choice is added, the old one keeps its colour.
  await page.getByRole('button', { name: 'Field Stage actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit field' });
  await dialog.getByLabel('Description').fill('Where the work is');
  await dialog.getByLabel('Choices (one per line)').fill('Planned\nDone');
  await dialog.getByRole('button', { name: 'Save field' }).click();
  await dialog.waitFor({ state: 'detached' });
  const stage = await field('Stage');
  assert.equal(stage.description, 'Where the work is');
  assert.deepEqual(
    stage.options.choices.map((c) => [c.name, c.color === 'red']),
    [
      ['Planned', true],
      ['Done', false],
    ],
  );

  // A type change reports what could not be converted.
  await page.getByRole('button', { name: 'Field Code actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit field' }).click();
  await dialog.getByLabel('Field type').selectOption('number');
  await dialog.getByText('Existing values are converted').waitFor();
  await dialog.getByRole('button', { name: 'Save field' }).click();
  const report = page.getByRole('dialog', { name: 'Type changed' });
  await report.getByText('1 value was converted').waitFor();
  await report.getByText('1 could not be and was cleared').waitFor();
  await screenshot(page, 'grid-field-type-report');
  await report.getByRole('button', { name: 'Done' }).click();
  assert.equal((await field('Code')).type, 'number');

  // Hidden in this view, and shown again from the toolbar.
  await page.getByRole('button', { name: 'Field Code actions' }).click();
  await page.getByRole('menuitem', { name: 'Hide in this view' }).click();
  await page
    .getByRole('columnheader', { name: /^Code/ })
    .waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Hidden (1)' }).click();
  await page.getByRole('button', { name: 'Show Code' }).click();
  await page.getByRole('columnheader', { name: /^Code/ }).waitFor();
  assert.deepEqual(problems, []);
});
