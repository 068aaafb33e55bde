/**
 * A second held-out set for the statement coach, written AFTER the rules were broadened for the first
 * one (held-out-cases.ts), worded differently on purpose and never tuned against. It is the honest
 * measure of how the rules generalise to sentences nobody wrote them for: scripts/coach-report.ts
 * prints precision and recall on it. No test requires it; when the rules are next broadened, a fresh
 * third set should be written first, and this one may then be folded into the case tables.
 */
import type { StatementCase } from './statement-cases.js';
import type { FindingKind } from './statement-kinds.js';

const s = (text: string, ...expect: FindingKind[]): StatementCase => ({ text, role: 'speaker', expect });
const l = (text: string, ...expect: FindingKind[]): StatementCase => ({ text, role: 'listener', expect });
const a = (text: string, ...expect: FindingKind[]): StatementCase => ({ text, role: 'apology', expect });

export const secondHeldOutStatementCases: readonly StatementCase[] = [
  s('Each night you fall asleep on the sofa with the telly on.', 'absolute'),
  s('whenever i bring up money you go silent for days', 'absolute'),
  s('Not one time this year have you planned anything for us.', 'absolute'),
  s('you’re glued to your phone 24/7', 'absolute'),
  s('Everything always revolves around your job.', 'absolute'),
  s('Every weekend I do the shopping while you sleep in.', 'absolute'),
  s('Everyone says you are a control freak.', 'attack'),
  s('You’re such a selfish prick sometimes.', 'attack'),
  s('What type of man ignores his wife for a whole week?', 'attack'),
  s('You are unbelievably self-absorbed.', 'attack'),
  s('Oh fantastic, another Saturday on your own.', 'contempt'),
  s('Bravo, you finally put the bins out.', 'contempt'),
  s('typical. absolutely typical.', 'contempt'),
  s('Gosh, thanks for letting me know you weren’t coming, three hours later.', 'contempt'),
  s('Aren’t you just a ray of sunshine.', 'contempt'),
  s('You only text me when you want something.', 'mind-reading'),
  s('You just don’t want to deal with me.', 'mind-reading'),
  s('The real reason you stay late is so you don’t have to see me.', 'mind-reading'),
  s('You were hoping I’d give up and leave.', 'mind-reading'),
  s('You get a kick out of upsetting me.', 'mind-reading'),
  s('If you had any respect for me you’d tell me where you go.', 'conditional'),
  s('A loving husband would have noticed.', 'conditional'),
  s('I’ve given you twelve years of my life and you can’t give me one evening?', 'guilt-trip'),
  s('After all I put up with from your family, you do this.', 'guilt-trip'),
  s('How dare you, after everything.', 'guilt-trip'),
  l('At least I came home last night.', 'counter-attack'),
  l('You can talk, you were out till 2.', 'counter-attack'),
  l('Says the man who forgot our anniversary twice.', 'counter-attack'),
  l('That is simply not true and you know it.', 'denial', 'mind-reading'),
  l('You’re making a mountain out of a molehill.', 'dismissal'),
  l('Why are you getting so worked up?', 'dismissal'),
  l('Move on, it was one night.', 'dismissal'),
  l('I only did it because you never listen.', 'excuse', 'absolute'),
  l('I was knackered, so I forgot.', 'excuse'),
  a('I’ll try to be a better husband.', 'non-apology'),
  a('I’m going to try harder, okay?', 'non-apology'),
  a('Apologies if my tone was off.', 'non-apology'),
  a('Sorry for upsetting you, I guess.', 'non-apology'),
  // fine
  s('Every evening after the kids go down, I feel so alone.'),
  s('Whenever you sing in the kitchen my heart lifts.'),
  s('Not once have I regretted marrying you.'),
  s('I always overthink when you go quiet, and I want to tell you why.'),
  s('Everyone knows you’re the best cook in the family.'),
  s('Thanks for listening to me last night, it helped.'),
  s('Well done for getting through that week, I know it was hard.'),
  s('Typically I’d stay quiet, but I want to say this.'),
  s('How could I have been so blind to how lonely you were?'),
  s('After everything we went through with Mum, I’m grateful you stayed.'),
  l('At least I know now, and I want to do better.'),
  l('I hear that every time I worked late, you ate alone.'),
  l('That wasn’t ok, you’re right.'),
  a('I’m sorry I missed dinner three nights in a row. I’ll try to be home by seven, and I’ll text if I can’t.'),
  a('I’m so sorry I mocked you in front of your friends. That was cruel.'),
];
