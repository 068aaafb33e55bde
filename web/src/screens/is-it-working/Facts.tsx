import { HOW_WORKED_OUT, verdictNumbers } from '../../../../src/domain/verdict-words';
import type { IsItWorkingView } from '../../api/client';
import { formatDate } from '../../lib/dates';
import { agreementsWords, conversationsWords, feltWords, followThroughWords, pulseTrendWords, soFarWords } from './words';

/** A local date 'YYYY-MM-DD' as people read it, the same day whatever the browser's zone. */
const localDay = (date: string) => formatDate(`${date}T12:00:00`);

/** The facts about the needs this person stated, in plain words. */
export function FactList({ view }: { view: IsItWorkingView }) {
  const f = view.facts;
  const w = f.lastFourWeeks;
  return (
    <section class="card" aria-labelledby="iiw-facts">
      <h2 id="iiw-facts">The facts about your needs</h2>
      <dl class="iiw-facts">
        <dt>Conversations</dt>
        <dd>{conversationsWords(f.conversations)}</dd>
        <dt>Agreements</dt>
        <dd>{agreementsWords(f, formatDate)}</dd>
        <dt>
          Your partner's follow-through, {localDay(w.from)} to {localDay(w.to)}
        </dt>
        <dd>{followThroughWords(w)}</dd>
        <dt>What you felt of it</dt>
        <dd>{feltWords(w)}</dd>
        <dt>Your trust pulse, the last {f.pulse.weeks} weeks</dt>
        <dd>
          {pulseTrendWords(f.pulse)} {f.pulse.answered > 0 ? `You answered it in ${f.pulse.answered} of those weeks.` : ''}
          {f.pulse.answered > 0 ? (
            <details class="worked-out">
              <summary>How this is worked out</summary>
              <p>{HOW_WORKED_OUT}</p>
              <p>Here: {verdictNumbers({ ...f.pulse, n: f.pulse.answered })}</p>
            </details>
          ) : null}
        </dd>
      </dl>
      <CountedHere w={w} />
    </section>
  );
}

const WHY_LEFT_OUT = {
  'outside-agreement': 'made outside an agreement',
  ritual: 'a connection ritual',
  'not-my-need': 'on an agreement about a need of theirs',
} as const;

/** Which facts were used, and why others are not counted here. */
function CountedHere({ w }: { w: IsItWorkingView['facts']['lastFourWeeks'] }) {
  return (
    <div class="iiw-counted">
      <h3>What is counted here</h3>
      <p>
        This page asks one question: are the needs you named, and agreed on together, being met? So it counts only what your
        partner does on those agreements, and only what happened, never anything you wrote.
      </p>
      {w.counted.length ? (
        <ul>
          {w.counted.map((what) => (
            <li key={what}>
              <q>{what}</q>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing yet: your partner has no commitment on an agreement about your needs.</p>
      )}
      {w.leftOut.length ? (
        <>
          <p>
            Not counted here, though it may matter a lot to you: what your partner does outside those agreements. It is welcome,
            and you can see it in Act and Patience, but it does not tell whether the needs you named are being met.
          </p>
          <ul>
            {w.leftOut.map((l) => (
              <li key={l.what}>
                <q>{l.what}</q> ({WHY_LEFT_OUT[l.why]})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** For `too-early` and `keep-going`: what the facts show so far, without reading more into them. */
export function SoFar({ view }: { view: IsItWorkingView }) {
  const early = view.signals.level === 'too-early';
  return (
    <section class="card" aria-labelledby="iiw-level">
      <h2 id="iiw-level">{early ? 'It is too early to say' : 'What the facts show so far'}</h2>
      {soFarWords(view).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {early ? (
        <p>
          This is not a verdict on your relationship. It only means there is not yet enough to go on: a few conversations, an
          agreement, and some weeks of trying.
        </p>
      ) : (
        <p>
          The facts do not show your needs going unmet week after week. That does not mean everything is fine: you know things
          that numbers cannot show. Coming back from time to time will show whether things are changing.
        </p>
      )}
      <p>
        If you would like to talk any of this through, <a href="/support#individual">support for yourself</a> and{' '}
        <a href="/help">help lines</a> are there whenever you want them.
      </p>
    </section>
  );
}
