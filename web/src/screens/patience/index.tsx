import { useState } from 'preact/hooks';
import { api, type ProgressSeries, type ProgressView, type WeeklyReflection } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import type { EventKind } from '../../lib/live';
import { useResource } from '../../lib/use-resource';
import { Chart } from './Chart';
import { Reflection } from './Reflection';
import { Therapy } from './Therapy';
import { AGREEMENT_CHART_TITLES } from './words';
import './patience.css';

// Step 5, Patience: progress over weeks with an honest reading of each trend, the weekly reflection,
// and professional support (step 6) suggested privately. Fetches again when a pulse, a mark, an
// acknowledgement or a check-in changes (events carry ids and kinds only).

const LIVE_KINDS: readonly EventKind[] = ['pulse.changed', 'log.changed', 'ack.changed', 'checkin.changed'];

const WEEK_CHOICES = [8, 12, 26, 52];

interface Loaded {
  progress: ProgressView;
  reflection: WeeklyReflection;
  partnerName: string;
}

async function loadPatience(weeks: number): Promise<Loaded> {
  const [progress, reflection, space] = await Promise.all([
    api('progress.get', { query: { weeks: String(weeks) } }),
    api('reflection.weekly'),
    api('spaces.get'),
  ]);
  return { progress, reflection, partnerName: space.partner?.name ?? 'your partner' };
}

const domId = (id: string) => `chart-${id.replace(/[^a-z0-9-]/gi, '-')}`;

function ChartOf({ s, data, level }: { s: ProgressSeries; data: ProgressView; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const title = s.agreementId ? AGREEMENT_CHART_TITLES[s.kind as 'follow-through' | 'felt-rate'] : s.title;
  const empty =
    s.kind === 'pulse' ? (
      <>
        No trust pulse in these weeks yet. <a href="/pulse">Answer this week's trust pulse</a>
      </>
    ) : s.kind === 'connected' || s.kind === 'heard' ? (
      <>
        No check-ins in these weeks yet. <a href="/checkin">Check in today</a>
      </>
    ) : (
      'Nothing was due in these weeks.'
    );
  return (
    <Chart
      series={s}
      from={data.from}
      weeks={data.weeks}
      headingId={domId(s.id)}
      heading={<Heading id={domId(s.id)}>{title}</Heading>}
      empty={empty}
    />
  );
}

export default function Patience() {
  const [weeks, setWeeks] = useState(12);
  const { data, failed, reload } = useResource(() => loadPatience(weeks), { liveKinds: LIVE_KINDS, key: [weeks] });

  const title = <PageTitle title="Patience">Patience</PageTitle>;
  if (!data)
    return (
      <section class="patience">
        {title}
        {failed ? <p role="alert">Your progress could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { progress, reflection, partnerName } = data;
  const mine = progress.series.filter((s) => s.agreementId === null);
  const agreements = new Map<string, ProgressSeries[]>();
  for (const s of progress.series) {
    if (s.agreementId === null) continue;
    agreements.set(s.agreementId, [...(agreements.get(s.agreementId) ?? []), s]);
  }

  return (
    <section class="patience">
      {title}
      <p class="lead">
        Trust comes back slowly. These charts look at weeks, not days, and say honestly which way things are going, or that it is
        too early to tell.
      </p>
      <p class="private-note">
        Your pulse, your check-ins and anything suggested to you here are for you alone. The figures for your agreements are the
        same ones {partnerName} sees.
      </p>
      <div class="field patience-weeks">
        <label for="patience-weeks">Weeks shown</label>
        <select id="patience-weeks" value={String(weeks)} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
          {WEEK_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              The last {n} weeks
            </option>
          ))}
        </select>
      </div>
      <p>
        <a href="/pulse">This week's trust pulse</a> · <a href="/checkin">Today's check-in</a>
      </p>

      <section aria-labelledby="feeling-heading">
        <h2 id="feeling-heading">How you have been feeling</h2>
        {mine.map((s) => (
          <ChartOf key={s.id} s={s} data={progress} level={3} />
        ))}
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Your agreements</h2>
        {agreements.size === 0 ? (
          <p>
            {progress.hasPartner
              ? `When you and ${partnerName} have an agreement with a commitment, its weeks appear here: what was done, and what was noticed.`
              : 'When your partner has joined and you have agreements, their weeks appear here.'}
          </p>
        ) : (
          [...agreements.values()].map((list) => (
            <section key={list[0]?.agreementId} class="agreement-charts" aria-labelledby={domId(`about-${list[0]?.agreementId}`)}>
              <h3 id={domId(`about-${list[0]?.agreementId}`)}>{list[0]?.about}</h3>
              {list.map((s) => (
                <ChartOf key={s.id} s={s} data={progress} level={4} />
              ))}
            </section>
          ))
        )}
      </section>

      <section aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">Looking back on the week</h2>
        <Reflection reflection={reflection} partnerName={partnerName} />
      </section>

      <section aria-labelledby="support-heading">
        <h2 id="support-heading">Support from a professional</h2>
        <Therapy therapy={progress.therapy} partnerName={partnerName} onChange={() => void reload()} />
      </section>
    </section>
  );
}
