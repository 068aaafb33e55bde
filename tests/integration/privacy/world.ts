import { randomUUID } from 'node:crypto';
import { THERAPIST_VIEWS } from '../../../src/domain/therapist-access.js';
import { loadActor } from '../../../src/features/spaces/spaces.read.js';
import { insertAccess, putConsent } from '../../../src/features/therapists/therapists.repo.js';
import { therapistInviteHash } from '../../../src/features/therapists/therapists.service.js';
import { newId, newSecretToken } from '../../../src/shared/ids.js';
import { addMs, DAY_MS, toDbTime } from '../../../src/shared/time.js';
import type { Person, TestApp } from '../../support/test-app.js';
import { isTherapistActor, THERAPIST_ACTORS, type TherapistKey, type World } from './types.js';

// The matrix's worlds: a couple, an outsider with an open invite, and (unless asked not to) the five
// therapists, each holding the access its name says, and the other couple therapistOther works with.

const PASSWORD = 'a long and private phrase';

async function ok<T>(what: string, res: Promise<{ status: number; text: string; body: T }>, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

/** A therapist account made through the invitation, signed in; the same password as every test account. */
async function acceptAs(t: TestApp, token: string, name: string): Promise<Person> {
  const client = t.client(name);
  const email = `${name.toLowerCase()}@clinic.example.org`;
  const body = { email, password: PASSWORD, name };
  await ok('accept', client.call('therapists.accept', { params: { token }, body }), 201);
  const row = await t.deps.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
  if (row.role !== 'therapist') throw new Error(`${name} is not a therapist`);
  return { client, id: row.id, email, name, password: PASSWORD };
}

interface Planned {
  id: string;
  token: string;
  spaceId: string;
  proposedBy: Person;
  consents: Person[];
}

/**
 * The accesses, written in one transaction through the feature's own repository (the routes that
 * make them are tested in therapists.test.ts; here they are only the ground the matrix stands on).
 */
async function writeAccesses(t: TestApp, planned: readonly Planned[]): Promise<void> {
  const now = t.clock.now();
  const nowIso = toDbTime(now);
  await t.deps.db.transaction().execute(async (trx) => {
    for (const p of planned) {
      await insertAccess(trx, {
        id: p.id,
        spaceId: p.spaceId,
        proposedBy: p.proposedBy.id,
        tokenHash: therapistInviteHash(t.deps, p.token),
        emailSealed: null,
        createdAt: nowIso,
        inviteExpiresAt: toDbTime(addMs(now, 14 * DAY_MS)),
        // A year, so no scenario's clock can end the active access by accident.
        accessUntil: toDbTime(addMs(now, 365 * DAY_MS)),
      });
      for (const who of p.consents) {
        await putConsent(trx, { id: newId(now), accessId: p.id, userId: who.id, include: THERAPIST_VIEWS, nowIso });
      }
    }
  });
}

async function spaceOf(t: TestApp, p: Person): Promise<string> {
  const actor = await loadActor(t.deps.db, p.id);
  if (!actor) throw new Error(`${p.name} has no space`);
  return actor.spaceId;
}

let other: { couple: { a: Person; b: Person }; uses: number } | undefined;
async function otherCouple(t: TestApp): Promise<{ a: Person; b: Person }> {
  if (!other || other.uses >= 12) {
    const tag = randomUUID().slice(0, 8);
    other = { couple: await t.couple([`OtherA${tag}`, `OtherB${tag}`]), uses: 0 };
  }
  other.uses += 1;
  return other.couple;
}

/** The therapists' side of a world: five accounts and their accesses. */
async function therapists(t: TestApp, tag: string, a: Person, b: Person, other: { a: Person; b: Person }) {
  const ours = await spaceOf(t, a);
  const now = t.clock.now();
  const plan = (spaceId: string, proposedBy: Person, consents: Person[]): Planned => ({
    id: newId(now),
    token: newSecretToken(),
    spaceId,
    proposedBy,
    consents,
  });
  const planned = {
    therapistActive: plan(ours, a, [a, b]),
    therapistOneConsent: plan(ours, a, [b]),
    therapistRevoked: plan(ours, b, [a, b]),
    therapistExpired: plan(ours, a, [a, b]),
    therapistOther: plan(await spaceOf(t, other.a), other.a, [other.a, other.b]),
  } satisfies Record<TherapistKey, Planned>;
  await writeAccesses(t, Object.values(planned));
  const people = {} as Record<TherapistKey, Person>;
  for (const key of THERAPIST_ACTORS) people[key] = await acceptAs(t, planned[key].token, `${key}${tag}`);
  const accessIds = Object.fromEntries(THERAPIST_ACTORS.map((key) => [key, planned[key].id])) as Record<TherapistKey, string>;
  await ok('revoke', a.client.call('therapists.revoke', { params: { id: accessIds.therapistRevoked } }), 204);
  const past = toDbTime(new Date(now.getTime() - 1));
  await t.deps.db
    .updateTable('therapist_accesses')
    .set({ access_until: past })
    .where('id', '=', accessIds.therapistExpired)
    .execute();
  return { people, accessIds };
}

let worlds = 0;
const withTherapistsMade = new WeakSet<World>();

/** Whether this world has its therapists (and the other couple). */
export const hasTherapists = (w: World): boolean => withTherapistsMade.has(w);

/**
 * A new world. Without therapists (a world for one more successful write by the couple or the
 * outsider) it is cheaper; asking it for a therapist then fails loudly rather than testing nothing.
 */
export async function newWorld(t: TestApp, withTherapists: boolean): Promise<World> {
  worlds += 1;
  const tag = `${worlds}${randomUUID().slice(0, 6)}`;
  const { a, b } = await t.couple([`Author${tag}`, `Partner${tag}`]);
  const outsider = await t.signUp(`Outsider${tag}`);
  const invite = await ok('outsider invite', outsider.client.call('spaces.invites.create'), 201);
  if (withTherapists) {
    const other = await otherCouple(t);
    const base = { author: a, partner: b, outsider, outsiderInviteToken: invite.token, otherCouple: other };
    const { people, accessIds } = await therapists(t, tag, a, b, other);
    const world: World = {
      ...base,
      ...people,
      accessIds,
      coupleFor: (actor) =>
        isTherapistActor(actor) && actor !== 'therapistOther' ? accessIds[actor] : accessIds.therapistActive,
    };
    withTherapistsMade.add(world);
    return world;
  }
  const absent = (): never => {
    throw new Error('this world was built without therapists (a fresh world for one more successful write)');
  };
  const base = { author: a, partner: b, outsider, outsiderInviteToken: invite.token };
  const world = { ...base, coupleFor: absent } as unknown as World;
  for (const key of [...THERAPIST_ACTORS, 'accessIds', 'otherCouple'] as const)
    Object.defineProperty(world, key, { get: absent });
  return world;
}
