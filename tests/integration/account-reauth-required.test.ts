import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { invitedTherapist } from '../support/couple-therapist.js';
import { createTestApp, freshReauth, type Person, type TestApp, type TestResponse } from '../support/test-app.js';

// Sensitive actions need a fresh re-authentication (decision 024): the password typed again on this
// session within the last 5 minutes, never slid; signing in alone does not count. Here: leaving the
// space (a deliberate change of that route's contract), consenting to a therapist (granting, not
// narrowing) and changing the email. Otherwise 403 reauth_required, and nothing changes.

let t: TestApp;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => {
  t.clock.set('2026-03-02T09:00:00.000Z');
});
afterAll(async () => {
  await t?.close();
});

function expectReauthRequired(res: TestResponse): void {
  expect(res.status, res.text).toBe(403);
  expect(res.body).toMatchObject({ error: { code: 'reauth_required', message: expect.any(String) } });
}

const partnerOf = async (p: Person) => (await p.client.call('spaces.get')).body.partner?.id ?? null;

describe('leaving the space', () => {
  it('asks for the password again first, and nothing changes until it is given', async () => {
    const { a, b } = await t.couple(['Vera', 'Wim']);
    expectReauthRequired(await a.client.call('spaces.leave'));
    expect(await partnerOf(a)).toBe(b.id);
    expect(await partnerOf(b)).toBe(a.id);

    await freshReauth(a);
    const left = await a.client.call('spaces.leave');
    expect(left.status, left.text).toBe(200);
    expect(await partnerOf(b)).toBeNull();
  });

  it('signing in alone does not count; the stamp holds 5 minutes (exactly 5 still), never slid, on this session only', async () => {
    const { a, b } = await t.couple(['Xia', 'Yul']);
    const fresh = t.client('just signed in');
    expect((await fresh.call('auth.login', { body: { email: a.email, password: a.password } })).status).toBe(200);
    expectReauthRequired(await fresh.call('spaces.leave'));

    await freshReauth(a);
    // Another session of the same person is not stamped by it.
    expectReauthRequired(await fresh.call('spaces.leave'));
    t.clock.advance(5 * MINUTE + 1);
    expectReauthRequired(await a.client.call('spaces.leave'));
    await freshReauth(a);
    t.clock.advance(5 * MINUTE);
    expect((await a.client.call('spaces.leave')).status).toBe(200);
    expect(await partnerOf(b)).toBeNull();
  });

  it('alone there is nothing to leave: 409, and no password is asked for that', async () => {
    const p = await t.signUp('Solo');
    const res = await p.client.call('spaces.leave');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'not_shared' } });
  });

  it('a refusal is never stored with its Idempotency-Key: the retry after the password goes through', async () => {
    const { a, b } = await t.couple(['Zed', 'Abe']);
    const key = { 'idempotency-key': 'leave-after-password-1' };
    expectReauthRequired(await a.client.call('spaces.leave', undefined, key));
    await freshReauth(a);
    const retried = await a.client.call('spaces.leave', undefined, key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await partnerOf(b)).toBeNull();
  });
});

describe('consenting to a therapist', () => {
  const consent = (p: Person, id: string, include: string[]) =>
    p.client.call('therapists.consent', { params: { id }, body: { include: include as ['agreements'] } });
  const myConsentOf = async (p: Person, id: string) =>
    (await p.client.call('therapists.list')).body.accesses.find((x) => x.id === id)?.myInclude ?? null;

  it('granting (a first consent, or a kind added) asks for the password; narrowing never does', async () => {
    const { a, b } = await t.couple(['Bea', 'Cal']);
    const { accessId } = await invitedTherapist(t, a);
    expectReauthRequired(await consent(a, accessId, ['agreements', 'figures']));
    expect(await myConsentOf(a, accessId)).toBeNull();

    await freshReauth(a);
    expect((await consent(a, accessId, ['agreements', 'figures'])).status).toBe(200);
    t.clock.advance(5 * MINUTE + 1);
    // Taking something away is never slowed down by a password.
    expect((await consent(a, accessId, ['figures'])).status).toBe(200);
    expect(await myConsentOf(a, accessId)).toEqual(['figures']);
    // Adding one back is granting again.
    expectReauthRequired(await consent(a, accessId, ['figures', 'commitments']));
    expect(await myConsentOf(a, accessId)).toEqual(['figures']);

    // The partner's own first consent asks them too; a stamp of one partner opens nothing for the other.
    await freshReauth(a);
    expectReauthRequired(await consent(b, accessId, ['figures']));
  });

  it('an access that is not yours answers 404 whatever the stamp, like a missing one', async () => {
    const { a } = await t.couple(['Dov', 'Eli']);
    const other = await t.couple(['Fay', 'Gio']);
    const { accessId } = await invitedTherapist(t, a);
    const hidden = await consent(other.a, accessId, ['agreements']);
    expect(hidden.status).toBe(404);
  });
});

describe('changing the email (PATCH /me)', () => {
  const newEmail = (label: string) => `${label}.${Math.random().toString(36).slice(2, 8)}@example.org`;

  it('a new email asks for the password first; on a refusal nothing of the request is saved', async () => {
    const p = await t.signUp('Mover');
    const address = newEmail('moved');
    const refused = await p.client.call('auth.updateMe', { body: { email: address, name: 'Someone else' } });
    expectReauthRequired(refused);
    expect((await p.client.call('auth.me')).body).toMatchObject({ email: p.email, name: 'Mover' });

    await freshReauth(p);
    const res = await p.client.call('auth.updateMe', { body: { email: ` ${address.toUpperCase()} `, name: 'Mover' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.email).toBe(address);
    expect((await t.client().call('auth.login', { body: { email: address, password: p.password } })).status).toBe(200);
    expect((await t.client().call('auth.login', { body: { email: p.email, password: p.password } })).status).toBe(401);
  });

  it('the same email again (however typed), a name or a time zone need no password', async () => {
    const p = await t.signUp('Stayer');
    const res = await p.client.call('auth.updateMe', {
      body: { email: p.email.toUpperCase(), name: 'Stayer Again', timeZone: 'Asia/Tokyo' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ email: p.email, name: 'Stayer Again', timeZone: 'Asia/Tokyo' });
  });

  it('an email another account uses answers 409 email_taken; a malformed one 400', async () => {
    const p = await t.signUp('Taker');
    const other = await t.signUp('Holder');
    await freshReauth(p);
    const taken = await p.client.call('auth.updateMe', { body: { email: other.email } });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'email_taken' } });
    const bad = await p.client.call('auth.updateMe', { body: { email: 'not an email' } });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('email');
    expect((await p.client.call('auth.me')).body.email).toBe(p.email);
  });

  it('reset links sent to the old address stop working', async () => {
    const p = await t.signUp('OldLink');
    const link = await createResetLink(t.deps, p.id);
    await freshReauth(p);
    expect((await p.client.call('auth.updateMe', { body: { email: newEmail('newlink') } })).status).toBe(200);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const reset = await t.client().call('auth.passwordReset.confirm', { body: { token, password: 'taken over phrase here' } });
    expect(reset.status).toBe(400);
  });

  it('a therapist’s account follows the same rule', async () => {
    const { a } = await t.couple(['Hal', 'Ivo']);
    const { therapist } = await invitedTherapist(t, a);
    const address = newEmail('clinic');
    expectReauthRequired(await therapist.client.call('auth.updateMe', { body: { email: address } }));
    await freshReauth(therapist);
    expect((await therapist.client.call('auth.updateMe', { body: { email: address } })).body.email).toBe(address);
  });
});
