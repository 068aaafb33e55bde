import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../support/test-app.js';
import { createTestApp, leaveSpace, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const few = { causes: [{ id: 'outside-stress' }], ownWords: [] };
const many = {
  causes: [
    { id: 'unvoiced-feelings', note: 'I stopped saying when something hurt' },
    { id: 'patterns', note: 'We both go quiet' },
    { id: 'not-realising' },
  ],
  ownWords: [{ text: 'Tiredness after the baby came', note: 'Neither of us slept' }],
};
const other = { causes: [{ id: 'patterns' }, { id: 'different-needs', note: 'closeness and space' }], ownWords: [] };

const marksOf = (m: { causes: { id: string; note?: string }[]; ownWords: { text: string; note?: string }[] }) => ({
  causes: m.causes.map((c) => ({ id: c.id, note: c.note ?? null })),
  ownWords: m.ownWords.map((w) => ({ text: w.text, note: w.note ?? null })),
});

/** Everything the partner can fetch about their space and this step, and the answers to their own writes. */
// The writes leave the partner's own state as it was (revealing is checked separately, as it cannot be undone).
async function everythingSeenBy(p: Person, revealed: boolean): Promise<string[]> {
  const texts: string[] = [];
  for (const path of ['/api/v1/causes', '/api/v1/space', '/api/v1/me', '/api/v1/space/invites'])
    texts.push(`${path} ${(await p.client.get(path)).text}`);
  const writes = [
    await p.client.put('/api/v1/causes/understanding', { text: 'my part' }),
    await p.client.put('/api/v1/causes', few),
    ...(revealed ? [await p.client.post('/api/v1/causes/reveal')] : []),
    await p.client.delete('/api/v1/causes'),
  ];
  for (const r of writes) texts.push(`${r.status} ${r.text}`);
  return texts;
}

describe('Why: marking privately', () => {
  it('starts empty, then saves, replaces and forgets my marks', async () => {
    const p = await t.signUp('Solo');
    const empty = await p.client.get('/api/v1/causes');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      hasPartner: false,
      mine: { marks: { causes: [], ownWords: [] }, revealed: false, revealedAt: null },
      partner: { revealed: false, marks: null },
      comparison: null,
      understanding: { mine: null, theirs: null },
      earlier: [],
    });
    const saved = await p.client.put('/api/v1/causes', many);
    expect(saved.status).toBe(200);
    expect(saved.body.mine.marks).toEqual(marksOf(many));
    const replaced = await p.client.put('/api/v1/causes', { causes: [{ id: 'patterns', note: '  ' }] });
    expect(replaced.body.mine.marks).toEqual({ causes: [{ id: 'patterns', note: null }], ownWords: [] });
    expect((await p.client.get('/api/v1/causes')).body.mine.marks.causes).toHaveLength(1);
    expect((await p.client.delete('/api/v1/causes')).status).toBe(204);
    expect((await p.client.get('/api/v1/causes')).body.mine.marks).toEqual({ causes: [], ownWords: [] });
    expect((await p.client.delete('/api/v1/causes')).status).toBe(204);
  });

  it('seals every word at rest', async () => {
    const p = await t.signUp('Sealed');
    await p.client.put('/api/v1/causes', many);
    const rows = await t.deps.db.selectFrom('cause_sets').selectAll().where('author_id', '=', p.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.marks_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toMatch(/baby|quiet|unvoiced/);
    expect(rows[0]?.visibility).toBe('private');
  });

  it('refuses unknown causes, repeats, empty own words and long notes, by field', async () => {
    const p = await t.signUp('Checked');
    const bad = [
      { causes: [{ id: 'your-fault' }] },
      { causes: [{ id: 'patterns' }, { id: 'patterns' }] },
      { causes: [], ownWords: [{ text: '   ' }] },
      { causes: [{ id: 'patterns', note: 'x'.repeat(1001) }] },
      { causes: [], extra: true },
    ];
    for (const body of bad) {
      const res = await p.client.put('/api/v1/causes', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect((await p.client.get('/api/v1/causes')).body.mine.marks.causes).toEqual([]);
  });

  it('lets a solo person mark privately; sharing waits for a partner', async () => {
    const p = await t.signUp('Waiting');
    expect((await p.client.post('/api/v1/causes/reveal')).body.error.code).toBe('nothing_marked');
    await p.client.put('/api/v1/causes', few);
    const reveal = await p.client.post('/api/v1/causes/reveal');
    expect(reveal.status).toBe(409);
    expect(reveal.body.error.code).toBe('no_partner');
    expect((await p.client.put('/api/v1/causes/understanding', { text: 'hello' })).status).toBe(409);
  });

  it('brings a solo person’s private marks along when they join, still private', async () => {
    const inviter = await t.signUp('Inviter');
    const joiner = await t.signUp('Joiner');
    await joiner.client.put('/api/v1/causes', many);
    const invite = await inviter.client.post('/api/v1/space/invites');
    expect((await joiner.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    const mine = await joiner.client.get('/api/v1/causes');
    expect(mine.body.hasPartner).toBe(true);
    expect(mine.body.mine.marks).toEqual(marksOf(many));
    const theirs = await inviter.client.get('/api/v1/causes');
    expect(theirs.body.partner).toEqual({ revealed: false, marks: null });
    expect(theirs.text).not.toContain('baby');
    // Now there is a partner, sharing works.
    expect((await joiner.client.post('/api/v1/causes/reveal')).status).toBe(200);
  });
});

describe('Why: before revealing, nothing the partner can fetch depends on my marks', () => {
  for (const partnerRevealedFirst of [false, true]) {
    it(`is byte-identical for the partner (partner ${partnerRevealedFirst ? 'has' : 'has not'} revealed)`, async () => {
      const { a, b } = await t.couple(['Ari', 'Bea']);
      if (partnerRevealedFirst) {
        await b.client.put('/api/v1/causes', other);
        expect((await b.client.post('/api/v1/causes/reveal')).status).toBe(200);
      }
      const baseline = await everythingSeenBy(b, partnerRevealedFirst);
      const states: (() => Promise<unknown>)[] = [
        () => a.client.put('/api/v1/causes', few),
        () => a.client.put('/api/v1/causes', many),
        () => a.client.put('/api/v1/causes', other),
        () => a.client.delete('/api/v1/causes'),
        () => a.client.put('/api/v1/causes', many),
        () => a.client.put('/api/v1/causes/understanding', { text: 'trying early' }),
      ];
      for (const change of states) {
        t.clock.advance(60_000);
        await change();
        expect(await everythingSeenBy(b, partnerRevealedFirst)).toEqual(baseline);
      }
    });
  }

  it('answers the partner’s own reveal alike whether I marked nothing or a lot', async () => {
    const seen: string[] = [];
    for (const set of [null, many]) {
      const { a, b } = await t.couple(['Jo', 'Kai']);
      if (set) await a.client.put('/api/v1/causes', set);
      await b.client.put('/api/v1/causes', few);
      seen.push((await b.client.post('/api/v1/causes/reveal')).text);
    }
    expect(seen[0]).toBe(seen[1]);
  });

  it('after I reveal, my partner sees only that I have, never what, until they reveal too', async () => {
    // Two couples whose first partners revealed very different sets: the second partners see the same bytes.
    const seen: string[] = [];
    for (const set of [few, many]) {
      const { a, b } = await t.couple(['Cai', 'Dee']);
      await a.client.put('/api/v1/causes', set);
      expect((await a.client.post('/api/v1/causes/reveal')).status).toBe(200);
      const view = await b.client.get('/api/v1/causes');
      expect(view.body.partner).toEqual({ revealed: true, marks: null });
      expect(view.body.comparison).toBeNull();
      const understanding = await b.client.put('/api/v1/causes/understanding', { text: 'x' });
      expect(understanding.status).toBe(409);
      seen.push(view.text + understanding.text);
    }
    expect(seen[0]).toBe(seen[1]);
  });
});

describe('Why: revealing in either order, comparing, and understanding together', () => {
  for (const order of ['a-first', 'b-first'] as const) {
    it(`shows both sets and where they agree once both have revealed (${order})`, async () => {
      const { a, b } = await t.couple(['Eli', 'Fin']);
      await a.client.put('/api/v1/causes', many);
      await b.client.put('/api/v1/causes', other);
      const [first, second] = order === 'a-first' ? [a, b] : [b, a];
      const firstReveal = await first.client.post('/api/v1/causes/reveal');
      expect(firstReveal.body.mine.revealed).toBe(true);
      expect(firstReveal.body.partner).toEqual({ revealed: false, marks: null });
      const secondReveal = await second.client.post('/api/v1/causes/reveal');
      expect(secondReveal.status).toBe(200);
      expect(secondReveal.body.partner.revealed).toBe(true);

      const viewA = (await a.client.get('/api/v1/causes')).body;
      const viewB = (await b.client.get('/api/v1/causes')).body;
      expect(viewA.partner.marks).toEqual(marksOf(other));
      expect(viewB.partner.marks).toEqual(marksOf(many));
      expect(viewA.comparison).toEqual({
        shared: ['patterns'],
        onlyMine: ['unvoiced-feelings', 'not-realising'],
        onlyTheirs: ['different-needs'],
      });
      expect(viewB.comparison).toEqual({
        shared: ['patterns'],
        onlyMine: ['different-needs'],
        onlyTheirs: ['unvoiced-feelings', 'not-realising'],
      });

      // Revealed marks are locked: the comparison each saw stays true.
      expect((await a.client.put('/api/v1/causes', few)).body.error.code).toBe('already_revealed');
      expect((await a.client.delete('/api/v1/causes')).status).toBe(409);
      // Revealing again changes nothing.
      expect((await a.client.post('/api/v1/causes/reveal')).status).toBe(200);

      // Each writes their own part; both parts are shown together; editing or clearing mine leaves theirs.
      const partA = await a.client.put('/api/v1/causes/understanding', { text: 'We both went quiet instead of asking.' });
      expect(partA.status).toBe(200);
      expect(partA.body.understanding).toEqual({ mine: 'We both went quiet instead of asking.', theirs: null });
      await b.client.put('/api/v1/causes/understanding', { text: 'I did not see how alone you felt.' });
      expect((await a.client.get('/api/v1/causes')).body.understanding).toEqual({
        mine: 'We both went quiet instead of asking.',
        theirs: 'I did not see how alone you felt.',
      });
      const cleared = await a.client.put('/api/v1/causes/understanding', { text: '' });
      expect(cleared.body.understanding).toEqual({ mine: null, theirs: 'I did not see how alone you felt.' });
      expect((await b.client.get('/api/v1/causes')).body.understanding).toEqual({
        mine: 'I did not see how alone you felt.',
        theirs: null,
      });
    });
  }

  it('after leaving, each keeps their own words and the other’s leave their view', async () => {
    const { a, b } = await t.couple(['Gus', 'Hal']);
    await a.client.put('/api/v1/causes', many);
    await b.client.put('/api/v1/causes', other);
    await a.client.post('/api/v1/causes/reveal');
    await b.client.post('/api/v1/causes/reveal');
    await a.client.put('/api/v1/causes/understanding', { text: 'Part of Gus' });
    await b.client.put('/api/v1/causes/understanding', { text: 'Part of Hal' });
    expect((await leaveSpace(a)).status).toBe(200);

    for (const [p, own, theirPart, ownPart] of [
      [a, many, 'Part of Hal', 'Part of Gus'],
      [b, other, 'Part of Gus', 'Part of Hal'],
    ] as const) {
      const view = await p.client.get('/api/v1/causes');
      expect(view.body.hasPartner).toBe(false);
      expect(view.body.mine).toEqual({ marks: { causes: [], ownWords: [] }, revealed: false, revealedAt: null });
      expect(view.body.partner).toEqual({ revealed: false, marks: null });
      expect(view.body.earlier).toHaveLength(1);
      expect(view.body.earlier[0].marks).toEqual(marksOf(own));
      expect(view.body.earlier[0].understanding).toBe(ownPart);
      expect(view.text).not.toContain(theirPart);
    }
    // A new start in the new space is possible.
    expect((await a.client.put('/api/v1/causes', few)).status).toBe(200);
  });
});
