// Link fields in a real browser: a link field is added from the field
// dialog, and a lookup through it; records are picked in the cell's editor
// (searched, paged from the server), the cell shows them as chips, the
// lookup shows their values, and the linked table's symmetric
// field shows the same links from the other side, with a lookup of a link
// as chips; a chip can be removed; a filter picks linked records;
// an expanded record shows its links. A link made one-way from the field
// dialog loses its symmetric field, and made two-way again gets it back;
// titles pasted into a link cell link the records they name.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { gridCell, openPage, screenshot, signInInBrowser, useWorkspace } from './support.mjs';

const workspace = useWorkspace('ada@example.com', 'Ada', 'Studio', 'Plans');

const cell = gridCell;

// The field dialog closes once the field is saved; the new column may show
// a moment before (the schema is read again meanwhile).
const fieldDialogClosed = (page) => page.getByRole('dialog').waitFor({ state: 'hidden' });

test('a link is created, records are picked from a searchable list, and both sides show them', async () => {
  const projects = await workspace.api('POST', `/api/base/${workspace.baseId}/table`, {
    name: 'Projects',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Budget', type: 'number', options: { precision: 0 } },
    ],
  });
  // More projects than one page of the picker holds.
  const names = ['Apollo', 'Gemini', ...Array.from({ length: 30 }, (_, i) => `Project ${String(i + 1).padStart(2, '0')}`)];
  await workspace.api('POST', `/api/table/${projects.id}/record`, {
    records: names.map((Name, i) => ({ fields: { Name, Budget: (i + 1) * 100 } })),
  });
  const tasks = await workspace.api('POST', `/api/base/${workspace.baseId}/table`, { name: 'Tasks' });
  await workspace.api('POST', `/api/table/${tasks.id}/record`, { records: [{ fields: { Name: 'Design' } }, { fields: { Name: 'Build' } }] });

  const { page, problems } = await openPage(workspace.browser, workspace.server.url);
  await signInInBrowser(page, 'ada@example.com');
  await page.goto(`/base/${workspace.baseId}/table/${tasks.id}`);
  await cell(page, 'Name', 1).getByText('Design').waitFor();

  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByRole('textbox', { name: 'Field name' }).fill('Project');
  await page.getByLabel('Field type').selectOption('link');
  await page.getByLabel('Link to table').selectOption({ label: 'Projects' });
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await fieldDialogClosed(page);
  await page.getByRole('columnheader', { name: /Project/ }).waitFor();

  // A lookup of the linked projects' budgets, through that link.
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByRole('textbox', { name: 'Field name' }).fill('Budgets');
  await page.getByLabel('Field type').selectOption('lookup');
  await page.getByLabel('Through link field').selectOption({ label: 'Project' });
  await page.getByLabel('Field to look up in Projects').selectOption({ label: 'Budget' });
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await fieldDialogClosed(page);
  await page.getByRole('columnheader', { name: /Budgets/ }).waitFor();

  // The picker pages through the linked table and searches it on the server.
  await cell(page, 'Project', 1).dblclick();
  const editor = page.getByRole('dialog', { name: 'Edit Project' });
  const results = editor.getByRole('list', { name: 'Records of Projects' });
  await results.getByRole('button', { name: 'Apollo' }).waitFor();
  assert.equal(await results.getByRole('listitem').count(), 20, 'one page of 20');
  await editor.getByRole('button', { name: 'More records' }).click();
  await results.getByRole('button', { name: 'Project 30' }).waitFor();
  await results.getByRole('button', { name: 'Apollo' }).click();
  await editor.getByRole('searchbox').fill('gem');
  // The search runs on the server: one record comes back.
  await results.getByRole('listitem').nth(1).waitFor({ state: 'detached' });
  await results.getByRole('button', { name: 'Gemini' }).click();
  await screenshot(page, 'link-picker');
  await editor.getByRole('button', { name: 'Save' }).click();
  await cell(page, 'Project', 1).locator('.link-chip', { hasText: 'Apollo' }).waitFor();
  await cell(page, 'Project', 1).locator('.link-chip', { hasText: 'Gemini' }).waitFor();
  // The lookup follows the links just saved.
  await cell(page, 'Budgets', 1).getByText('100, 200').waitFor();
  await screenshot(page, 'link-chips');

  // The other side: Projects has a "Tasks" field showing Design.
  await page.getByRole('link', { name: 'Projects' }).click();
  await cell(page, 'Name', 1).getByText('Apollo').waitFor();
  await cell(page, 'Tasks', 1).locator('.link-chip', { hasText: 'Design' }).waitFor();
  await cell(page, 'Tasks', 2).locator('.link-chip', { hasText: 'Design' }).waitFor();
  // A rollup over the symmetric link counts the tasks.
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByRole('textbox', { name: 'Field name' }).fill('Task count');
  await page.getByLabel('Field type').selectOption('rollup');
  await page.getByLabel('Through link field').selectOption({ label: 'Tasks' });
  await page.getByLabel('Summary').selectOption({ label: 'Count of linked records' });
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await fieldDialogClosed(page);
  await cell(page, 'Task count', 1).getByText('1', { exact: true }).waitFor();
  // A lookup of a link: the projects of Apollo's tasks, as chips.
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByRole('textbox', { name: 'Field name' }).fill('Task projects');
  await page.getByLabel('Field type').selectOption('lookup');
  await page.getByLabel('Through link field').selectOption({ label: 'Tasks' });
  await page.getByLabel('Field to look up in Tasks').selectOption({ label: 'Project' });
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await fieldDialogClosed(page);
  await cell(page, 'Task projects', 1).locator('.link-chip', { hasText: 'Gemini' }).waitFor();
  assert.equal(await cell(page, 'Task projects', 1).locator('.link-chip').count(), 2);

  // Unlinking from this side: Gemini no longer has Design.
  await cell(page, 'Tasks', 2).dblclick();
  const fromProject = page.getByRole('dialog', { name: 'Edit Tasks' });
  await fromProject.getByRole('button', { name: 'Unlink Design' }).click();
  await fromProject.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => !document.querySelectorAll('.link-editor').length);
  // The chip goes once the server has saved the cell.
  await cell(page, 'Tasks', 2).locator('.link-chip').first().waitFor({ state: 'detached' });
  // The rollup followed the unlink, and orders the projects: Gemini, now
  // with no task, comes first; a link is not offered as a sort.
  await page.getByRole('button', { name: 'Sort' }).click();
  await page.getByRole('button', { name: '+ Add sort' }).click();
  const sortField = page.getByLabel('Sort field 1');
  assert.equal(await sortField.locator('option', { hasText: /^Tasks$/ }).count(), 0);
  await sortField.selectOption({ label: 'Task count' });
  await page.keyboard.press('Escape');
  await cell(page, 'Name', 1).getByText('Gemini').waitFor();
  // Expanded, a record shows every field, its links included.
  await page.getByRole('link', { name: 'Tasks' }).click();
  await cell(page, 'Name', 1).getByText('Design').waitFor();
  await cell(page, 'Name', 1).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const expanded = page.getByRole('dialog', { name: 'Design' });
  await expanded.locator('.link-chip', { hasText: 'Apollo' }).waitFor();
  assert.equal(await expanded.locator('.link-chip').count(), 1);
  await screenshot(page, 'record-expanded');
  await expanded.getByRole('button', { name: 'Done' }).click();
  await cell(page, 'Name', 2).hover();
  await page.getByRole('button', { name: 'Expand row 2' }).click();
  await page.getByRole('dialog', { name: 'Build' }).getByText('Empty').first().waitFor();
  await page.keyboard.press('Escape');

  // Filtered by a record picked in the filter panel: only Design links Apollo.
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('button', { name: '+ Add condition' }).click();
  await page.getByLabel('Field to filter on').selectOption({ label: 'Project' });
  await page.getByLabel('Operator').selectOption({ label: 'has any of' });
  await page.getByLabel('Value for Project').fill('apo');
  await page.getByRole('list', { name: 'Records of Projects' }).getByRole('button', { name: 'Apollo' }).click();
  await page.getByRole('button', { name: 'Remove Apollo' }).waitFor();
  await page.keyboard.press('Escape');
  await cell(page, 'Name', 1).getByText('Design').waitFor();
  await page.waitForFunction(() => !document.body.textContent.includes('Build'));
  await page.getByRole('button', { name: 'Filter (1)' }).waitFor();
  // "links to" takes one record.
  await page.getByRole('button', { name: 'Filter (1)' }).click();
  await page.getByLabel('Operator').selectOption({ label: 'links to' });
  await page.getByLabel('Value for Project').fill('apo');
  await page.getByRole('list', { name: 'Records of Projects' }).getByRole('button', { name: 'Apollo' }).click();
  await page.getByRole('button', { name: 'Remove Apollo' }).waitFor();
  await page.keyboard.press('Escape');
  await cell(page, 'Name', 1).getByText('Design').waitFor();
  const view = (await workspace.api('GET', `/api/table/${tasks.id}/view`)).views[0];
  assert.deepEqual(
    view.filter.filterSet.map(({ operator, value }) => [operator, value]),
    [['is', (await workspace.api('GET', `/api/table/${projects.id}/record`)).records[0].id]],
  );

  const design = (await workspace.api('GET', `/api/table/${tasks.id}/record`)).records[0];
  assert.deepEqual(design.fields.Project.map((p) => p.title), ['Apollo']);
  assert.deepEqual(problems, []);
});

test('a link is made one-way from the field dialog, and two-way again; titles are pasted into it', async () => {
  const clients = await workspace.api('POST', `/api/base/${workspace.baseId}/table`, { name: 'Clients' });
  const [acme] = (await workspace.api('POST', `/api/table/${clients.id}/record`, { records: [{ fields: { Name: 'Acme' } }] })).records;
  const deals = await workspace.api('POST', `/api/base/${workspace.baseId}/table`, { name: 'Deals' });
  await workspace.api('POST', `/api/table/${deals.id}/field`, {
    name: 'Client',
    type: 'link',
    options: { linkedTableId: clients.id, relationship: 'manyOne' },
  });
  await workspace.api('POST', `/api/table/${deals.id}/record`, {
    records: [{ fields: { Name: 'Renewal', Client: [acme.id] } }, { fields: { Name: 'Upsell' } }],
  });
  await workspace.api('POST', `/api/table/${clients.id}/record`, { records: [{ fields: { Name: 'Globex' } }] });

  const { page, problems } = await openPage(workspace.browser, workspace.server.url);
  await signInInBrowser(page, 'ada@example.com');
  const editClientField = async (twoWay) => {
    await page.goto(`/base/${workspace.baseId}/table/${deals.id}`);
    await cell(page, 'Client', 1).locator('.link-chip', { hasText: 'Acme' }).waitFor();
    await page.getByRole('button', { name: 'Field Client actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit field' }).click();
    const showOtherSide = page.getByLabel('Show the links in the linked table too');
    assert.equal(await showOtherSide.isChecked(), !twoWay);
    await showOtherSide.setChecked(twoWay);
  };

  await editClientField(false);
  await page.getByRole('alert').filter({ hasText: 'Saving deletes the field “Deals” of Clients' }).waitFor();
  await page.getByRole('button', { name: 'Save field' }).click();
  await fieldDialogClosed(page);
  await page.goto(`/base/${workspace.baseId}/table/${clients.id}`);
  await cell(page, 'Name', 1).getByText('Acme').waitFor();
  assert.equal(await page.getByRole('columnheader', { name: /Deals/ }).count(), 0);

  await editClientField(true);
  await page.getByRole('button', { name: 'Save field' }).click();
  await fieldDialogClosed(page);
  await page.goto(`/base/${workspace.baseId}/table/${clients.id}`);
  // The field is back, with the link made while it was gone.
  await cell(page, 'Deals', 1).locator('.link-chip', { hasText: 'Renewal' }).waitFor();

  // A title pasted into a link cell links the record of that title; one
  // that names no record is refused, and says which.
  await page.goto(`/base/${workspace.baseId}/table/${deals.id}`);
  await cell(page, 'Name', 2).getByText('Upsell').waitFor();
  await page.evaluate(() => navigator.clipboard.writeText('Globex'));
  await cell(page, 'Client', 2).click();
  await page.keyboard.press('Control+v');
  await cell(page, 'Client', 2).locator('.link-chip', { hasText: 'Globex' }).waitFor();
  await page.evaluate(() => navigator.clipboard.writeText('Initech'));
  await cell(page, 'Client', 1).click();
  await page.keyboard.press('Control+v');
  await page.getByText("'Initech' is neither the id nor the title").waitFor();
  await cell(page, 'Client', 1).locator('.link-chip', { hasText: 'Acme' }).waitFor();
  const saved = (await workspace.api('GET', `/api/table/${deals.id}/record`)).records;
  assert.deepEqual(
    saved.map((deal) => deal.fields.Client?.map((client) => client.title)),
    [['Acme'], ['Globex']],
  );
  assert.deepEqual(problems, []);
});
