import { defineContract } from '../../http/contract.js';
import {
  AcceptBody,
  Accepted,
  AccessIdParams,
  AccessList,
  AccessView,
  ConsentBody,
  CoupleList,
  Invited,
  InvitePreview,
  InviteTokenParams,
  ProposeBody,
} from './therapists.schema.js';

const tag = 'therapists';

// Partners propose, consent (each choosing what the therapist may see), read the access log and
// revoke; a therapist accepts through the link and lists the couples whose access is active. Any
// access the caller may not manage or use answers exactly like one that does not exist (404).

export const propose = defineContract({
  id: 'therapists.invite',
  method: 'POST',
  path: '/api/v1/space/therapist-invites',
  tag,
  summary: 'Propose inviting a therapist, by email or with a link to hand over; access waits for both of us',
  access: 'signed-in',
  body: ProposeBody,
  idempotent: true,
  success: { status: 201, schema: Invited },
  errors: [400, 401, 403, 409],
});

export const consent = defineContract({
  id: 'therapists.consent',
  method: 'POST',
  path: '/api/v1/space/therapist-invites/:id/consent',
  tag,
  summary:
    'Consent, choosing which kinds of shared things the therapist may see; later, narrow that choice. Granting (a first consent or a kind added) needs a fresh re-authentication (403 reauth_required); narrowing does not',
  access: 'signed-in',
  params: AccessIdParams,
  body: ConsentBody,
  idempotent: true,
  success: { status: 200, schema: AccessView },
  errors: [400, 401, 403, 404, 409],
});

export const list = defineContract({
  id: 'therapists.list',
  method: 'GET',
  path: '/api/v1/space/therapists',
  tag,
  summary: 'Each therapist access of our space: its state, expiry, what each of us included, and its log',
  access: 'signed-in',
  success: { status: 200, schema: AccessList },
  errors: [401, 403],
});

export const revoke = defineContract({
  id: 'therapists.revoke',
  method: 'DELETE',
  path: '/api/v1/space/therapists/:id',
  tag,
  summary: 'End a therapist’s access at once (either of us), or withdraw an invitation',
  access: 'signed-in',
  params: AccessIdParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404],
});

export const preview = defineContract({
  id: 'therapists.invitePreview',
  method: 'GET',
  path: '/api/v1/therapist-invites/:token',
  tag,
  summary: 'Whether a therapist invitation link can still be used (nothing about the couple)',
  access: 'public',
  params: InviteTokenParams,
  success: { status: 200, schema: InvitePreview },
  errors: [400],
});

export const accept = defineContract({
  id: 'therapists.accept',
  method: 'POST',
  path: '/api/v1/therapist-invites/:token/accept',
  tag,
  summary:
    'Accept an invitation as a therapist: signed out, with an email, a password and a name, it makes a therapist account and signs it in (201); signed in as a therapist, with {} (200)',
  access: 'public',
  params: InviteTokenParams,
  body: AcceptBody,
  limitPerAddress: true,
  success: { status: 201, alsoStatus: 200, schema: Accepted },
  errors: [400, 403, 404, 409, 429],
});

export const couples = defineContract({
  id: 'therapists.couples',
  method: 'GET',
  path: '/api/v1/therapist/couples',
  tag,
  summary: 'The couples whose consent I hold now, with their first names and until when',
  access: 'therapist',
  success: { status: 200, schema: CoupleList },
  errors: [401, 403],
});

export const therapistContracts = [propose, consent, list, revoke, preview, accept, couples] as const;
