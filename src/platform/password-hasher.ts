import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, so it cannot be imported here).
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
  /** Spend the same effort as a real check, so a missing account answers as slowly as a wrong password. */
  verifyNothing(password: string): Promise<void>;
}

// OWASP's argon2id baseline (19 MiB, 2 passes). The test setting is for the suite only: it is chosen
// by ATTUNE_FAST_HASHING=1 and keeps dozens of sign-ups per test file fast.
const STANDARD = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const FAST_FOR_TESTS = { memoryCost: 256, timeCost: 1, parallelism: 1 };

export function createPasswordHasher(setting: 'standard' | 'fast-for-tests'): PasswordHasher {
  const options = { algorithm: ARGON2ID as never, ...(setting === 'standard' ? STANDARD : FAST_FOR_TESTS) };
  let decoy: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    verifyNothing: async (password) => {
      decoy ??= hash('attune-decoy-password', options);
      await verify(await decoy, password).catch(() => false);
    },
  };
}
