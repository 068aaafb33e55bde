import { useState } from 'preact/hooks';
import { nextStepTogether, trendInAWord, weekWords } from '../../../src/domain/home-journey';
import { JOURNEY_STEPS, type JourneyStep, modeLabel, nextUsefulThing, PRIVATE_PLACES } from '../../../src/domain/journey';
import { ApiError, api, type HomeToday, type SafetyView, type SpaceView } from '../api/client';
import { Loading } from '../components/lazy';
import { PageTitle } from '../components/PageTitle';
import { flash, me } from '../lib/session';
import { useResource } from '../lib/use-resource';
import { TodayCard, useHomeToday } from './TodayCard';

function StepItem({ step, begun = false }: { step: JourneyStep; begun?: boolean }) {
  return (
    <li class="step">
      <div class="step-head">
        <h3>
          {step.number === null ? null : <span class="step-number">Step {step.number} · </span>}
          {step.title}
        </h3>
        <span class="tag">{modeLabel(step.mode)}</span>
        {begun ? <span class="tag tag-begun">Begun</span> : null}
      </div>
      <p>{step.summary}</p>
      <p class="step-status">
        {step.built ? (
          <a class="button" href={`/${step.slug}`}>
            Open {step.title}
          </a>
        ) : (
          <a href={`/steps/${step.slug}`}>
            <span class="visually-hidden">{step.title}: </span>Not available yet
          </a>
        )}
      </p>
    </li>
  );
}

function SpaceNotice({ space, onDismissed }: { space: SpaceView; onDismissed: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!space.notice) return null;
  const id = space.notice.id;
  const dismiss = async () => {
    setPending(true);
    setError(null);
    try {
      await api('spaces.notices.dismiss', { params: { id } });
      onDismissed();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That did not work. Please try again.');
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="notice" role="status">
      <p>The shared space was closed. Everything you wrote is still here and still yours.</p>
      <button type="button" class="button" onClick={dismiss} disabled={pending}>
        Dismiss this note
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}

/**
 * Where the person is: the steps begun, this week's figures and the pulse trend in a word. Said kindly:
 * nothing is called missing or late, and a week with nothing due says so plainly.
 */
function WhereYouAre({ today, partnerName }: { today: HomeToday; partnerName: string | null }) {
  const j = today.journey;
  const begun = JOURNEY_STEPS.filter((s) => (j.begun as readonly string[]).includes(s.slug)).map((s) => s.title);
  const week = partnerName ? weekWords({ thisWeek: j.thisWeek, partnerName }) : [];
  return (
    <section class="card where" aria-labelledby="where-heading">
      <h2 id="where-heading">Where you are</h2>
      <p>
        {begun.length === 0
          ? 'You have not begun a step yet, and that is fine. Start wherever feels right.'
          : `Begun so far: ${listWords(begun)}. You can come back to any of them.`}
      </p>
      {partnerName ? (
        week.length > 0 ? (
          week.map((line) => <p key={line}>{line}</p>)
        ) : (
          <p>Nothing was due this week so far, so there are no figures yet.</p>
        )
      ) : null}
      <p>
        Your trust pulse: <strong>{trendInAWord(j.trend.verdict)}</strong>
        {j.trend.verdict === 'declining' ? '. Hard weeks show here too; it is a direction, not a mark of you.' : '.'}{' '}
        <a href="/patience">See it in Patience</a>
      </p>
    </section>
  );
}

/** "Understand, Talk and Needs". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function NextThing({ next }: { next: { title: string; body: string; action: { label: string; href: string } | null } }) {
  return (
    <div class="card next">
      <h2>{next.title}</h2>
      <p>{next.body}</p>
      {next.action ? (
        <p>
          <a class="button primary" href={next.action.href}>
            {next.action.label}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** For someone whose own safety answers raise concern: help and their private places come first. */
function HelpFirst() {
  return (
    <div class="card concern">
      <h2>Your safety comes first</h2>
      <p>
        From what you shared in your private safety check, Attune will not suggest exercises to do together. Help lines are free
        and confidential, and the quick exit button is always at the top of the page.
      </p>
      <p>
        <a class="button primary" href="/help">
          Get help now
        </a>{' '}
        <a class="button" href="/safety">
          Your safety check
        </a>
      </p>
    </div>
  );
}

/** Offered once, kindly, until the person has answered or chosen to skip by leaving it be. */
function SafetyOffer() {
  return (
    <div class="card">
      <h2>A private check, just for you</h2>
      <p>A few questions about feeling safe with your partner. Only you will ever see your answers. It takes about a minute.</p>
      <p>
        <a class="button" href="/safety">
          Take the safety check
        </a>
      </p>
    </div>
  );
}

const NO_SAFETY_ANSWERS: SafetyView = { answers: null, concern: false, updatedAt: null };

export function Home() {
  const [message] = useState(() => {
    const m = flash.value;
    flash.value = null;
    return m;
  });

  // Only this person's own answers: whether they raise concern changes what Attune suggests to them.
  const safety = useResource(() => api('safety.get').catch(() => NO_SAFETY_ANSWERS)).data;

  // A partner joining or the space closing shows up here without a reload.
  const spaceResource = useResource(() => api('spaces.get'), { liveKinds: ['space.changed'] });
  const space = spaceResource.data;
  const today = useHomeToday();

  const name = me.value?.name ?? '';
  if (spaceResource.failed) {
    const err = spaceResource.error;
    return <p role="alert">{err instanceof ApiError ? err.message : 'Your space could not load. Please try again.'}</p>;
  }
  if (!space || !safety) return <Loading />;

  const partnerName = space.partner?.name ?? null;
  // Sharing a space, once today.get has answered: the one next thing from where the person is.
  const next =
    partnerName !== null && today
      ? nextStepTogether({
          hasPartner: true,
          partnerName,
          begun: today.journey.begun,
          toMark: today.act.toMark.length,
          toAcknowledge: today.act.toAcknowledge.length,
          checkedInToday: today.checkins.mine !== null,
          pulseAnsweredThisWeek: today.pulse.answered,
          thisWeek: today.journey.thisWeek,
          trend: today.journey.trend.verdict,
        })
      : nextUsefulThing({
          hasPartner: space.partner !== null,
          hasOpenInvite: space.openInvites > 0,
          noticePending: space.notice !== null,
        });
  const begun = new Set<string>(today?.journey.begun ?? []);

  const journey = (
    <div key="journey">
      <h2>The journey</h2>
      <p>The steps are a guide, not a test. You can go back to any of them, in any order.</p>
      <ol class="steps">
        {JOURNEY_STEPS.map((s) => (
          <StepItem key={s.slug} step={s} begun={begun.has(s.slug)} />
        ))}
      </ol>
    </div>
  );
  const privatePlaces = (
    <div key="private">
      <h2>Just for you</h2>
      <p>Only you can see these. Your partner is never told whether you use them.</p>
      <ul class="steps">
        {PRIVATE_PLACES.map((s) => (
          <StepItem key={s.slug} step={s} />
        ))}
      </ul>
    </div>
  );

  return (
    <section>
      <PageTitle title="Home">Hello, {name}</PageTitle>
      {message ? (
        <p class="note" role="status">
          {message}
        </p>
      ) : null}
      <p class="lead">{space.partner ? `You and ${space.partner.name} share this space.` : 'This space is yours for now.'}</p>
      <SpaceNotice space={space} onDismissed={() => spaceResource.set({ ...space, notice: null })} />
      {safety.concern ? <HelpFirst /> : null}
      {safety.answers === null ? <SafetyOffer /> : null}
      {safety.concern ? null : <NextThing next={next} />}
      {today && !safety.concern ? <WhereYouAre today={today} partnerName={partnerName} /> : null}
      <TodayCard partnerName={partnerName} concern={safety.concern} today={today} />
      {safety.concern ? [privatePlaces, journey] : [journey, privatePlaces]}
    </section>
  );
}
