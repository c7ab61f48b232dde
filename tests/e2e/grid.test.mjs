// The table grid in a real browser: a table of 100,000 records scrolls to
// any depth while only the rows on screen exist; every field type is edited
// in place from the keyboard and stored as typed; records and fields are
// added, renamed and deleted; filter, sort and views work.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  gridCell,
  openPage,
  screenshot,
  signInInBrowser,
  startWorkspace,
} from './support.mjs';

let workspace;
let server;
let browser;
let api;
let baseId;

before(async () => {
  workspace = await startWorkspace('grace@example.com', 'Grace', 'Ops', 'Inventory');
  ({ server, browser, api, baseId } = workspace);
});

after(async () => {
  await workspace?.stop();
});

const cell = gridCell;

test('a table of 100,000 records stays responsive', async () => {
  const table = await api('POST', `/api/base/${baseId}/table`, {
    name: 'Big',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number', options: { precision: 0 } },
    ],
  });
  for (let batch = 0; batch < 100; batch++) {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      fields: { Name: `item-${batch * 1000 + i}`, Qty: i },
    }));
    await api('POST', `/api/table/${table.id}/record`, { records });
  }
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'grace@example.com');
  await page.goto(`/base/${baseId}/table/${table.id}`);
  await page.getByText('100,000 records').waitFor();
  await cell(page, 'Name', 1).getByText('item-0').waitFor();

  const renderedRows = () => page.locator('.grid-body [role=row]').count();
  assert.ok(
    (await renderedRows()) < 80,
    `only the rows on screen exist, not ${await renderedRows()}`,
  );

  const scroller = page.getByRole('grid', { name: 'Records' });
  await scroller.evaluate(
    (element) => (element.scrollTop = element.scrollHeight),
  );
  await cell(page, 'Name', 100000).getByText('item-99999').waitFor();
  await scroller.evaluate(
    (element) => (element.scrollTop = element.scrollHeight / 2),
  );
  await page.getByRole('gridcell', { name: /: item-50000$/ }).waitFor();
  assert.ok((await renderedRows()) < 80);

  // Scrolling on from a loaded page reads the next one by cursor.
  await scroller.evaluate((element) => (element.scrollTop += 36 * 120));
  await page.getByRole('gridcell', { name: /: item-50120$/ }).waitFor();
  await screenshot(page, 'grid-100k-middle');
  assert.deepEqual(problems, []);
});

test('every field type is edited in place and stored as typed', async () => {
  const table = await api('POST', `/api/base/${baseId}/table`, {
    name: 'Types',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Qty', type: 'number', options: { precision: 0 } },
      { name: 'Done', type: 'checkbox' },
      { name: 'Due', type: 'date' },
      {
        name: 'Stage',
        type: 'singleSelect',
        options: {
          choices: [{ name: 'Todo' }, { name: 'Doing' }, { name: 'Shipped' }],
        },
      },
      {
        name: 'Tags',
        type: 'multipleSelect',
        options: {
          choices: [{ name: 'red' }, { name: 'green' }, { name: 'blue' }],
        },
      },
      { name: 'Contact', type: 'email' },
      { name: 'Site', type: 'url' },
      { name: 'Score', type: 'rating' },
      { name: 'Notes', type: 'longText' },
    ],
  });
  const [record] = (
    await api('POST', `/api/table/${table.id}/record`, {
      records: [{ fields: { Name: 'first' } }],
    })
  ).records;
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'grace@example.com');
  await page.goto(`/base/${baseId}/table/${table.id}`);
  // Until its page has loaded the row is drawn as a loading cell (slower
  // through two nodes on a busy machine), and Enter there edits nothing.
  await cell(page, 'Name', 1).getByText('first').waitFor();
  for (const [field, icon, type] of [
    ['Name', 'Aa', 'Single line text'],
    ['Qty', '#', 'Number'],
    ['Done', '☑', 'Checkbox'],
    ['Stage', '◉', 'Single select'],
  ]) {
    const header = page.getByRole('columnheader', {
      name: `${field} (${type})`,
    });
    assert.equal(await header.locator('.field-icon').textContent(), icon);
  }

  async function editWith(field, act) {
    await cell(page, field, 1).focus();
    await page.keyboard.press('Enter');
    await act(page.getByLabel(`Edit ${field}`));
  }
  await editWith('Name', async (input) => {
    await input.fill('renamed');
    await input.press('Enter');
  });
  // Arrow keys move between cells.
  await cell(page, 'Name', 1).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() =>
    document.activeElement.textContent.startsWith('Qty, row 1:'),
  );
  await editWith('Qty', async (input) => {
    await input.fill('42');
    await input.press('Enter');
  });
  await cell(page, 'Done', 1).focus();
  await page.keyboard.press(' ');
  await cell(page, 'Done', 1).getByText('✓').waitFor();
  await editWith('Due', async (input) => {
    await input.fill('2026-12-24');
    await input.press('Enter');
  });
  await editWith('Stage', async (input) => {
    await input.selectOption('Doing');
    await input.press('Enter');
  });
  await editWith('Tags', async (input) => {
    await input.selectOption(['red', 'blue']);
    await input.press('Enter');
  });
  await editWith('Contact', async (input) => {
    await input.fill('not an email');
    await input.press('Enter');
  });
  await page
    .getByRole('alert')
    .filter({ hasText: /Contact|email/i })
    .waitFor();
  await editWith('Contact', async (input) => {
    await input.fill('grace@example.com');
    await input.press('Enter');
  });
  await editWith('Site', async (input) => {
    await input.fill('https://example.com/docs');
    await input.press('Enter');
  });
  await editWith('Score', async (input) => {
    await input.selectOption('4');
    await input.press('Enter');
  });
  await editWith('Notes', async (input) => {
    await input.fill('line one\nline two');
    await input.press('Control+Enter');
  });
  await cell(page, 'Notes', 1).getByText('line one').waitFor();
  await screenshot(page, 'grid-types');

  const stored = await api('GET', `/api/table/${table.id}/record/${record.id}`);
  assert.deepEqual(stored.fields, {
    Name: 'renamed',
    Qty: 42,
    Done: true,
    Due: '2026-12-24',
    Stage: 'Doing',
    Tags: ['red', 'blue'],
    Contact: 'grace@example.com',
    Site: 'https://example.com/docs',
    Score: 4,
    Notes: 'line one\nline two',
  });

  // Escape cancels; Delete clears.
  await editWith('Name', async (input) => {
    await input.fill('not saved');
    await input.press('Escape');
  });
  await cell(page, 'Qty', 1).focus();
  await page.keyboard.press('Delete');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-row="0"][data-col="1"]').textContent ===
      'Qty, row 1: ',
  );
  const after = await api('GET', `/api/table/${table.id}/record/${record.id}`);
  assert.equal(after.fields.Name, 'renamed');
  assert.equal(after.fields.Qty, undefined);
  assert.deepEqual(
    problems.filter((p) => !p.includes('invalid_cell')),
    [],
  );
});

test('records, fields, filter, sort and views', async () => {
  const table = await api('POST', `/api/base/${baseId}/table`, {
    name: 'Parts',
    fields: [
      { name: 'Part', type: 'singleLineText' },
      { name: 'Qty', type: 'number', options: { precision: 0 } },
      {
        name: 'Bin',
        type: 'singleSelect',
        options: { choices: [{ name: 'A' }, { name: 'B' }] },
      },
    ],
  });
  const records = Array.from({ length: 30 }, (_, i) => ({
    fields: { Part: `part-${i}`, Qty: i, Bin: i % 3 === 0 ? 'A' : 'B' },
  }));
  await api('POST', `/api/table/${table.id}/record`, { records });
  const { page, problems } = await openPage(browser, server.url);
  await signInInBrowser(page, 'grace@example.com');
  await page.goto(`/base/${baseId}/table/${table.id}`);
  await page.getByText('30 records').waitFor();

  // Add, rename and delete a field.
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByLabel('Field name').fill('Priority');
  await page.getByLabel('Field type').selectOption('number');
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await page.getByRole('columnheader', { name: /Priority/ }).waitFor();
  await page.getByRole('button', { name: 'Field Priority actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename field' }).click();
  await page.getByLabel('Field name').fill('Rank');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('columnheader', { name: /Rank/ }).waitFor();
  await page.getByRole('button', { name: 'Field Rank actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete field' }).click();
  await page.getByRole('button', { name: 'Delete field' }).click();
  await page
    .getByRole('columnheader', { name: /Rank/ })
    .waitFor({ state: 'detached' });
  assert.deepEqual(
    (await api('GET', `/api/table/${table.id}/field`)).fields.map(
      (f) => f.name,
    ),
    ['Part', 'Qty', 'Bin'],
  );

  // Filter Bin is A, sort by Qty descending.
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('button', { name: '+ Add condition' }).click();
  await page.getByLabel('Field to filter on').selectOption({ label: 'Bin' });
  await page.getByLabel('Value for Bin').selectOption('A');
  await page.getByText('10 records').waitFor();
  await page.getByRole('button', { name: 'Sort' }).click();
  await page.getByRole('button', { name: '+ Add sort' }).click();
  await page.getByLabel('Sort field 1').selectOption({ label: 'Qty' });
  await page.getByLabel('Direction 1').selectOption('desc');
  await cell(page, 'Part', 1).getByText('part-27').waitFor();
  await page.keyboard.press('Escape');

  // Save it as a view; it is still there after a reload.
  await page.getByRole('button', { name: '+ New view' }).click();
  await page.getByLabel('View name').fill('Bin A, biggest first');
  await page.getByRole('button', { name: 'Create view' }).click();
  await page
    .getByRole('tab', { name: 'Bin A, biggest first', selected: true })
    .waitFor();
  await page.reload();
  await page
    .getByRole('tab', { name: 'Bin A, biggest first', selected: true })
    .waitFor();
  await page.getByText('10 records').waitFor();
  await cell(page, 'Part', 1).getByText('part-27').waitFor();
  await screenshot(page, 'grid-view-filtered');
  const views = (await api('GET', `/api/table/${table.id}/view`)).views;
  const saved = views.find((v) => v.name === 'Bin A, biggest first');
  assert.equal(saved.filter.filterSet[0].value, 'A');
  assert.deepEqual(
    saved.sort.map((s) => s.order),
    ['desc'],
  );

  // Search narrows the rows.
  await page.getByLabel('Search records').fill('part-2');
  await page.getByText('3 records').waitFor(); // part-21, part-24 and part-27 are in bin A
  await page.getByLabel('Search records').fill('');

  // Add a record, then delete two.
  await page.getByRole('tab', { name: 'Grid view' }).click();
  await page.getByRole('button', { name: 'Filter (1)' }).click();
  await page.getByRole('button', { name: 'Remove condition 1' }).click();
  await page.getByText('30 records').waitFor();
  await page.getByRole('button', { name: '+ Add record' }).click();
  await page.getByText('31 records').waitFor();
  await page.getByLabel('Select row 1', { exact: true }).check();
  await page.getByLabel('Select row 2', { exact: true }).check();
  await page.getByRole('button', { name: 'Delete 2 selected' }).click();
  await page
    .getByRole('dialog', { name: 'Delete 2 records?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByText('29 records').waitFor();
  assert.deepEqual(problems, []);
});
