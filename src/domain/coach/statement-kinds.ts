/**
 * What the statement coach can point at: one kind per phrase family. Its own module so that the
 * rules (statement-rules.ts) and the coach that runs them (statement-coach.ts) both name the kinds
 * without importing each other.
 */
export type FindingKind =
  | 'absolute'
  | 'attack'
  | 'contempt'
  | 'mind-reading'
  | 'blame'
  | 'disguised-judgement'
  | 'conditional'
  | 'guilt-trip'
  | 'counter-attack'
  | 'denial'
  | 'excuse'
  | 'dismissal'
  | 'non-apology';
