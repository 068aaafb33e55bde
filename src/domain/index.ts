// The pure domain of Attune: no I/O, no clock reads, no database. Acceptance tests call these.
export * from './access-policy.js';
export * from './bids.js';
export * from './causes.js';
export { assessNeed, type NeedAssessment, type NeedPart } from './coach/need-coach.js';
export { type Finding, type FindingKind, reviewStatement, type StatementRole } from './coach/statement-coach.js';
export * from './commitments.js';
export * from './conversation.js';
export { normalizeEmail } from './email.js';
export * from './follow-through.js';
export * from './journey.js';
export * from './needs.js';
export { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.js';
export * from './safety.js';
export * from './schedule.js';
export * from './understand.js';
export * from './zoned-time.js';
