/**
 * The conversation coach: reads one statement and points, gently, at phrases that tend to make a
 * partner defend rather than listen. Pure: no I/O, no clock, no Node-only APIs; the same answer in
 * the browser and in Node. How it works and its limits: docs/decisions/007-coaches.md.
 */
import { normalise } from './normalise.js';
import type { FindingKind } from './statement-kinds.js';
import { MESSAGES, type RuleContext, STATEMENT_RULES } from './statement-rules.js';

export type { FindingKind };

export type StatementRole = 'speaker' | 'listener' | 'apology';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offset into the original text, inclusive. */
  start: number;
  /** UTF-16 offset into the original text, exclusive. */
  end: number;
  message: string;
  suggestion?: string;
}

/** Kinds any statement is checked for. */
export const SPEAKER_KINDS: readonly FindingKind[] = [
  'absolute',
  'attack',
  'contempt',
  'mind-reading',
  'blame',
  'disguised-judgement',
  'conditional',
  'guilt-trip',
];
/** Kinds checked when answering what a partner shared (listener) or apologising. */
export const RESPONSE_KINDS: readonly FindingKind[] = ['counter-attack', 'denial', 'excuse', 'dismissal'];

const KINDS_BY_ROLE: Record<StatementRole, ReadonlySet<FindingKind>> = {
  speaker: new Set(SPEAKER_KINDS),
  listener: new Set([...SPEAKER_KINDS, ...RESPONSE_KINDS]),
  apology: new Set<FindingKind>([...SPEAKER_KINDS, ...RESPONSE_KINDS, 'non-apology']),
};

const CONTEXT_CHARS = 100;
// A clause ends at punctuation or a joining word; "anything but kind" keeps its "but".
const CLAUSE_END = /[.!?;:,\n"()]|\s(?:and|though|although|yet|while|whereas)\s|(?<!anything|nothing)\sbut\s(?!me\b)/;
const CLAUSE_START = /[.!?;:,\n"()][^.!?;:,\n"()]*$/;
const SENTENCE_END = /[.!?\n]/;

function contextAround(text: string, start: number, end: number, match: string): RuleContext {
  const head = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const cut = CLAUSE_START.exec(head);
  const tail = text.slice(end, end + CONTEXT_CHARS);
  const stop = CLAUSE_END.exec(tail);
  const sentence = SENTENCE_END.exec(tail);
  return {
    match,
    before: cut ? head.slice(cut.index + 1) : head,
    after: stop ? tail.slice(0, stop.index) : tail,
    rest: sentence ? tail.slice(0, sentence.index) : tail,
    text,
  };
}

const byPosition = (a: Finding, b: Finding): number =>
  a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);

export function reviewStatement(text: string, role: StatementRole): Finding[] {
  const source = typeof text === 'string' ? text : '';
  const kinds = KINDS_BY_ROLE[role] ?? KINDS_BY_ROLE.speaker;
  const norm = normalise(source);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of STATEMENT_RULES) {
    if (!kinds.has(rule.kind)) continue;
    for (const m of norm.text.matchAll(rule.pattern)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const phrase = raw.trim();
      if (phrase.length === 0) continue;
      const s = (m.index ?? 0) + lead;
      const e = s + phrase.length;
      const context = contextAround(norm.text, s, e, phrase);
      if (rule.skip?.(context)) continue;
      const start = norm.toOriginal(s);
      const end = norm.toOriginal(e);
      const key = `${rule.kind}:${start}:${end}`;
      if (end <= start || seen.has(key)) continue;
      seen.add(key);
      const suggestion = typeof rule.suggest === 'function' ? rule.suggest(context) : rule.suggest;
      const finding: Finding = { kind: rule.kind, start, end, message: rule.message ?? MESSAGES[rule.kind] };
      if (suggestion) finding.suggestion = suggestion;
      findings.push(finding);
    }
  }
  return mergeSameKind(findings.sort(byPosition));
}

/** Two findings of one kind over overlapping words are one finding: one underline, one message. */
function mergeSameKind(sorted: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of sorted) {
    const twin = kept.find((k) => k.kind === f.kind && f.start < k.end);
    if (twin) twin.end = Math.max(twin.end, f.end);
    else kept.push(f);
  }
  return kept;
}
