import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_QUESTIONS } from '../../src/domain/safety.js';
import { DEFAULT_THERAPIST_VIEWS, type TherapistView } from '../../src/domain/therapist-access.js';
import { openTherapistView } from '../../src/features/therapists/therapists.read.js';
import type { SignedInAccount } from '../../src/http/route.js';
import { AppError } from '../../src/shared/errors.js';
import { DAY_MS } from '../../src/shared/time.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import {
  createTestApp,
  freshReauth,
  leaveSpace,
  ORIGIN,
  type Person,
  type TestApp,
  type TestClient,
} from '../support/test-app.js';

// Therapist access end to end (decision 023): proposal, each partner's consent, the therapist's
// acceptance in either order; what is open when; revocation, expiry and leaving; the log; who may
// accept; the neutral invitation email; Idempotency-Key on the partners' writes.

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'attune@localhost', RATE_LIMIT_PER_ADDRESS: '100000' } });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

interface Therapist {
  client: TestClient;
  id: string;
  email: string;
  name: string;
}

const uniqueEmail = (who: string) => `${who}.${randomUUID().slice(0, 12)}@clinic.example.org`;

async function propose(p: Person, body: { email?: string | null; accessDays?: number } = {}) {
  const res = await p.client.call('therapists.invite', { body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function consent(p: Person, id: string, include: TherapistView[] = [...DEFAULT_THERAPIST_VIEWS]) {
  // Granting asks for the password typed in the last five minutes (decision 024).
  await freshReauth(p);
  const res = await p.client.call('therapists.consent', { params: { id }, body: { include } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** A new therapist account through the invitation (signed out, with details): 201. */
async function acceptAsNew(token: string, name = 'Dr Rowan Vale'): Promise<Therapist & { state: string; accessId: string }> {
  const client = t.client(name);
  const email = uniqueEmail('therapist');
  const res = await client.call('therapists.accept', {
    params: { token },
    body: { email, password: 'a calm and careful phrase', name },
  });
  expect(res.status, res.text).toBe(201);
  const me = await client.call('auth.me');
  return { client, id: me.body.id, email, name, state: res.body.state, accessId: res.body.id };
}

const accessOf = async (p: Person, id: string) => {
  const list = await p.client.call('therapists.list');
  expect(list.status, list.text).toBe(200);
  const found = list.body.accesses.find((a) => a.id === id);
  if (!found) throw new Error(`access ${id} not in the list`);
  return found;
};

const asAccount = (th: Therapist): SignedInAccount => ({ userId: th.id, sessionId: 'test', email: th.email, role: 'therapist' });

/** openTherapistView's answer: 'open', or the error body it refuses with. */
async function tryView(th: Therapist, accessId: string, view: TherapistView) {
  try {
    await openTherapistView(t.deps, asAccount(th), accessId, view);
    return 'open';
  } catch (error) {
    if (error instanceof AppError) return JSON.stringify({ status: error.status, ...error.toBody() });
    throw error;
  }
}
const MISSING = JSON.stringify({ status: 404, error: { code: 'not_found', message: 'We could not find that.' } });
const NO_SUCH_ACCESS = '01900000-0000-7000-8000-000000000000';

/** Through the real route: the answer's status and body, beside those for a couple that does not exist. */
async function agreementsOver(th: Therapist, accessId: string) {
  const res = await th.client.call('therapists.view.agreements', { params: { id: accessId } });
  const missing = await th.client.call('therapists.view.agreements', { params: { id: NO_SUCH_ACCESS } });
  return { status: res.status, sameAsMissing: res.text === missing.text };
}

describe('proposing a therapist', () => {
  it('needs a partner; makes a link valid 14 days, access for 90 days, and nobody has consented yet', async () => {
    const solo = await t.signUp('Solo');
    const alone = await solo.client.call('therapists.invite', { body: {} });
    expect(alone.status).toBe(409);
    expect(alone.body).toMatchObject({ error: { code: 'no_partner' } });

    const { a, b } = await t.couple(['Alma', 'Bruno']);
    const start = t.clock.now().getTime();
    const invited = await propose(a);
    expect(invited.url).toBe(`${ORIGIN}/therapist/join/${invited.token}`);
    const view = await accessOf(a, invited.id);
    expect(view).toMatchObject({
      state: 'waiting',
      therapistName: null,
      proposedByMe: true,
      myInclude: null,
      partnerInclude: null,
      visible: [],
      log: [],
    });
    expect(Date.parse(view.inviteExpiresAt) - start).toBe(14 * DAY_MS);
    expect(Date.parse(view.accessUntil) - start).toBe(90 * DAY_MS);
    expect((await accessOf(b, invited.id)).proposedByMe).toBe(false);

    const short = await propose(b, { accessDays: 30 });
    expect(Date.parse((await accessOf(a, short.id)).accessUntil) - start).toBe(30 * DAY_MS);
    expect((await b.client.call('therapists.invite', { body: { accessDays: 366 } })).status).toBe(400);
    // The token is kept only as a keyed hash.
    const row = await t.deps.db
      .selectFrom('therapist_accesses')
      .selectAll()
      .where('id', '=', invited.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(invited.token);
    expect((await t.client().call('therapists.invitePreview', { params: { token: invited.token } })).body).toEqual({
      usable: true,
    });
  });

  it('emails a neutral invitation (no names, no addresses of the couple) and keeps the address sealed', async () => {
    const { a, b } = await t.couple(['Celestine', 'Dorian']);
    const to = uniqueEmail('clinic');
    const invited = await propose(a, { email: to });
    const mail = await sink.waitFor((m) => m.to === to, 5000);
    expect(mail.subject).toBe('An invitation to Attune');
    expect(mail.text).toContain(invited.url);
    for (const word of [a.name, b.name, a.email, b.email]) expect(mail.text + mail.subject).not.toContain(word);
    const row = await t.deps.db
      .selectFrom('therapist_accesses')
      .selectAll()
      .where('id', '=', invited.id)
      .executeTakeFirstOrThrow();
    expect(row.email_sealed).toEqual(expect.any(String));
    expect(row.email_sealed).not.toContain(to);
    expect(row.email_sealed).not.toContain(to.split('@')[0]);
  });
});

describe('consent and acceptance, in either order', () => {
  it('both consent, then the therapist accepts: active at once, with the partners’ first names', async () => {
    const { a, b } = await t.couple(['Esme Hart', 'Felix Moor']);
    const invited = await propose(a);
    await consent(a, invited.id);
    await consent(b, invited.id);
    expect((await accessOf(a, invited.id)).state).toBe('waiting');
    const th = await acceptAsNew(invited.token);
    expect(th.state).toBe('active');
    expect(th.accessId).toBe(invited.id);
    const couples = await th.client.call('therapists.couples');
    expect(couples.body).toEqual({
      couples: [
        {
          id: invited.id,
          names: ['Esme', 'Felix'],
          accessUntil: (await accessOf(a, invited.id)).accessUntil,
          views: [...DEFAULT_THERAPIST_VIEWS],
        },
      ],
      waiting: 0,
    });
    expect(couples.text).not.toContain('Hart');
    expect(couples.text).not.toContain(a.email);
    const view = await accessOf(b, invited.id);
    expect(view).toMatchObject({ state: 'active', therapistName: 'Dr Rowan Vale' });
    expect((await th.client.call('auth.me')).body).toMatchObject({ role: 'therapist', name: 'Dr Rowan Vale' });
  });

  it('the therapist accepts first and sees nothing until both consented; one consent only is waiting', async () => {
    const { a, b } = await t.couple(['Greta', 'Hugo']);
    const invited = await propose(b);
    const th = await acceptAsNew(invited.token, 'Ilse Kern');
    expect(th.state).toBe('waiting');
    expect((await th.client.call('therapists.couples')).body).toEqual({ couples: [], waiting: 1 });
    expect(await tryView(th, invited.id, 'agreements')).toBe(MISSING);

    await consent(a, invited.id, ['agreements', 'figures']);
    expect((await accessOf(a, invited.id)).state).toBe('waiting');
    expect((await th.client.call('therapists.couples')).body).toEqual({ couples: [], waiting: 1 });
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 404, sameAsMissing: true });

    const both = await consent(b, invited.id, ['agreements', 'commitments', 'figures', 'checkins']);
    expect(both).toMatchObject({
      state: 'active',
      myInclude: ['agreements', 'commitments', 'figures', 'checkins'],
      partnerInclude: ['agreements', 'figures'],
      visible: ['agreements', 'figures'],
    });
    expect((await accessOf(a, invited.id)).myInclude).toEqual(['agreements', 'figures']);
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 200, sameAsMissing: false });
    expect(await tryView(th, invited.id, 'checkins')).toBe(MISSING);
    expect((await th.client.call('therapists.couples')).body.couples.map((c) => c.id)).toEqual([invited.id]);
  });

  it('narrowing takes effect on the very next request; widening needs both again', async () => {
    const { a, b } = await t.couple(['Juno', 'Kai']);
    const invited = await propose(a);
    await consent(a, invited.id);
    await consent(b, invited.id);
    const th = await acceptAsNew(invited.token);
    expect(await tryView(th, invited.id, 'commitments')).toBe('open');
    expect((await consent(a, invited.id, ['commitments'])).visible).toEqual(['commitments']);
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 404, sameAsMissing: true });
    await consent(a, invited.id, [...DEFAULT_THERAPIST_VIEWS]);
    expect((await consent(b, invited.id, ['agreements'])).visible).toEqual(['agreements']);
    expect(await tryView(th, invited.id, 'commitments')).toBe(MISSING);
    expect(await tryView(th, invited.id, 'agreements')).toBe('open');
    expect((await consent(b, invited.id, [])).visible).toEqual([]);
    expect(await tryView(th, invited.id, 'agreements')).toBe(MISSING);
    // Still active (both consented), showing nothing: the couple stays in the therapist's list.
    expect((await accessOf(a, invited.id)).state).toBe('active');
    await consent(b, invited.id, ['agreements', 'checkins']);
    expect(await tryView(th, invited.id, 'checkins')).toBe(MISSING);
    expect(await tryView(th, invited.id, 'agreements')).toBe('open');
  });
});

describe('who may do what', () => {
  it('another couple’s access answers like a missing one; partners never accept; one therapist per link', async () => {
    const { a, b } = await t.couple(['Lena', 'Milo']);
    const other = await t.couple(['Nora', 'Otto']);
    const invited = await propose(a);
    const missingId = NO_SUCH_ACCESS;
    for (const id of [invited.id, missingId]) {
      const res = await other.a.client.call('therapists.consent', { params: { id }, body: { include: ['agreements'] } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'We could not find that.' } });
    }
    const hidden = await other.b.client.call('therapists.revoke', { params: { id: invited.id } });
    const missing = await other.b.client.call('therapists.revoke', { params: { id: missingId } });
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(missing.text);
    expect((await other.a.client.call('therapists.list')).body.accesses).toEqual([]);

    // A partner's account cannot accept, signed in, whatever it sends.
    for (const p of [a, b, other.a]) {
      const res = await p.client.call('therapists.accept', { params: { token: invited.token }, body: {} });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'partners_cannot_accept' } });
    }
    // Signed out with nothing: details are needed.
    const bare = await t.client().call('therapists.accept', { params: { token: invited.token }, body: {} });
    expect(bare.status).toBe(400);

    const first = await acceptAsNew(invited.token);
    const second = await t.client('second').call('therapists.accept', {
      params: { token: invited.token },
      body: { email: uniqueEmail('second'), password: 'another careful phrase', name: 'Second' },
    });
    expect(second.status).toBe(404);
    expect(second.body).toMatchObject({ error: { code: 'invite_invalid' } });
    // Nothing was made for the refused one.
    expect(await t.deps.db.selectFrom('users').select('id').where('email', 'like', 'second.%').execute()).toEqual([]);
    // An existing therapist account accepting someone else's link: 404 as used.
    const otherInvite = await propose(other.a);
    const otherTherapist = await acceptAsNew(otherInvite.token, 'Pia Stone');
    const taken = await otherTherapist.client.call('therapists.accept', { params: { token: invited.token }, body: {} });
    expect(taken.status).toBe(404);
    // The therapist who holds it may accept again: 200, nothing changes.
    const again = await first.client.call('therapists.accept', { params: { token: invited.token }, body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: invited.id, state: 'waiting' });
    expect((await t.client().call('therapists.invitePreview', { params: { token: invited.token } })).body).toEqual({
      usable: false,
    });
  });

  it('an existing therapist account accepts a second couple with {} (200)', async () => {
    const one = await t.couple(['Quin', 'Rhea']);
    const two = await t.couple(['Saul', 'Tess']);
    const firstInvite = await propose(one.a);
    const th = await acceptAsNew(firstInvite.token, 'Uma Reed');
    const secondInvite = await propose(two.b);
    await consent(two.a, secondInvite.id);
    await consent(two.b, secondInvite.id);
    const res = await th.client.call('therapists.accept', { params: { token: secondInvite.token }, body: {} });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: secondInvite.id, state: 'active' });
    const couples = await th.client.call('therapists.couples');
    expect(couples.body).toMatchObject({ couples: [{ id: secondInvite.id, names: ['Saul', 'Tess'] }], waiting: 1 });
    expect(couples.text).not.toContain('Quin');
  });

  it('a therapist account is not a partner: no space, no partner invite, no space item', async () => {
    const { a } = await t.couple(['Vera', 'Wes']);
    const th = await acceptAsNew((await propose(a)).token);
    const solo = await t.signUp('Xena');
    const partnerInvite = await solo.client.call('spaces.invites.create');
    const joined = await th.client.call('spaces.invites.accept', { params: { token: partnerInvite.body.token } });
    expect(joined.status).toBe(403);
    expect(joined.body).toMatchObject({ error: { code: 'partners_only' } });
    for (const res of [
      await th.client.post('/api/v1/needs', { text: 'Ask about my day at dinner' }),
      await th.client.call('spaces.get'),
      await th.client.call('therapists.invite', { body: {} }),
      await th.client.call('therapists.list'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'partners_only' } });
    }
    const members = await t.deps.db.selectFrom('space_members').select('id').where('user_id', '=', th.id).execute();
    expect(members).toEqual([]);
    expect((await a.client.call('therapists.couples')).body).toMatchObject({ error: { code: 'therapists_only' } });
  });

  it('checks the new account like sign-up: password rules, one account per address', async () => {
    const { a } = await t.couple(['Yara', 'Zeno']);
    const invited = await propose(a);
    const weak = await t.client().call('therapists.accept', {
      params: { token: invited.token },
      body: { email: uniqueEmail('weak'), password: 'short', name: 'Weak' },
    });
    expect(weak.status).toBe(400);
    const taken = await t.client().call('therapists.accept', {
      params: { token: invited.token },
      body: { email: ` ${a.email.toUpperCase()} `, password: 'a calm and careful phrase', name: 'Taken' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'email_taken' } });
    expect((await t.client().call('therapists.invitePreview', { params: { token: invited.token } })).body).toEqual({
      usable: true,
    });
  });
});

describe('the end of access', () => {
  async function activeAccess(names: [string, string], accessDays?: number) {
    const { a, b } = await t.couple(names);
    const invited = await propose(a, accessDays ? { accessDays } : {});
    await consent(a, invited.id);
    await consent(b, invited.id);
    const th = await acceptAsNew(invited.token);
    expect(await tryView(th, invited.id, 'agreements')).toBe('open');
    return { a, b, invited, th };
  }

  it('either partner revokes: the next request is refused and the therapist’s open stream closes', async () => {
    const { a, b, invited, th } = await activeAccess(['Abel', 'Bea']);
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 200, sameAsMissing: false });
    const stream = await th.client.stream('/api/v1/events');
    expect(stream.status).toBe(200);
    expect(await stream.next()).toMatchObject({ event: 'ready' });
    const revoked = await b.client.call('therapists.revoke', { params: { id: invited.id } });
    expect(revoked.status).toBe(204);
    expect(await stream.next(2000)).toBeNull();
    expect(stream.ended).toBe(true);
    stream.close();
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 404, sameAsMissing: true });
    expect(await tryView(th, NO_SUCH_ACCESS, 'agreements')).toBe(MISSING);
    expect((await th.client.call('therapists.couples')).body).toEqual({ couples: [], waiting: 0 });
    // Idempotent, by either; the access stays in the list as revoked, and cannot be consented again.
    expect((await a.client.call('therapists.revoke', { params: { id: invited.id } })).status).toBe(204);
    expect((await accessOf(a, invited.id)).state).toBe('revoked');
    const row = await t.deps.db
      .selectFrom('therapist_accesses')
      .selectAll()
      .where('id', '=', invited.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_by).toBe(b.id);
    const late = await a.client.call('therapists.consent', { params: { id: invited.id }, body: { include: ['agreements'] } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'access_closed' } });
  });

  it('a waiting invitation is withdrawn the same way: its link stops working', async () => {
    const { a } = await t.couple(['Cato', 'Dina']);
    const invited = await propose(a);
    expect((await a.client.call('therapists.revoke', { params: { id: invited.id } })).status).toBe(204);
    expect((await t.client().call('therapists.invitePreview', { params: { token: invited.token } })).body).toEqual({
      usable: false,
    });
    const res = await t.client().call('therapists.accept', {
      params: { token: invited.token },
      body: { email: uniqueEmail('withdrawn'), password: 'a calm and careful phrase', name: 'Withdrawn' },
    });
    expect(res.status).toBe(404);
  });

  it('expires at access_until exactly; an unused link lapses after 14 days', async () => {
    // 20 days: past the link's 14, within a session's 30.
    const { a, invited, th } = await activeAccess(['Eda', 'Finn'], 20);
    const lapsing = await propose(a);
    const until = Date.parse((await accessOf(a, invited.id)).accessUntil);
    t.clock.set(new Date(until - 1));
    expect(await tryView(th, invited.id, 'agreements')).toBe('open');
    expect((await accessOf(a, lapsing.id)).state).toBe('expired');
    expect((await t.client().call('therapists.invitePreview', { params: { token: lapsing.token } })).body).toEqual({
      usable: false,
    });
    t.clock.set(new Date(until));
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 404, sameAsMissing: true });
    expect((await th.client.call('therapists.couples')).body).toEqual({ couples: [], waiting: 0 });
    expect(await accessOf(a, invited.id)).toMatchObject({ state: 'expired', visible: [] });
    const late = await a.client.call('therapists.consent', { params: { id: invited.id }, body: { include: ['agreements'] } });
    expect(late.status).toBe(409);
  });

  it('leaving the space ends every access of it, and closes the therapist’s stream', async () => {
    const { a, b, invited, th } = await activeAccess(['Gil', 'Hana']);
    const stream = await th.client.stream('/api/v1/events');
    await stream.next();
    expect((await leaveSpace(b)).status).toBe(200);
    expect(await stream.next(2000)).toBeNull();
    stream.close();
    expect(await agreementsOver(th, invited.id)).toEqual({ status: 404, sameAsMissing: true });
    expect((await th.client.call('therapists.couples')).body).toEqual({ couples: [], waiting: 0 });
    const row = await t.deps.db
      .selectFrom('therapist_accesses')
      .selectAll()
      .where('id', '=', invited.id)
      .executeTakeFirstOrThrow();
    expect(row.ended_at).toEqual(expect.any(String));
    // Each is in a fresh space now: the old access is another space's, answered like a missing one.
    expect((await a.client.call('therapists.list')).body.accesses).toEqual([]);
    expect((await a.client.call('therapists.revoke', { params: { id: invited.id } })).status).toBe(404);
  });
});

describe('the access log', () => {
  it('records each view (which and when, no content), newest first, for both partners', async () => {
    const { a, b } = await t.couple(['Ivo', 'Jade']);
    const invited = await propose(a);
    await consent(a, invited.id);
    await consent(b, invited.id);
    const th = await acceptAsNew(invited.token);
    expect(await tryView(th, invited.id, 'agreements')).toBe('open');
    t.clock.advance(60_000);
    expect(await tryView(th, invited.id, 'figures')).toBe('open');
    // A refused view is not a view.
    expect(await tryView(th, invited.id, 'checkins')).toBe(MISSING);
    for (const p of [a, b]) {
      const { log } = await accessOf(p, invited.id);
      expect(log.map((e) => e.view)).toEqual(['figures', 'agreements']);
      expect(Object.keys(log[0] ?? {}).sort()).toEqual(['at', 'view']);
      expect(Date.parse(log[0]?.at ?? '') - Date.parse(log[1]?.at ?? '')).toBe(60_000);
    }
    // Listing couples is not a view of one.
    await th.client.call('therapists.couples');
    expect((await accessOf(a, invited.id)).log).toHaveLength(2);
  });
});

describe('safety', () => {
  it('a partner whose safety check raised concern can still consent; nothing of it reaches the therapist', async () => {
    const { a, b } = await t.couple(['Kira', 'Leif']);
    const all = Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'yes']));
    const put = await b.client.put('/api/v1/safety', { answers: all });
    expect(put.body.concern).toBe(true);
    const invited = await propose(a);
    await consent(b, invited.id);
    await consent(a, invited.id);
    const th = await acceptAsNew(invited.token);
    for (const res of [await th.client.call('therapists.couples'), await th.client.call('auth.me')]) {
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/safety|concern/i);
    }
  });
});

describe('Idempotency-Key on the partners’ writes', () => {
  it('a replayed proposal, consent or revocation answers the first result and changes nothing', async () => {
    const { a, b } = await t.couple(['Mara', 'Nils']);
    const key = { 'Idempotency-Key': 'therapist-propose-1' };
    const first = await a.client.call('therapists.invite', { body: {} }, key);
    const replay = await a.client.call('therapists.invite', { body: {} }, key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await a.client.call('therapists.list')).body.accesses).toHaveLength(1);

    const id = first.body.id;
    const consentKey = { 'Idempotency-Key': 'therapist-consent-1' };
    await freshReauth(b);
    await b.client.call('therapists.consent', { params: { id }, body: { include: ['agreements'] } }, consentKey);
    await b.client.call('therapists.consent', { params: { id }, body: { include: ['agreements', 'figures'] } });
    const replayed = await b.client.call('therapists.consent', { params: { id }, body: { include: ['agreements'] } }, consentKey);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    // The replay changed nothing: the later choice stands.
    expect((await accessOf(b, id)).myInclude).toEqual(['agreements', 'figures']);

    const revokeKey = { 'Idempotency-Key': 'therapist-revoke-1' };
    expect((await a.client.call('therapists.revoke', { params: { id } }, revokeKey)).status).toBe(204);
    const again = await a.client.call('therapists.revoke', { params: { id } }, revokeKey);
    expect(again.status).toBe(204);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
