import { ACK_CHANGED, APPRECIATION_ADDED, COMMITMENT_CHANGED, LOG_CHANGED } from '../../../../src/domain/commitments';
import type { ResourceOptions } from '../../lib/use-resource';

// The Act screens fetch again when the partner's side changes (events carry ids and kinds only)
// and when writes kept offline have gone through.

export const ACT_REFRESH: ResourceOptions = {
  liveKinds: [COMMITMENT_CHANGED, LOG_CHANGED, ACK_CHANGED, APPRECIATION_ADDED, 'space.changed'],
  afterOutbox: true,
};
