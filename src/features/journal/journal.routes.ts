import { bind } from '../../http/route.js';
import * as contract from './journal.contract.js';
import { changeEntry, createEntry, listEntries, listPrompts, readEntry, removeEntry } from './journal.service.js';

// "For me", the private journal: each route acts on the signed-in person's own entries, behind the
// private places' password window (in the service), and publishes nothing. /journal/prompts is
// registered before /journal/:id so "prompts" is never read as an id.

export const createEntryRoute = bind(contract.createEntry, ({ deps, user, body }) => createEntry(deps, user, body));

export const listEntriesRoute = bind(contract.listEntries, ({ deps, user, query }) => listEntries(deps, user, query));

export const promptsRoute = bind(contract.prompts, async () => listPrompts());

export const getEntryRoute = bind(contract.getEntry, ({ deps, user, params }) => readEntry(deps, user, params.id));

export const updateEntryRoute = bind(contract.updateEntry, ({ deps, user, params, body }) =>
  changeEntry(deps, user, params.id, body),
);

export const deleteEntryRoute = bind(contract.deleteEntry, async ({ deps, user, params }) => {
  await removeEntry(deps, user, params.id);
  return undefined;
});

export const journalRoutes = [
  createEntryRoute,
  listEntriesRoute,
  promptsRoute,
  getEntryRoute,
  updateEntryRoute,
  deleteEntryRoute,
];
