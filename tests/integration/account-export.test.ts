/**
 * GET /api/v1/me/export (decision 025): everything a person wrote or chose, private and shared, as a
 * JSON attachment that docs/export.schema.json describes; never a word of their partner's, private or
 * shared; after a fresh re-authentication only, and a few times an hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../src/features/account/export.schema.js';
import { type AccountStory, DAY3, writeAccountStory } from '../support/account-story.js';
import { exportSchemaErrors } from '../support/export-schema.js';
import { createTestApp, type Person, type TestApp, type TestResponse } from '../support/test-app.js';

let t: TestApp;

/** The error code of a refused call (its body is an error, not the route's answer). */
const codeOf = (res: TestResponse<unknown>) => (res.body as { error?: { code?: string } } | undefined)?.error?.code;
let story: AccountStory;

beforeAll(async () => {
  t = await createTestApp();
  story = await writeAccountStory(t);
});
afterAll(async () => {
  await t?.close();
});

async function exportAfterReauth(p: Person): Promise<TestResponse<ExportDocument>> {
  const reauth = await p.client.call('auth.reauth', { body: { password: p.password } });
  expect(reauth.status, reauth.text).toBe(204);
  return p.client.call('account.export');
}

const count = (text: string, word: string) => text.split(word).length - 1;

describe('an export', () => {
  it('is a JSON attachment named for its date, never cached, valid against docs/export.schema.json', async () => {
    const res = await exportAfterReauth(story.a.p);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="attune-export-${DAY3}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(exportSchemaErrors(res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      format: 'attune-export',
      version: 1,
      account: { id: story.a.p.id, email: story.a.p.email },
    });
  });

  it('holds what the person wrote or chose in every place, private and shared', async () => {
    const doc = (await exportAfterReauth(story.a.p)).body;
    const mine = (part: unknown) => JSON.stringify(part).includes(story.a.token);
    // Every list of the person's things has something in it (a therapist's accesses are a therapist's).
    const lists = Object.entries(doc).filter(([key, value]) => Array.isArray(value) && key !== 'therapistAccesses');
    for (const [key, value] of lists) expect(value, key).not.toHaveLength(0);
    for (const key of [
      'selfChecks',
      'causes',
      'needs',
      'needAnswers',
      'talkDrafts',
      'turns',
      'acknowledgements',
      'acknowledgementReplies',
      'commitments',
      'appreciations',
      'checkins',
      'checkinReplies',
      'bids',
      'closenessAnswers',
      'closenessResponses',
      'journal',
      'summaryChoices',
    ] as const) {
      expect(mine(doc[key]), `${key} holds the person's own words`).toBe(true);
    }
    expect(doc.account.name).toContain(story.a.token);
    expect(doc.safety?.answers).toEqual(expect.any(Object));
    expect(doc.preferences).toMatchObject({
      checkinVisibility: 'private',
      reminders: { checkinTime: '09:45', push: true, email: false },
      therapyAsked: true,
      calendarFeed: { showTitles: false },
      pushDevices: [{ device: story.a.w('push-device') }],
    });
    expect(doc.pulses).toEqual([expect.objectContaining({ week: '2026-W47', visibility: 'couple', score: expect.any(Number) })]);
    expect(doc.closenessSkips).toEqual([{ day: DAY3, createdAt: expect.any(String) }]);
    expect(doc.rituals).toEqual([expect.objectContaining({ ritualId: 'ten-minutes-about-their-day' })]);
    expect(doc.therapistConsents).toEqual([expect.objectContaining({ accessId: story.therapist.accessId })]);
    // A's own turn recorded on b's device is a's, and says so.
    expect(doc.turns).toContainEqual(
      expect.objectContaining({
        conversationId: story.conversationB,
        text: story.a.w('turn-reflect-recorded-by-b'),
        recordedByMe: false,
      }),
    );
    expect(doc.commitments.find((c) => c.id === story.commitmentA)).toMatchObject({
      versions: [{ what: story.a.w('commitment') }],
      marks: [{ status: 'done', note: story.a.w('mark-note') }],
      pauses: [{ from: expect.any(String), until: null }],
    });
    expect(doc.journal).toEqual([expect.objectContaining({ text: story.a.w('journal'), tags: [story.a.w('journal-tag')] })]);
  });

  it("names the partner's things it answers by id and date only, and holds none of the partner's words", async () => {
    for (const [me, other] of [
      [story.a, story.b],
      [story.b, story.a],
    ] as const) {
      const res = await exportAfterReauth(me.p);
      expect(res.status).toBe(200);
      expect(count(res.text, me.token), 'the person’s own words are there').toBeGreaterThan(30);
      expect(count(res.text, other.token), `${other.p.name}'s words, name or email in ${me.p.name}'s export`).toBe(0);
      expect(res.text).not.toContain(other.p.email);
      expect(exportSchemaErrors(res.body)).toEqual([]);
    }
    const a = (await exportAfterReauth(story.a.p)).body;
    // b's check-in, answered by a: by id and date.
    expect(a.checkinReplies).toEqual([
      expect.objectContaining({ checkinId: story.checkinB, checkinDate: '2026-11-16', text: story.a.w('checkin-reply') }),
    ]);
    // b's commitment, acknowledged by a: by id and occurrence.
    expect(a.occurrenceAcknowledgements).toEqual([expect.objectContaining({ commitmentId: story.commitmentB, noticed: true })]);
    // a's need agreed in b's words: the agreement is there, its wording is not.
    expect(a.agreements.find((x) => x.id === story.agreementInBWords)).toMatchObject({ needIsMine: true, wording: null });
    expect(a.agreements.find((x) => x.id === story.agreementOnBNeed)).toMatchObject({
      needIsMine: false,
      agreedByMe: true,
      wording: null,
    });
    expect(a.needAnswers).toContainEqual(
      expect.objectContaining({ needIsMine: false, kind: 'decline', text: story.a.w('decline-reason') }),
    );
  });

  it("gives a therapist their own small export: their account and accesses, nothing of any couple's", async () => {
    const res = await exportAfterReauth(story.therapist.therapist);
    expect(res.status, res.text).toBe(200);
    expect(exportSchemaErrors(res.body)).toEqual([]);
    expect(res.body.account).toMatchObject({ role: 'therapist', email: story.therapist.therapist.email });
    expect(res.body.therapistAccesses).toEqual([expect.objectContaining({ accessId: story.therapist.accessId })]);
    expect(res.text).not.toContain(story.a.token);
    expect(res.text).not.toContain(story.b.token);
  });

  it('is refused by the schema when something unknown is added to it (the validation can fail)', async () => {
    const doc = (await exportAfterReauth(story.b.p)).body as Record<string, unknown>;
    expect(exportSchemaErrors({ ...doc, partnerWords: 'x' })).not.toEqual([]);
    const turns = doc.turns as Record<string, unknown>[];
    expect(exportSchemaErrors({ ...doc, turns: [{ ...turns[0], partnerText: 'x' }] })).not.toEqual([]);
  });
});

describe('who may export, and when', () => {
  it('needs a fresh re-authentication: sign-in alone is not enough, and five minutes later asks again', async () => {
    const p = await t.signUp('Fresh');
    const first = await p.client.call('account.export');
    expect(first.status).toBe(403);
    expect(codeOf(first)).toBe('reauth_required');
    expect(first.headers.get('content-disposition')).toBeNull();
    expect((await exportAfterReauth(p)).status).toBe(200);
    t.clock.advance(5 * 60_000 + 1000);
    expect(codeOf(await p.client.call('account.export'))).toBe('reauth_required');
    expect((await t.client().call('account.export')).status).toBe(401);
  });

  it('allows a few an hour per person, then 429 with Retry-After; another person is not held back', async () => {
    const p = await t.signUp('Often');
    const other = await t.signUp('Other');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await exportAfterReauth(p)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await p.client.call('account.export');
    expect(codeOf(limited)).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await exportAfterReauth(other)).status).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await exportAfterReauth(p)).status).toBe(200);
  });
});
