/**
 * Step 2, Why: what each partner thinks contributed to the neglect. Pure: no I/O.
 *
 * Each person marks causes from a list and/or in their own words, privately. Each chooses when to
 * reveal. Only once both have revealed does either see the other's marks; before that, a partner
 * may learn that the other has revealed (the revealer chose that), never what.
 */

export const CAUSES = [
  {
    id: 'outside-stress',
    label: 'Stress from outside the relationship',
    hint: 'Work, money, family, health: pressure that left little room for each other.',
  },
  {
    id: 'unvoiced-feelings',
    label: 'Feelings that were never voiced',
    hint: 'Things one of us felt but did not say, or did not know how to say.',
  },
  {
    id: 'unresolved-conflict',
    label: 'Conflict that was never resolved',
    hint: 'Disagreements that were set aside instead of worked through.',
  },
  {
    id: 'communication-breakdown',
    label: 'A breakdown in communication',
    hint: 'Talking less, or talking without feeling heard.',
  },
  {
    id: 'fear-of-vulnerability',
    label: 'Fear of being vulnerable',
    hint: 'Holding back, because opening up felt risky.',
  },
  {
    id: 'not-realising',
    label: 'Not realising the effect',
    hint: 'Not seeing, at the time, how much it hurt.',
  },
  {
    id: 'different-needs',
    label: 'Differences in what we each need',
    hint: 'Needing closeness, space or reassurance in different amounts or ways.',
  },
  {
    id: 'patterns',
    label: 'Patterns we fall into',
    hint: 'Habits, perhaps learned long ago, that we repeat without meaning to.',
  },
] as const;

export type CauseId = (typeof CAUSES)[number]['id'];

export const CAUSE_IDS: readonly CauseId[] = CAUSES.map((c) => c.id);

/** Limits on what one person can mark, so a set stays something two people can read together. */
export const CAUSE_LIMITS = { ownWords: 10, ownWordsLength: 500, noteLength: 1000, understandingLength: 4000 } as const;

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value);
}

export function causeLabel(id: CauseId): string {
  return CAUSES.find((c) => c.id === id)?.label ?? id;
}

export interface CauseComparison {
  /** Marked by both. */
  shared: CauseId[];
  onlyMine: CauseId[];
  onlyTheirs: CauseId[];
}

/**
 * Where two revealed sets agree and differ, over the list items only (own words are shown side by
 * side, not matched). Each result follows the list's order, without repeats; unknown ids are ignored.
 */
export function compareCauses(mine: readonly string[], theirs: readonly string[]): CauseComparison {
  const a = new Set(mine);
  const b = new Set(theirs);
  return {
    shared: CAUSE_IDS.filter((id) => a.has(id) && b.has(id)),
    onlyMine: CAUSE_IDS.filter((id) => a.has(id) && !b.has(id)),
    onlyTheirs: CAUSE_IDS.filter((id) => !a.has(id) && b.has(id)),
  };
}

export type RevealStage = 'neither' | 'only-me' | 'only-them' | 'both';

export function revealStage(meRevealed: boolean, themRevealed: boolean): RevealStage {
  if (meRevealed && themRevealed) return 'both';
  if (meRevealed) return 'only-me';
  if (themRevealed) return 'only-them';
  return 'neither';
}

/** Each sees the other's marks, and the shared understanding opens, only once both have revealed. */
export function bothRevealed(meRevealed: boolean, themRevealed: boolean): boolean {
  return revealStage(meRevealed, themRevealed) === 'both';
}
