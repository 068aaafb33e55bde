import { defineContract } from '../../http/contract.js';
import {
  CreateEntryBody,
  EntryIdParams,
  EntryView,
  JournalList,
  JournalQuery,
  PromptList,
  UpdateEntryBody,
} from './journal.schema.js';

const tag = 'journal';

// "For me": my private journal. Only I ever see it, and nothing tells anyone else that it is used:
// no event, no notification, no count. Its routes need the private places open on this session
// (sign-in or re-entering the password within the last 15 idle minutes), else 403 reauth_required.

export const createEntry = defineContract({
  id: 'journal.create',
  method: 'POST',
  path: '/api/v1/journal',
  tag,
  summary: 'Write a journal entry, with a mood and tags if I like',
  access: 'signed-in',
  body: CreateEntryBody,
  idempotent: true,
  success: { status: 201, schema: EntryView },
  errors: [400, 401, 403],
});

export const listEntries = defineContract({
  id: 'journal.list',
  method: 'GET',
  path: '/api/v1/journal',
  tag,
  summary: 'My journal, newest first, or the entries matching words I search for',
  access: 'signed-in',
  query: JournalQuery,
  success: { status: 200, schema: JournalList },
  errors: [400, 401, 403],
});

export const prompts = defineContract({
  id: 'journal.prompts',
  method: 'GET',
  path: '/api/v1/journal/prompts',
  tag,
  summary: 'Prompts for writing about myself: what I need, what I did for myself, what I am proud of',
  access: 'signed-in',
  success: { status: 200, schema: PromptList },
  errors: [401],
});

export const getEntry = defineContract({
  id: 'journal.get',
  method: 'GET',
  path: '/api/v1/journal/:id',
  tag,
  summary: 'One of my journal entries',
  access: 'signed-in',
  params: EntryIdParams,
  success: { status: 200, schema: EntryView },
  errors: [400, 401, 403, 404],
});

export const updateEntry = defineContract({
  id: 'journal.update',
  method: 'PATCH',
  path: '/api/v1/journal/:id',
  tag,
  summary: 'Change one of my journal entries',
  access: 'signed-in',
  params: EntryIdParams,
  body: UpdateEntryBody,
  idempotent: true,
  success: { status: 200, schema: EntryView },
  errors: [400, 401, 403, 404],
});

export const deleteEntry = defineContract({
  id: 'journal.delete',
  method: 'DELETE',
  path: '/api/v1/journal/:id',
  tag,
  summary: 'Delete one of my journal entries',
  access: 'signed-in',
  params: EntryIdParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404],
});

export const journalContracts = [createEntry, listEntries, prompts, getEntry, updateEntry, deleteEntry] as const;
