// `npm run demo`: creates a demo couple (and the therapist they invited) through the same API the
// app uses, then says how to sign in as each. Safe to run twice: existing demo accounts are left as they are.

import { createApp } from '../app.js';
import { boot } from '../boot.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { findUserByEmail } from '../features/auth/users.repo.js';
import { ManualClock } from '../shared/clock.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './demo-seed.js';
import { DEMO_THERAPIST } from './demo-therapist.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // The seed walks this clock from six weeks ago to now, so the history carries real days.
  const clock = new ManualClock(new Date());
  const deps = await boot({ ...config, logLevel: 'warn' }, { clock });
  try {
    if (await findUserByEmail(deps.db, DEMO_PEOPLE.a.email)) {
      console.log('The demo couple already exists.');
    } else {
      await seedDemo(createApp(deps), clock);
      console.log('Created the demo couple: two partners sharing one space, and the therapist they invited.');
    }
    console.log('');
    console.log(`Start Attune with \`npm start\` and open ${config.publicUrl.origin}. Sign in as either partner:`);
    for (const person of [DEMO_PEOPLE.a, DEMO_PEOPLE.b]) {
      console.log(`  ${person.name.padEnd(6)} ${person.email}   password: ${DEMO_PASSWORD}`);
    }
    console.log('');
    console.log('And as their therapist, who sees only what both partners chose to show:');
    console.log(`  ${DEMO_THERAPIST.name}   ${DEMO_THERAPIST.email}   password: ${DEMO_PASSWORD}`);
    console.log('Use a second browser (or a private window) to be two people at once.');
  } finally {
    await deps.db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `The demo could not be created: ${(error as Error).message}`);
  process.exit(1);
});
