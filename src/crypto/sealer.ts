import type { Db } from '../db/database.js';
import { newDataKey, openWithKey, type SealContext, sealWithKey, unwrapDataKey, wrapDataKey } from './seal.js';

/**
 * The seal/open pair every feature uses for text a person wrote. Text is sealed under its
 * author's data key; the key is unwrapped from the users table on first use and cached.
 */
export class Sealer {
  constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
    private readonly keys = new Map<string, Buffer>(),
  ) {}

  /** The same sealer (and key cache) looking keys up through another handle, such as a transaction. */
  within(db: Db): Sealer {
    return new Sealer(db, this.masterKey, this.keys);
  }

  /** For a new user: a fresh data key and its wrapped form to store. */
  createUserKey(userId: string): string {
    const key = newDataKey();
    this.remember(userId, key);
    return wrapDataKey(this.masterKey, userId, key);
  }

  async seal(authorId: string, context: SealContext, plaintext: string): Promise<string> {
    return sealWithKey(await this.keyOf(authorId), context, plaintext);
  }

  async open(authorId: string, context: SealContext, sealed: string): Promise<string> {
    return openWithKey(await this.keyOf(authorId), context, sealed);
  }

  forget(userId: string): void {
    this.keys.delete(userId);
  }

  private async keyOf(userId: string): Promise<Buffer> {
    const cached = this.keys.get(userId);
    if (cached) return cached;
    const row = await this.db.selectFrom('users').select('data_key_wrapped').where('id', '=', userId).executeTakeFirst();
    if (!row) throw new Error('No data key for this author');
    const key = unwrapDataKey(this.masterKey, userId, row.data_key_wrapped);
    this.remember(userId, key);
    return key;
  }

  private remember(userId: string, key: Buffer): void {
    // A bounded cache: thousands of active users fit; the oldest entry goes first.
    if (this.keys.size >= 10_000) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.set(userId, key);
  }
}
