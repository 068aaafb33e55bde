// Operator command: prints a one-time password reset link for an account, for self-hosters
// without email. Usage: npm run reset-link -- person@example.org
import { boot } from '../boot.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { normalizeEmail } from '../domain/email.js';
import { createResetLink } from '../features/auth/password-reset.service.js';
import { findUserByEmail } from '../features/auth/users.repo.js';

async function main(): Promise<number> {
  const email = process.argv[2];
  if (!email || process.argv.length > 3) {
    console.error('Usage: npm run reset-link -- person@example.org');
    return 2;
  }
  const deps = await boot({ ...loadConfig(), logLevel: 'warn' });
  try {
    const user = await findUserByEmail(deps.db, normalizeEmail(email));
    if (!user) {
      console.error(`No account uses ${normalizeEmail(email)}.`);
      return 1;
    }
    const link = await createResetLink(deps, user.id);
    console.log(`A one-time reset link for ${user.email}, valid until ${link.expiresAt.toISOString()} (30 minutes):`);
    console.log(link.url);
    console.log('Give it to the person privately. Using it signs out all their devices.');
    return 0;
  } finally {
    await deps.db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not make a reset link: ${(error as Error).message}`);
    process.exit(1);
  },
);
