import { randomUUID } from 'node:crypto';
import { freshReauth } from '../../support/test-app.js';
import type { Call, Scenario } from './types.js';

// Therapist access (decision 023). The couple manage their own space's accesses: anyone else's, and
// one that does not exist, answer alike (404). A therapist is refused the partners' routes (403) and
// lists only the couples whose access is active for them (names checked by the matrix: a therapist
// waiting, revoked, expired or working with another couple never reads the author's couple's names).

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const anotherId = (c: Call): Call => ({ ...c, path: c.path.replace(UUID, randomUUID()) });

export const therapistsScenarios: Record<string, Scenario> = {
  'therapists.invite': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/space/therapist-invites', body: { email: null } }),
    // Alone there is no couple to invite a therapist to.
    expected: { author: 201, partner: 201, outsider: 409, signedOut: 401 },
    // Each proposal is a new access of its own: several may exist side by side.
    successesShareWorld: true,
  },
  'therapists.consent': {
    // Each actor has just typed their password again, as granting needs (decision 024).
    prepare: async (_t, w) => {
      const invited = await w.author.client.call('therapists.invite', { body: {} });
      return async (actor) => {
        if (actor !== 'signedOut') await freshReauth(w[actor]);
        return {
          method: 'POST',
          path: `/api/v1/space/therapist-invites/${invited.body.id}/consent`,
          body: { include: ['agreements'] },
        };
      };
    },
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: anotherId,
    // Each partner's consent is their own row.
    successesShareWorld: true,
  },
  'therapists.list': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/space/therapists' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'therapists.revoke': {
    // An access accepted by a therapist: revoking it also closes the therapist's streams.
    prepare: async (t, w) => {
      const invited = await w.author.client.call('therapists.invite', { body: {} });
      const accepted = await t.client('revoked therapist').call('therapists.accept', {
        params: { token: invited.body.token },
        body: { email: `revoked.${randomUUID()}@clinic.example.org`, password: 'a long and private phrase', name: 'Revoked' },
      });
      if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
      return { method: 'DELETE', path: `/api/v1/space/therapists/${invited.body.id}` };
    },
    expected: { author: 204, partner: 204, outsider: 404, signedOut: 401 },
    missing: anotherId,
  },
  'therapists.invitePreview': {
    prepare: async (_t, w) => {
      const invited = await w.partner.client.call('therapists.invite', { body: {} });
      return { method: 'GET', path: `/api/v1/therapist-invites/${invited.body.token}` };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
  },
  'therapists.accept': {
    // A fresh link for each actor. A partner's account never accepts; signed out, {} is not enough
    // (an email, a password and a name make the account); any therapist account accepts (200).
    prepare: async (_t, w) => async () => {
      const invited = await w.author.client.call('therapists.invite', { body: {} });
      return { method: 'POST', path: `/api/v1/therapist-invites/${invited.body.token}/accept`, body: {} };
    },
    expected: {
      author: 403,
      partner: 403,
      outsider: 403,
      signedOut: 400,
      therapistActive: 200,
      therapistOneConsent: 200,
      therapistRevoked: 200,
      therapistExpired: 200,
      therapistOther: 200,
    },
    successesShareWorld: true,
  },
  'therapists.couples': {
    // Every therapist account lists its own couples; only therapistActive finds the author's couple
    // there, and only therapistOther finds the other couple (the matrix checks the names).
    prepare: async () => ({ method: 'GET', path: '/api/v1/therapist/couples' }),
    expected: {
      author: 403,
      partner: 403,
      outsider: 403,
      signedOut: 401,
      therapistActive: 200,
      therapistOneConsent: 200,
      therapistRevoked: 200,
      therapistExpired: 200,
      therapistOther: 200,
    },
  },
};
