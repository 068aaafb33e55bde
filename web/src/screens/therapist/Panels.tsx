import { useState } from 'preact/hooks';
import { daysBetween, mondayOf } from '../../../../src/domain/zoned-time';
import { api } from '../../api/client';
import { SeriesChart } from '../summary/Chart';
import { PrintButton, SummaryDocument } from '../summary/Document';
import { periodText } from '../summary/format';
import { DEFAULT_PERIOD, type Period, PeriodPicker, periodQuery } from '../summary/Period';
import { AgreementList, FiguresBlock } from '../summary/Sections';
import { PanelBody, type PanelProps, usePanel } from './panel';

// The therapist's views built from the summary's sections: agreements, figures, the pulse scores
// the partners shared with each other, and the summary itself (printable).

/** A period chosen on a view, and today (in the couple's zone, learnt from the first answer). */
function usePeriod() {
  const [period, setPeriod] = useState<Period>(DEFAULT_PERIOD);
  const [today, setToday] = useState<string | null>(null);
  const query = periodQuery(period, today);
  const learn = (to: string) => {
    if (today === null && !('from' in period)) setToday(to);
  };
  return { period, setPeriod, today, query, learn };
}

export function AgreementsPanel({ id, onGone }: PanelProps) {
  const resource = usePanel(() => api('therapists.view.agreements', { params: { id } }), onGone);
  return (
    <PanelBody resource={resource}>
      {(data) => (
        <>
          <p class="hint">What they agreed on together, newest first, and how each agreement was reached.</p>
          <AgreementList section={data} />
        </>
      )}
    </PanelBody>
  );
}

export function FiguresPanel({ id, onGone }: PanelProps) {
  const p = usePeriod();
  const resource = usePanel(
    async () => {
      const answer = await api('therapists.view.figures', { params: { id }, ...(p.query ? { query: p.query } : {}) });
      p.learn(answer.to);
      return answer;
    },
    onGone,
    { key: [p.query?.from, p.query?.to] },
  );
  return (
    <>
      <PeriodPicker period={p.period} today={p.today} onChange={p.setPeriod} />
      <PanelBody resource={resource}>
        {(data) => (
          <>
            <p>From {periodText(data.from, data.to)}.</p>
            <FiguresBlock section={data} names={data.names} />
          </>
        )}
      </PanelBody>
    </>
  );
}

export function PulsePanel({ id, onGone }: PanelProps) {
  const p = usePeriod();
  const resource = usePanel(
    async () => {
      const answer = await api('therapists.view.pulse', { params: { id }, ...(p.query ? { query: p.query } : {}) });
      p.learn(answer.to);
      return answer;
    },
    onGone,
    { key: [p.query?.from, p.query?.to] },
  );
  return (
    <>
      <PeriodPicker period={p.period} today={p.today} onChange={p.setPeriod} />
      <PanelBody resource={resource}>
        {(data) => {
          const weeks = daysBetween(mondayOf(data.from), mondayOf(data.to)) / 7 + 1;
          return (
            <>
              <p>
                From {periodText(data.from, data.to)}. The weekly trust score each of them chose to share with the other, out of
                100. The answers behind a score are never shown, not even to their partner.
              </p>
              {data.series.length === 0 ? <p>Neither of them shared a score in this period.</p> : null}
              <div class="series-grid">
                {data.series.map((s) => (
                  <SeriesChart
                    key={s.id}
                    series={{ ...s, title: `${s.by}: ${s.title}` }}
                    from={data.from}
                    weeks={weeks}
                    level={3}
                  />
                ))}
              </div>
            </>
          );
        }}
      </PanelBody>
    </>
  );
}

export function SummaryPanel({ id, onGone }: PanelProps) {
  const p = usePeriod();
  const resource = usePanel(
    async () => {
      const answer = await api('therapists.view.summary', { params: { id }, ...(p.query ? { query: p.query } : {}) });
      p.learn(answer.to);
      return answer;
    },
    onGone,
    { key: [p.query?.from, p.query?.to] },
  );
  return (
    <>
      <PeriodPicker period={p.period} today={p.today} onChange={p.setPeriod} />
      <PanelBody resource={resource}>
        {(data) => (
          <>
            <PrintButton />
            <SummaryDocument
              summary={data}
              omitted={
                data.agreements && data.figures
                  ? undefined
                  : 'Parts of the summary that the two of them did not both include are left out.'
              }
            />
          </>
        )}
      </PanelBody>
    </>
  );
}
