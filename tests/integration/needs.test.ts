import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const VAGUE = 'Be more present';
const SHARP = 'Ask about my day at dinner and listen without your phone, most evenings';
const COUNTER = 'Ask about my day at dinner, four evenings a week';
const COUNTER_AGAIN = 'Ask about my day at dinner and put the phone away, five evenings a week';

async function write(p: Person, text = SHARP): Promise<string> {
  const res = await p.client.post('/api/v1/needs', { text });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function writeAndShare(p: Person, text = SHARP): Promise<string> {
  const id = await write(p, text);
  const res = await p.client.post(`/api/v1/needs/${id}/share`);
  expect(res.status, res.text).toBe(200);
  return id;
}

/** Everything the partner can fetch about needs and agreements. */
async function seenBy(p: Person): Promise<string> {
  const list = await p.client.get('/api/v1/needs');
  const agreements = await p.client.get('/api/v1/agreements');
  return `${list.text}\n${agreements.text}`;
}

describe('Needs: a private draft', () => {
  it('a solo person writes, edits and deletes a draft; sharing waits for a partner', async () => {
    const p = await t.signUp('Solo');
    const created = await p.client.post('/api/v1/needs', { text: `  ${VAGUE}  ` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      mine: true,
      state: 'draft',
      text: VAGUE,
      edited: false,
      sharedAt: null,
      waitingOn: null,
      history: [],
      agreementId: null,
    });
    const id = created.body.id;
    const edited = await p.client.patch(`/api/v1/needs/${id}`, { text: SHARP });
    expect(edited.status).toBe(200);
    // A draft is only ever seen by its author, so a change is not marked.
    expect(edited.body).toMatchObject({ text: SHARP, edited: false, editedAt: null });

    const share = await p.client.post(`/api/v1/needs/${id}/share`);
    expect(share.status).toBe(409);
    expect(share.body.error.code).toBe('no_partner');

    const list = await p.client.get('/api/v1/needs');
    expect(list.body).toMatchObject({ hasPartner: false, truncated: false });
    expect(list.body.needs.map((n: { id: string }) => n.id)).toEqual([id]);

    expect((await p.client.delete(`/api/v1/needs/${id}`)).status).toBe(204);
    expect((await p.client.get(`/api/v1/needs/${id}`)).status).toBe(404);
    expect((await p.client.get('/api/v1/needs')).body.needs).toEqual([]);
  });

  it('seals the words at rest', async () => {
    const p = await t.signUp('Sealed');
    const id = await write(p, 'Hold my hand on our Sunday walk, a distinctive canary phrase');
    const row = await t.deps.db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.text_sealed).toMatch(/^v1\./);
    expect(row.text_sealed).not.toContain('canary');
  });

  it('refuses empty, too long and unknown input, naming the field', async () => {
    const p = await t.signUp('Careful');
    const empty = await p.client.post('/api/v1/needs', { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('text');
    expect((await p.client.post('/api/v1/needs', { text: 'x'.repeat(601) })).status).toBe(400);
    expect((await p.client.post('/api/v1/needs', { text: SHARP, extra: 1 })).status).toBe(400);
    const id = await write(p);
    expect((await p.client.post(`/api/v1/needs/${id}/respond`, { kind: 'shrug' })).status).toBe(400);
    expect((await p.client.post(`/api/v1/needs/${id}/respond`, { kind: 'decline' })).status).toBe(400);
    expect((await p.client.get('/api/v1/needs/not-an-id')).status).toBe(400);
  });

  it('the partner never learns that a draft exists: every answer is the same with or without drafts', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const before = await seenBy(b);
    const draft = await write(a, 'A private draft about weekends');
    expect(await seenBy(b)).toBe(before);
    const asked = await b.client.get(`/api/v1/needs/${draft}`);
    const missing = await b.client.get('/api/v1/needs/01890000-0000-7000-8000-000000000000');
    expect(asked.status).toBe(404);
    expect(asked.text).toBe(missing.text);
    for (const r of [
      await b.client.patch(`/api/v1/needs/${draft}`, { text: 'changed' }),
      await b.client.delete(`/api/v1/needs/${draft}`),
      await b.client.post(`/api/v1/needs/${draft}/share`),
      await b.client.post(`/api/v1/needs/${draft}/respond`, { kind: 'accept' }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.text).toBe(missing.text);
    }
    expect(before).not.toContain('weekends');
  });
});

describe('Needs: from a shared need to an agreement', () => {
  it('B proposes a change, A proposes again, B accepts: an agreement with its history, for both', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const id = await writeAndShare(a, VAGUE);

    const seen = await b.client.get(`/api/v1/needs/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ mine: false, state: 'shared', text: VAGUE, waitingOn: 'me' });
    expect((await a.client.get(`/api/v1/needs/${id}`)).body.waitingOn).toBe('partner');

    // The author cannot answer their own need, only a proposal.
    const selfAnswer = await a.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: COUNTER });
    expect(selfAnswer.status).toBe(403);

    t.clock.advance(60_000);
    const proposal = await b.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: COUNTER });
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({ state: 'partner-proposed', waitingOn: 'partner' });
    const firstProposalId = proposal.body.history[0].id;

    // B cannot accept or repeat their own proposal; it is A's turn.
    expect((await b.client.post(`/api/v1/needs/${id}/proposals/${firstProposalId}/accept`)).status).toBe(403);
    expect((await b.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: 'again' })).status).toBe(403);
    // A's words stay as they are while a proposal is open.
    expect((await a.client.patch(`/api/v1/needs/${id}`, { text: SHARP })).status).toBe(409);

    t.clock.advance(60_000);
    const counter = await a.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: COUNTER_AGAIN });
    expect(counter.status).toBe(200);
    expect(counter.body.state).toBe('author-proposed');
    const latestId = counter.body.history[1].id;

    // An older proposal can no longer be accepted.
    const stale = await b.client.post(`/api/v1/needs/${id}/proposals/${firstProposalId}/accept`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('not_latest');

    t.clock.advance(60_000);
    const accepted = await b.client.post(`/api/v1/needs/${id}/proposals/${latestId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('agreed');
    const agreementId = accepted.body.agreementId;
    expect(agreementId).toEqual(expect.any(String));

    const forA = await a.client.get(`/api/v1/agreements/${agreementId}`);
    const forB = await b.client.get(`/api/v1/agreements/${agreementId}`);
    expect(forA.body.wording).toEqual({ text: COUNTER_AGAIN, byMe: true });
    expect(forB.body.wording).toEqual({ text: COUNTER_AGAIN, byMe: false });
    expect(
      forA.body.need.history.map((h: { kind: string; byMe: boolean; text: string | null }) => [h.kind, h.byMe, h.text]),
    ).toEqual([
      ['proposal', false, COUNTER],
      ['proposal', true, COUNTER_AGAIN],
      ['accept', false, null],
    ]);
    expect(forB.body.need.history.map((h: { byMe: boolean }) => h.byMe)).toEqual([true, false, true]);
    expect(forB.body.need.text).toBe(VAGUE);

    for (const p of [a, b]) {
      const list = await p.client.get('/api/v1/agreements');
      expect(list.body.agreements.map((x: { id: string }) => x.id)).toEqual([agreementId]);
    }
    // An agreement's words are fixed, and nothing more can be answered.
    expect((await a.client.patch(`/api/v1/needs/${id}`, { text: SHARP })).status).toBe(409);
    expect((await b.client.post(`/api/v1/needs/${id}/respond`, { kind: 'accept' })).status).toBe(409);
  });

  it('the author accepts the partner’s proposal; a need accepted as written keeps the author’s words', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const first = await writeAndShare(b, SHARP);
    const proposal = await a.client.post(`/api/v1/needs/${first}/respond`, { kind: 'propose', text: COUNTER });
    const accept = await b.client.post(`/api/v1/needs/${first}/proposals/${proposal.body.history[0].id}/accept`);
    expect(accept.status).toBe(200);
    const agreement = await a.client.get(`/api/v1/agreements/${accept.body.agreementId}`);
    expect(agreement.body.wording).toEqual({ text: COUNTER, byMe: true });

    const second = await writeAndShare(a, 'Text me once during the work day');
    const asWritten = await b.client.post(`/api/v1/needs/${second}/respond`, { kind: 'accept' });
    expect(asWritten.body.state).toBe('agreed');
    const view = await b.client.get(`/api/v1/agreements/${asWritten.body.agreementId}`);
    expect(view.body.wording).toEqual({ text: 'Text me once during the work day', byMe: false });
  });

  it('a decline carries a reason; the author can edit (marked as edited for both) and share again', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const id = await writeAndShare(a, VAGUE);
    const declined = await b.client.post(`/api/v1/needs/${id}/respond`, {
      kind: 'decline',
      reason: 'I do not know what this would look like',
    });
    expect(declined.body).toMatchObject({ state: 'declined', waitingOn: null });
    const forA = await a.client.get(`/api/v1/needs/${id}`);
    expect(forA.body.history).toEqual([
      expect.objectContaining({ kind: 'decline', byMe: false, text: 'I do not know what this would look like' }),
    ]);

    // The partner sees it, but it is not theirs to change.
    expect((await b.client.patch(`/api/v1/needs/${id}`, { text: 'mine now' })).status).toBe(403);
    expect((await b.client.delete(`/api/v1/needs/${id}`)).status).toBe(403);
    expect((await b.client.post(`/api/v1/needs/${id}/share`)).status).toBe(403);

    t.clock.advance(60_000);
    const edited = await a.client.patch(`/api/v1/needs/${id}`, { text: SHARP });
    expect(edited.body).toMatchObject({ edited: true, text: SHARP, state: 'declined' });
    const again = await a.client.post(`/api/v1/needs/${id}/share`);
    expect(again.body).toMatchObject({ state: 'shared', waitingOn: 'partner' });
    const forB = await b.client.get(`/api/v1/needs/${id}`);
    expect(forB.body).toMatchObject({ text: SHARP, edited: true, state: 'shared', waitingOn: 'me' });
    expect(forB.body.editedAt).toEqual(expect.any(String));
  });

  it('deleting a need with the partner’s proposals removes it, its answers and its agreement from both views', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const id = await writeAndShare(a);
    const proposal = await b.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: COUNTER });
    const accepted = await a.client.post(`/api/v1/needs/${id}/proposals/${proposal.body.history[0].id}/accept`);
    const agreementId = accepted.body.agreementId;
    expect((await a.client.delete(`/api/v1/needs/${id}`)).status).toBe(204);
    for (const p of [a, b]) {
      expect((await p.client.get(`/api/v1/needs/${id}`)).status).toBe(404);
      expect((await p.client.get(`/api/v1/agreements/${agreementId}`)).status).toBe(404);
      expect((await p.client.get('/api/v1/needs')).body.needs).toEqual([]);
      expect((await p.client.get('/api/v1/agreements')).body.agreements).toEqual([]);
    }
    const left = await t.deps.db.selectFrom('need_responses').select('id').where('need_id', '=', id).execute();
    expect(left).toEqual([]);
  });

  it('both partners write needs: roles are per need', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const fromA = await writeAndShare(a, 'Hug me when you come home');
    t.clock.advance(1000);
    const fromB = await writeAndShare(b, 'Plan one evening out on Fridays');
    const listA = (await a.client.get('/api/v1/needs')).body.needs;
    expect(listA.map((n: { id: string; mine: boolean; waitingOn: string }) => [n.id, n.mine, n.waitingOn])).toEqual([
      [fromB, false, 'me'],
      [fromA, true, 'partner'],
    ]);
  });
});

describe('Needs: after leaving the space', () => {
  it('each keeps their own words; the other’s words leave their view; nothing more can be answered', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const id = await writeAndShare(a);
    const proposal = await b.client.post(`/api/v1/needs/${id}/respond`, { kind: 'propose', text: COUNTER });
    const accepted = await a.client.post(`/api/v1/needs/${id}/proposals/${proposal.body.history[0].id}/accept`);
    const agreementId = accepted.body.agreementId;
    const open = await writeAndShare(a, 'Call me on your lunch break on Mondays');
    await b.client.post(`/api/v1/needs/${open}/respond`, { kind: 'propose', text: 'Text me on Mondays' });
    const draft = await write(b, 'A draft of my own');

    expect((await leaveSpace(b)).status).toBe(200);

    // A still sees their own needs, without B's words.
    const mine = await a.client.get(`/api/v1/needs/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ text: SHARP, fromEarlierSpace: true });
    expect(mine.body.history.map((h: { kind: string; byMe: boolean }) => [h.kind, h.byMe])).toEqual([['accept', true]]);
    const agreement = await a.client.get(`/api/v1/agreements/${agreementId}`);
    expect(agreement.body.wording).toBeNull();
    expect(agreement.text).not.toContain(COUNTER);
    expect((await a.client.get('/api/v1/needs')).text).not.toContain('Text me on Mondays');

    // B no longer sees A's needs or their agreement, and keeps their own draft.
    expect((await b.client.get(`/api/v1/needs/${id}`)).status).toBe(404);
    expect((await b.client.get(`/api/v1/agreements/${agreementId}`)).status).toBe(404);
    const bList = await b.client.get('/api/v1/needs');
    expect(bList.body.needs.map((n: { id: string }) => n.id)).toEqual([draft]);
    expect(bList.text).not.toContain(SHARP);

    // The closed negotiation cannot go on from A's side; A can still change or delete their own words.
    const answer = await a.client.post(`/api/v1/needs/${open}/respond`, { kind: 'propose', text: 'Anything' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('space_closed');
    expect((await a.client.delete(`/api/v1/needs/${open}`)).status).toBe(204);
  });
});

describe('Needs: live updates', () => {
  it('the partner hears that a need changed once it is shared, never about a draft, and never its words', async () => {
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const stream = await b.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    const id = await write(a, 'A draft with private words');
    await write(a, 'Another draft that stays private');
    await a.client.post(`/api/v1/needs/${id}/share`);
    // One event, for the share: writing the two drafts told the partner nothing.
    const heard = await stream.drain(300);
    // (and a notification for B, who must answer it now).
    expect(heard.map((e) => e.event)).toEqual(['need.changed', 'notification.created']);
    expect(heard[0]?.data).toContain(id);
    expect(heard[0]?.data).not.toContain('private words');
    stream.close();
  });
});
