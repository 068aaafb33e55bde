import type { Answer } from '../../api/client';

// "For me": the shared types of the private journal's screen.

export type Entry = Answer<'journal.get'>;
export type Prompt = Answer<'journal.prompts'>['prompts'][number];

/**
 * Runs a journal request; when the private places have closed (403 reauth_required), asks for the
 * password in place and runs `again` once it is given, so what the person was doing still happens.
 */
export type Guard = (work: () => Promise<void>, again: () => void) => Promise<void>;
