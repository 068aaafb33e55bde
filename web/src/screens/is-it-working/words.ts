import { TOO_EARLY_WORDS, verdictWords } from '../../../../src/domain/verdict-words';
import type { IsItWorkingView } from '../../api/client';

// The words of the "Is it working?" page, kept apart from the layout so they can be read in one
// place. Written for someone who may be hurting: plain, calm, no blame, and never a nudge to stay or
// to leave. Figures are said as counts first ("10 of 27"), with the share after.

type Facts = IsItWorkingView['facts'];
type Pulse = Facts['pulse'];

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The trend of the person's own trust pulse, worded as every verdict is (domain/verdict-words.ts). */
export function pulseTrendWords(pulse: Pulse): string {
  if (pulse.verdict === 'too-early')
    return pulse.answered === 0
      ? 'No trust pulse answered in the last 12 weeks, so there is no trend to read yet.'
      : `${TOO_EARLY_WORDS}.`;
  if (pulse.verdict === 'steady') return 'Steady: no clear rise or fall over these weeks.';
  return `${verdictWords(pulse)}.`;
}

export function conversationsWords(n: number): string {
  if (n === 0) return 'No honest conversations recorded yet, in Talk or in person.';
  return `${plural(n, 'honest conversation', 'honest conversations')} held, in Talk or recorded in person.`;
}

export function agreementsWords(f: Facts, formatDate: (iso: string) => string): string {
  if (f.agreements === 0 || f.firstAgreementAt === null) return 'No agreement on one of your needs yet.';
  const weeks = f.weeksSinceFirstAgreement ?? 0;
  const since = weeks === 0 ? 'less than a week ago' : `${plural(weeks, 'week', 'weeks')} ago`;
  return `${plural(f.agreements, 'agreement', 'agreements')} on your needs. The first was on ${formatDate(f.firstAgreementAt)}, ${since}.`;
}

export function followThroughWords(w: Facts['lastFourWeeks']): string {
  if (w.commitments === 0) return 'Your partner has no commitments on your needs at the moment.';
  if (w.due === 0 || w.partnerFollowThrough === null) return 'Nothing on your needs was due in these four weeks.';
  return `Of the ${plural(w.due, 'time', 'times')} something was due, your partner marked ${w.done} as done (${percent(w.partnerFollowThrough)}).`;
}

export function feltWords(w: Facts['lastFourWeeks']): string {
  if (w.due === 0 || w.myFeltRate === null) return 'Nothing was due, so there is nothing yet to say about what you felt.';
  return `You noticed ${w.noticed} of those ${w.due} (${percent(w.myFeltRate)}).`;
}

/** What the facts show so far, for the levels that are not a concern: one sentence per reason. */
export function soFarWords(view: IsItWorkingView): string[] {
  const f = view.facts;
  const out: string[] = [];
  for (const reason of view.signals.reasons) {
    switch (reason) {
      case 'few-conversations':
        out.push(
          `You have held ${plural(f.conversations, 'honest conversation', 'honest conversations')} so far. After about three, in Talk or in person, the rest of this page has more to go on.`,
        );
        break;
      case 'no-agreement-yet':
        out.push(
          view.hasPartner
            ? 'There is no agreement on one of your needs yet. Once you and your partner agree on something that would help, this page can follow how it goes.'
            : 'You are not sharing a space with a partner right now, so there are no agreements or commitments on your needs to look at.',
        );
        break;
      case 'agreement-under-8-weeks':
        out.push(
          'Your first agreement is less than eight weeks old. Change takes a while to show; after eight weeks these facts say more.',
        );
        break;
      case 'felt-rate-unknown':
        out.push(
          'Nothing on your needs was due in the last four weeks, so there is nothing yet to say about how much of it you felt.',
        );
        break;
      case 'felt-rate-ok':
        out.push('Over the last four weeks you felt at least four in ten of the times something was due on your needs.');
        break;
      case 'pulse-improving':
        out.push('Your trust pulse has been rising over recent weeks.');
        break;
      case 'felt-rate-low':
      case 'pulse-not-improving':
        break;
    }
  }
  return out;
}
