import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_safety_checks.js';
import * as m0003 from './0003_self_checks.js';
import * as m0004 from './0004_causes.js';
import * as m0005 from './0005_needs.js';
import * as m0006 from './0006_events.js';
import * as m0007 from './0007_conversations.js';
import * as m0008 from './0008_commitments.js';
import * as m0009 from './0009_checkins.js';
import * as m0010 from './0010_bids.js';
import * as m0011 from './0011_idempotency.js';
import * as m0012 from './0012_notifications.js';
import * as m0013 from './0013_calendar.js';
import * as m0014 from './0014_push.js';
import * as m0015 from './0015_reminders.js';
import * as m0016 from './0016_pulses.js';
import * as m0017 from './0017_reflection.js';
import * as m0018 from './0018_closeness_and_for_me.js';
import * as m0019 from './0019_therapists.js';
import * as m0020 from './0020_account_security.js';
import * as m0021 from './0021_erasure.js';
import * as m0022 from './0022_passkeys.js';
import * as m0023 from './0023_withdrawn_marks.js';
import * as m0024 from './0024_event_sequence.js';
import * as m0025 from './0025_change_generations.js';

/** Forward-only, in order. Add the next file here; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_safety_checks': m0002,
  '0005_needs': m0005,
  '0006_events': m0006,
  '0004_causes': m0004,
  '0003_self_checks': m0003,
  '0007_conversations': m0007,
  '0008_commitments': m0008,
  '0009_checkins': m0009,
  '0010_bids': m0010,
  '0011_idempotency': m0011,
  '0012_notifications': m0012,
  '0013_calendar': m0013,
  '0014_push': m0014,
  '0015_reminders': m0015,
  '0016_pulses': m0016,
  '0017_reflection': m0017,
  '0018_closeness_and_for_me': m0018,
  '0019_therapists': m0019,
  '0020_account_security': m0020,
  '0021_erasure': m0021,
  '0022_passkeys': m0022,
  '0023_withdrawn_marks': m0023,
  '0024_event_sequence': m0024,
  '0025_change_generations': m0025,
};
