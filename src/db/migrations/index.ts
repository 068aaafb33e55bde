import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_safety_checks.js';
import * as m0006 from './0006_events.js';

/** Forward-only, in order. Add the next file here; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_safety_checks': m0002,
  '0006_events': m0006,
};
