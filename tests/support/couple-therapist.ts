/**
 * A therapist's access to a couple, made through the API as people make it (decision 023): one
 * partner proposes, a new therapist account accepts the link, each partner consents with the views
 * they include. Used by the therapist views, summary and privacy tests.
 */
import { randomBytes } from 'node:crypto';
import type { TherapistView } from '../../src/domain/therapist-access.js';
import { freshReauth, type Person, type TestApp, type TestClient } from './test-app.js';

export interface TherapistAccess {
  accessId: string;
  therapist: Person;
}

let counter = 0;

/** A new therapist account accepting `proposer`'s fresh invitation (no consent yet). */
export async function invitedTherapist(t: TestApp, proposer: Person, name = 'Robin Therapist'): Promise<TherapistAccess> {
  const invite = await proposer.client.call('therapists.invite', { body: { email: null } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  counter += 1;
  const client: TestClient = t.client(name);
  const email = `therapist.${counter}.${randomBytes(3).toString('hex')}@example.org`;
  const password = 'a long and private therapist phrase';
  const accepted = await client.call('therapists.accept', {
    params: { token: invite.body.token },
    body: { email, password, name },
  });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  const me = await client.call('auth.me');
  return { accessId: invite.body.id, therapist: { client, id: me.body.id, email, name, password } };
}

export async function consent(p: Person, accessId: string, include: readonly TherapistView[]): Promise<void> {
  // Granting asks for the password typed in the last five minutes (decision 024).
  await freshReauth(p);
  const res = await p.client.call('therapists.consent', { params: { id: accessId }, body: { include: [...include] } });
  if (res.status !== 200) throw new Error(`consent failed: ${res.status} ${res.text}`);
}

/** An active access: `a` proposes, a therapist accepts, both consent (each with their own list, or the same). */
export async function activeTherapist(
  t: TestApp,
  a: Person,
  b: Person,
  include: readonly TherapistView[],
  includeB: readonly TherapistView[] = include,
): Promise<TherapistAccess> {
  const access = await invitedTherapist(t, a);
  await consent(a, access.accessId, include);
  await consent(b, access.accessId, includeB);
  return access;
}
