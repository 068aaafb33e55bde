import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { PrintButton, SummaryDocument } from './Document';
import { MyPart } from './MyPart';
import { DEFAULT_PERIOD, type Period, PeriodPicker, periodQuery } from './Period';
import './summary.css';

// The summary for a session (/summary): choose the period, choose my part, and see the summary as
// it will print. "Print or save as PDF" is the browser's own print: the print style leaves out the
// app around it, the controls and the buttons, so only the document goes on paper.

export default function Summary() {
  const [period, setPeriod] = useState<Period>(DEFAULT_PERIOD);
  const [today, setToday] = useState<string | null>(null);
  const query = periodQuery(period, today);
  const summary = useResource(
    async () => {
      const answer = await api('summary.get', query ? { query } : {});
      if (today === null && !('from' in period)) setToday(answer.to);
      return answer;
    },
    { key: [query?.from, query?.to], liveKinds: ['need.changed', 'log.changed', 'ack.changed'], refetchOnVisible: true },
  );
  const mine = useResource(async () => {
    const [part, space] = await Promise.all([api('summary.mine'), api('spaces.get')]);
    return { part, partnerName: space.partner?.name ?? 'your partner' };
  });

  const title = <PageTitle title="Summary for a session">Summary for a session</PageTitle>;
  if (!summary.data || !mine.data) {
    const failed = summary.failed || mine.failed;
    return (
      <section class="summary-page">
        {title}
        {failed ? <FormAlert message="The summary could not load. Please check your connection and try again." /> : <Loading />}
      </section>
    );
  }
  const { part, partnerName } = mine.data;

  return (
    <section class="summary-page">
      <div class="no-print">
        {title}
        <p class="lead">
          A few pages to take to a session with a therapist, or to keep for yourselves: your agreements, the figures for a period
          you choose, and what each of you chose to add.
        </p>
        {part.hasPartner ? null : (
          <p class="note">
            For now this summary is yours alone. Once your partner joins your space, it holds what you share together.
          </p>
        )}
        <PeriodPicker period={period} today={today} onChange={setPeriod} />
        <MyPart
          mine={part}
          partnerName={partnerName}
          onSaved={(saved) => {
            mine.set({ part: saved, partnerName });
            void summary.reload();
          }}
        />
        <h2>The summary as it will print</h2>
        <p>Check it over before you print. Your browser’s print window can also save it as a PDF.</p>
        <PrintButton />
      </div>
      <SummaryDocument summary={summary.data} />
      <PrintButton />
      <p class="no-print">
        <a href="/support/therapist">Work with a therapist</a> · <a href="/support">Professional support</a>
      </p>
    </section>
  );
}
