import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const turn = (p: Person, id: string, body: Record<string, unknown>) => p.client.post(`/api/v1/conversations/${id}/turns`, body);
const move = (p: Person, id: string, action: string) => p.client.patch(`/api/v1/conversations/${id}`, { action });

/** Everything a person can fetch about talking, as text. */
async function seenBy(p: Person): Promise<string> {
  const list = await p.client.get('/api/v1/conversations');
  const drafts = await p.client.get('/api/v1/drafts');
  return `${list.text}\n${drafts.text}`;
}

describe('Talk: preparing in private', () => {
  it('a draft is saved as it is written, sealed, and seen by no one else', async () => {
    const { a, b } = await t.couple(['Robin', 'Kai']);
    const outsider = await t.signUp('Lee');
    const partnerBefore = await seenBy(b);
    const outsiderBefore = await seenBy(outsider);

    const created = await a.client.post('/api/v1/drafts', { text: '' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const saved = await a.client.put(`/api/v1/drafts/${id}`, {
      text: 'When you were on your phone, I felt a distinctive canary loneliness',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.text).toContain('canary');
    const row = await t.deps.db.selectFrom('talk_drafts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.text_sealed).toMatch(/^v1\./);
    expect(row.text_sealed).not.toContain('canary');
    expect((await a.client.get('/api/v1/drafts')).body.drafts.map((d: { id: string }) => d.id)).toEqual([id]);

    // The partner and the outsider see exactly what they saw before the draft existed.
    expect(await seenBy(b)).toBe(partnerBefore);
    expect(await seenBy(outsider)).toBe(outsiderBefore);
    const hidden = await b.client.put(`/api/v1/drafts/${id}`, { text: 'x' });
    const missing = await b.client.put('/api/v1/drafts/0190d3b4-0000-7000-8000-000000000000', { text: 'x' });
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(missing.text);

    expect((await a.client.delete(`/api/v1/drafts/${id}`)).status).toBe(204);
    expect((await a.client.get('/api/v1/drafts')).body.drafts).toEqual([]);
  });
});

describe('Talk: a conversation on two devices', () => {
  it('takes turns share → reflect → confirm or clarify → switch, pauses, and ends with both takeaways', async () => {
    const { a, b } = await t.couple(['Ada', 'Ben']);
    const stream = await b.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    await a.client.post('/api/v1/drafts', { text: 'A private draft that stays private' });

    const started = await a.client.post('/api/v1/conversations', { mode: 'two-devices' });
    expect(started.status, started.text).toBe(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({
      phase: 'share',
      speaker: 'me',
      waitingOn: 'me',
      startedByMe: true,
      recordsForBoth: false,
    });
    const seenByB = await b.client.get(`/api/v1/conversations/${id}`);
    expect(seenByB.body).toMatchObject({ speaker: 'partner', waitingOn: 'partner', startedByMe: false });

    // Only the speaker shares; a reflection before a share is not open yet.
    expect((await turn(b, id, { kind: 'share', text: 'Me first' })).status).toBe(403);
    expect((await turn(b, id, { kind: 'reflect', text: 'Too soon' })).status).toBe(409);
    const shared = await turn(a, id, { kind: 'share', text: 'When you came home late, I felt lonely' });
    expect(shared.status, shared.text).toBe(201);
    expect(shared.body).toMatchObject({ phase: 'reflect', waitingOn: 'partner' });
    expect((await turn(a, id, { kind: 'reflect', text: 'Myself' })).status).toBe(403);
    expect((await turn(b, id, { kind: 'reflect', text: 'You felt lonely when I came home late' })).status).toBe(201);
    const clarified = await turn(a, id, { kind: 'clarify', text: 'Mostly on the evenings you did not text' });
    expect(clarified.body).toMatchObject({ phase: 'reflect' });
    await turn(b, id, { kind: 'reflect', text: 'The evenings without a text were the loneliest' });
    const confirmed = await turn(a, id, { kind: 'confirm' });
    expect(confirmed.body).toMatchObject({ phase: 'share', speaker: 'partner', waitingOn: 'partner', rounds: 1 });

    const paused = await move(b, id, 'pause');
    expect(paused.body).toMatchObject({ phase: 'paused', resumeTo: 'share', waitingOn: null, suggestedBreakMinutes: 20 });
    expect((await turn(b, id, { kind: 'share', text: 'Not while paused' })).status).toBe(409);
    expect((await move(a, id, 'resume')).body).toMatchObject({ phase: 'share' });
    await turn(b, id, { kind: 'share', text: 'I felt shut out when work came first' });
    await move(a, id, 'close');
    expect((await turn(a, id, { kind: 'takeaway', text: 'I will text when I am late' })).body).toMatchObject({
      phase: 'closing',
      myTakeaway: true,
      partnerTakeaway: false,
    });
    const ended = await turn(b, id, { kind: 'takeaway', text: 'I can say when I feel shut out' });
    expect(ended.body).toMatchObject({ phase: 'ended', myTakeaway: true, partnerTakeaway: true });
    expect(ended.body.endedAt).toEqual(expect.any(String));

    // Each turn has one author: B sees A's words as A's, its own as its own.
    const kinds = ended.body.turns.map((x: { kind: string; byMe: boolean }) => `${x.kind}:${x.byMe ? 'me' : 'partner'}`);
    expect(kinds).toEqual([
      'share:partner',
      'reflect:me',
      'clarify:partner',
      'reflect:me',
      'confirm:partner',
      'share:me',
      'takeaway:partner',
      'takeaway:me',
    ]);
    const rows = await t.deps.db.selectFrom('conversation_turns').selectAll().where('conversation_id', '=', id).execute();
    for (const r of rows) expect(r.recorded_by).toBe(r.author_id);
    expect(rows.find((r) => r.kind === 'share')?.text_sealed).toMatch(/^v1\./);

    for (const p of [a, b]) {
      const list = await p.client.get('/api/v1/conversations');
      expect(list.body).toMatchObject({ finishedCount: 1, hasPartner: true, suggestTogether: true });
    }

    // The partner heard of each change (ids only), never of the draft, never the words.
    const heard = await stream.drain(300);
    expect(heard.length).toBeGreaterThan(5);
    expect(new Set(heard.map((e) => e.event))).toEqual(new Set(['conversation.changed']));
    expect(JSON.stringify(heard)).not.toContain('lonely');
    expect(JSON.stringify(heard)).not.toContain('private');
    stream.close();
  });

  it('an outsider sees nothing of it and hears nothing of it', async () => {
    const { a } = await t.couple(['Cleo', 'Dev']);
    const outsider = await t.signUp('Eli');
    const stream = await outsider.client.stream('/api/v1/events');
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    const id = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    await turn(a, id, { kind: 'share', text: 'Something only for us' });
    expect((await outsider.client.get(`/api/v1/conversations/${id}`)).status).toBe(404);
    expect((await outsider.client.get('/api/v1/conversations')).body).toMatchObject({ conversations: [], finishedCount: 0 });
    expect(await stream.drain(300)).toEqual([]);
    stream.close();
  });
});

describe('Talk: one device passed between partners', () => {
  it("the device's owner records both people's turns, each stored as its speaker's words", async () => {
    const { a, b } = await t.couple(['Fay', 'Gus']);
    const id = (await a.client.post('/api/v1/conversations', { mode: 'one-device' })).body.id;
    await turn(a, id, { kind: 'share', text: 'I missed our walks' });
    const reflected = await turn(a, id, { kind: 'reflect', text: 'You miss our walks', forPartner: true });
    expect(reflected.status, reflected.text).toBe(201);
    expect(reflected.body.recordsForBoth).toBe(true);
    expect(reflected.body.turns.at(-1)).toMatchObject({ kind: 'reflect', byMe: false, recordedBy: 'me' });
    const row = await t.deps.db
      .selectFrom('conversation_turns')
      .selectAll()
      .where('conversation_id', '=', id)
      .where('kind', '=', 'reflect')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_id: b.id, recorded_by: a.id });
    // On B's own screen they are B's words, recorded by A.
    const seen = await b.client.get(`/api/v1/conversations/${id}`);
    expect(seen.body.turns.at(-1)).toMatchObject({ byMe: true, recordedBy: 'partner', text: 'You miss our walks' });
    // Only the holder of the device records for both; on two devices no one does.
    expect((await turn(b, id, { kind: 'confirm', forPartner: true })).status).toBe(403);
    const two = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    expect((await turn(a, two, { kind: 'share', text: 'x', forPartner: true })).status).toBe(403);
  });
});

describe('Talk: on my own', () => {
  it('a solo person cannot start a joint conversation but records one held in person, and it counts', async () => {
    const solo = await t.signUp('Hal');
    const start = await solo.client.post('/api/v1/conversations', { mode: 'two-devices' });
    expect(start.status).toBe(409);
    expect(start.body.error.code).toBe('no_partner');
    const rec = await solo.client.post('/api/v1/conversations/in-person', {
      heldOn: '2026-03-02',
      said: 'We talked about the evenings',
      wentHow: 'Quieter than I feared',
    });
    expect(rec.status, rec.text).toBe(201);
    expect(rec.body).toMatchObject({ mode: 'in-person', phase: 'ended', heldOn: '2026-03-02' });
    expect(rec.body.turns.map((x: { kind: string; text: string }) => [x.kind, x.text])).toEqual([
      ['said', 'We talked about the evenings'],
      ['went', 'Quieter than I feared'],
    ]);
    const list = await solo.client.get('/api/v1/conversations');
    expect(list.body).toMatchObject({ finishedCount: 1, hasPartner: false, suggestTogether: false });
    const bad = await solo.client.post('/api/v1/conversations/in-person', { heldOn: 'yesterday', said: '', wentHow: 'ok' });
    expect(bad.status).toBe(400);
  });
});

describe('Talk: safety comes first', () => {
  it('a person whose own answers raise concern is not invited to talk together; the partner sees the same either way', async () => {
    const { a, b } = await t.couple(['Ivy', 'Jo']);
    const partnerBefore = (await b.client.get('/api/v1/conversations')).text;
    expect((await a.client.get('/api/v1/conversations')).body.suggestTogether).toBe(true);
    expect((await a.client.put('/api/v1/safety', { answers: { afraid: 'yes' } })).status).toBe(200);
    expect((await a.client.get('/api/v1/conversations')).body.suggestTogether).toBe(false);
    expect((await b.client.get('/api/v1/conversations')).text).toBe(partnerBefore);
  });
});

describe('Acknowledge', () => {
  it('is written after an ended conversation, answered by the other partner once, never by its author', async () => {
    const { a, b } = await t.couple(['Kit', 'Lou']);
    const outsider = await t.signUp('Mo');
    const id = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    const ACK = { did: 'I stopped asking about your day', effect: 'You felt invisible at home', change: 'I will ask at dinner' };
    const early = await b.client.post(`/api/v1/conversations/${id}/acknowledgements`, ACK);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_ended');
    await move(a, id, 'close');
    await turn(a, id, { kind: 'takeaway', text: 'Slow down' });
    await turn(b, id, { kind: 'takeaway', text: 'Ask for what I need' });

    const ack = await b.client.post(`/api/v1/conversations/${id}/acknowledgements`, ACK);
    expect(ack.status, ack.text).toBe(201);
    expect(ack.body).toMatchObject({ byMe: true, ...ACK, reply: null });
    const ackId = ack.body.id;
    const row = await t.deps.db.selectFrom('acknowledgements').selectAll().where('id', '=', ackId).executeTakeFirstOrThrow();
    expect(row.did_sealed).toMatch(/^v1\./);
    expect(row.author_id).toBe(b.id);

    const replyPath = `/api/v1/conversations/${id}/acknowledgements/${ackId}/reply`;
    expect((await b.client.post(replyPath, { felt: 'true' })).status).toBe(403);
    expect((await outsider.client.post(replyPath, { felt: 'true' })).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/conversations/${id}/acknowledgements`)).status).toBe(404);
    const reply = await a.client.post(replyPath, { felt: 'partly', missing: 'How lonely the weekends were' });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      byMe: false,
      reply: { byMe: true, felt: 'partly', missing: 'How lonely the weekends were' },
    });
    expect((await a.client.post(replyPath, { felt: 'true' })).status).toBe(409);

    const seenByB = await b.client.get(`/api/v1/conversations/${id}/acknowledgements`);
    expect(seenByB.body).toMatchObject({
      open: true,
      acknowledgements: [{ byMe: true, reply: { byMe: false, felt: 'partly' } }],
    });
  });
});

describe('Talk: after leaving', () => {
  it("each keeps their own words; the other's words leave their view", async () => {
    const { a, b } = await t.couple(['Nia', 'Oz']);
    const id = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    await turn(a, id, { kind: 'share', text: 'Words of Nia' });
    await turn(b, id, { kind: 'reflect', text: 'Words of Oz' });
    expect((await leaveSpace(b)).status).toBe(200);
    const kept = await a.client.get(`/api/v1/conversations/${id}`);
    expect(kept.status).toBe(200);
    expect(kept.text).toContain('Words of Nia');
    expect(kept.text).not.toContain('Words of Oz');
    // Oz started nothing, but keeps the conversation around Oz's own reflection.
    const theirs = await b.client.get(`/api/v1/conversations/${id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ startedByMe: false });
    expect(theirs.body.turns).toEqual([expect.objectContaining({ kind: 'reflect', byMe: true, text: 'Words of Oz' })]);
    expect(theirs.text).not.toContain('Words of Nia');
    // Oz's words are still stored, under Oz's key: leaving did not delete them.
    const rows = await t.deps.db.selectFrom('conversation_turns').select('author_id').where('conversation_id', '=', id).execute();
    expect(rows.map((r) => r.author_id).sort()).toEqual([a.id, b.id].sort());
    expect((await turn(a, id, { kind: 'confirm' })).status).toBe(409);
    expect((await turn(b, id, { kind: 'share', text: 'Not any more' })).status).toBe(409);
  });

  it('after the acknowledger leaves, the answerer keeps their answer and its author keeps the acknowledgement', async () => {
    const { a, b } = await t.couple(['Sol', 'Tam']);
    const id = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    await turn(a, id, { kind: 'share', text: 'Share of Sol' });
    await turn(b, id, { kind: 'reflect', text: 'Reflection of Tam' });
    await move(b, id, 'close');
    await turn(a, id, { kind: 'takeaway', text: 'Takeaway of Sol' });
    await turn(b, id, { kind: 'takeaway', text: 'Takeaway of Tam' });
    const ack = await a.client.post(`/api/v1/conversations/${id}/acknowledgements`, {
      did: 'What Sol did',
      effect: 'The effect Sol sees',
      change: 'What Sol will change',
    });
    expect(ack.status, ack.text).toBe(201);
    const replyPath = `/api/v1/conversations/${id}/acknowledgements/${ack.body.id}/reply`;
    expect((await b.client.post(replyPath, { felt: 'partly', missing: 'What Tam misses' })).status).toBe(201);

    // The acknowledgement's author is the one who leaves.
    expect((await leaveSpace(a)).status).toBe(200);

    // Tam, who answered, sees Tam's own answer and none of Sol's words.
    const tam = await b.client.get(`/api/v1/conversations/${id}/acknowledgements`);
    expect(tam.status).toBe(200);
    expect(tam.body.acknowledgements).toEqual([
      {
        id: ack.body.id,
        byMe: false,
        fromFormerPartner: true,
        did: null,
        effect: null,
        change: null,
        at: expect.any(String),
        reply: { byMe: true, felt: 'partly', missing: 'What Tam misses', at: expect.any(String) },
      },
    ]);
    expect(tam.text).toContain('What Tam misses');
    expect(tam.text).not.toContain('Sol');

    // Sol, who wrote it, sees the acknowledgement and none of Tam's answer.
    const sol = await a.client.get(`/api/v1/conversations/${id}/acknowledgements`);
    expect(sol.status).toBe(200);
    expect(sol.body.acknowledgements).toEqual([
      expect.objectContaining({
        id: ack.body.id,
        byMe: true,
        fromFormerPartner: false,
        did: 'What Sol did',
        effect: 'The effect Sol sees',
        change: 'What Sol will change',
        reply: null,
      }),
    ]);
    expect(sol.text).not.toContain('Tam');
    expect(sol.text).not.toContain('partly');

    // Keeping the answer is not a way back in: the acknowledgement itself stays out of Tam's reach.
    expect((await b.client.post(replyPath, { felt: 'true' })).status).toBe(404);
  });

  it('the leaver and the one left each keep their turns, takeaway, acknowledgement and finished count', async () => {
    const { a, b } = await t.couple(['Pia', 'Quin']);
    // One started by each, so each side is the starter of one and the partner in the other.
    const held = async (starter: Person, other: Person, tag: string) => {
      const id = (await starter.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
      await turn(starter, id, { kind: 'share', text: `${tag}: share of ${starter.name}` });
      await turn(other, id, { kind: 'reflect', text: `${tag}: reflection of ${other.name}` });
      await move(other, id, 'close');
      await turn(starter, id, { kind: 'takeaway', text: `${tag}: takeaway of ${starter.name}` });
      await turn(other, id, { kind: 'takeaway', text: `${tag}: takeaway of ${other.name}` });
      return id;
    };
    const first = await held(a, b, 'First');
    const second = await held(b, a, 'Second');
    const ack = await b.client.post(`/api/v1/conversations/${first}/acknowledgements`, {
      did: 'Acknowledged by Quin',
      effect: 'Effect as Quin sees it',
      change: 'What Quin will change',
    });
    expect(ack.status, ack.text).toBe(201);
    const replied = await a.client.post(`/api/v1/conversations/${first}/acknowledgements/${ack.body.id}/reply`, {
      felt: 'true',
      missing: 'Answer of Pia',
    });
    expect(replied.status).toBe(201);
    const before = await a.client.get('/api/v1/conversations');
    expect(before.body.finishedCount).toBe(2);

    expect((await leaveSpace(a)).status).toBe(200);

    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = await me.client.get('/api/v1/conversations');
      expect(list.body, me.name).toMatchObject({ finishedCount: 2, hasPartner: false });
      expect(list.body.conversations.map((c: { id: string }) => c.id).sort(), me.name).toEqual([first, second].sort());
      for (const id of [first, second]) {
        const view = await me.client.get(`/api/v1/conversations/${id}`);
        expect(view.status, me.name).toBe(200);
        expect(view.body).toMatchObject({ phase: 'ended', myTakeaway: true, partnerTakeaway: true });
        expect(
          view.body.turns.every((x: { byMe: boolean }) => x.byMe),
          me.name,
        ).toBe(true);
        expect(view.body.turns.map((x: { kind: string }) => x.kind)).toContain('takeaway');
        expect(view.text).toContain(`takeaway of ${me.name}`);
        expect(view.text).not.toContain(other.name);
        const acks = await me.client.get(`/api/v1/conversations/${id}/acknowledgements`);
        expect(acks.status).toBe(200);
        expect(acks.text).not.toContain(other.name);
      }
    }
    // Quin keeps the acknowledgement Quin wrote (Pia's answer to it leaves Quin's view); Pia keeps
    // Pia's answer, but not the words of Quin's acknowledgement.
    const quinAcks = await b.client.get(`/api/v1/conversations/${first}/acknowledgements`);
    expect(quinAcks.body.acknowledgements).toEqual([
      expect.objectContaining({ byMe: true, fromFormerPartner: false, did: 'Acknowledged by Quin', reply: null }),
    ]);
    expect((await a.client.get(`/api/v1/conversations/${first}/acknowledgements`)).body.acknowledgements).toEqual([
      expect.objectContaining({
        byMe: false,
        fromFormerPartner: true,
        did: null,
        effect: null,
        change: null,
        reply: expect.objectContaining({ byMe: true, felt: 'true', missing: 'Answer of Pia' }),
      }),
    ]);
    // Nothing new is written into a closed space's conversation.
    const late = await b.client.post(`/api/v1/conversations/${second}/acknowledgements`, {
      did: 'x',
      effect: 'y',
      change: 'z',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('space_closed');

    // A later partner of either sees none of it.
    const c = await t.signUp('Rue');
    const invite = await a.client.post('/api/v1/space/invites');
    expect((await c.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await c.client.get('/api/v1/conversations')).body).toMatchObject({ conversations: [], finishedCount: 0 });
    expect((await c.client.get(`/api/v1/conversations/${first}`)).status).toBe(404);
    expect((await c.client.get(`/api/v1/conversations/${second}/acknowledgements`)).status).toBe(404);
    expect((await a.client.get('/api/v1/conversations')).body.finishedCount).toBe(2);
  });
});

describe('Talk: a conversation the space closed on', () => {
  it('a paused one is shown as ended by the space closing, in the list and the detail, and every step answers 409', async () => {
    const { a, b } = await t.couple(['Tam', 'Uma']);
    const paused = (await a.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
    expect((await turn(a, paused, { kind: 'share', text: 'A first piece' })).status).toBe(201);
    expect((await turn(b, paused, { kind: 'reflect', text: 'What I heard' })).status).toBe(201);
    expect((await move(b, paused, 'pause')).status).toBe(200);
    const finished = (await a.client.post('/api/v1/conversations', { mode: 'one-device' })).body.id;
    expect((await move(a, finished, 'close')).status).toBe(200);
    expect((await turn(a, finished, { kind: 'takeaway', text: 'What I take from it' })).status).toBe(201);
    const both = await turn(a, finished, { kind: 'takeaway', text: 'What they take from it', forPartner: true });
    expect(both.status, both.text).toBe(201);
    // While the space is shared, nothing is closed.
    const before = await a.client.get(`/api/v1/conversations/${paused}`);
    expect(before.body).toMatchObject({ phase: 'paused', closedBySpace: false });

    // Leaving asks for the password again (decision 024); a fresh stamp first.
    expect((await b.client.post('/api/v1/auth/reauth', { password: b.password })).status).toBe(204);
    expect((await leaveSpace(b)).status).toBe(200);

    for (const me of [a, b]) {
      const list = await me.client.get('/api/v1/conversations');
      const byId = new Map(list.body.conversations.map((c: { id: string }) => [c.id, c]));
      expect(byId.get(paused), me.name).toMatchObject({ phase: 'paused', closedBySpace: true });
      const view = await me.client.get(`/api/v1/conversations/${paused}`);
      expect(view.body, me.name).toMatchObject({ phase: 'paused', closedBySpace: true });
      for (const action of ['resume', 'close', 'pause']) {
        const res = await move(me, paused, action);
        expect(res.status, `${me.name} ${action}`).toBe(409);
        expect(res.body.error.code).toBe('space_closed');
      }
    }
    // One finished before the space closed is simply finished.
    const done = await a.client.get(`/api/v1/conversations/${finished}`);
    expect(done.body).toMatchObject({ phase: 'ended', closedBySpace: false });
  });
});
