import { api } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { formatDay } from '../checkin/format';
import { dayStatus, type Overview } from './words';

/** Earlier question days, newest first: answer the ones not revealed yet, read the ones that are. */
export function Earlier({ overview }: { overview: Overview }) {
  if (overview.earlier.length === 0)
    return <p class="hint">Earlier questions will gather here, so you can come back to them whenever you like.</p>;
  return (
    <ul class="day-list">
      {overview.earlier.map((d) => (
        <li key={`${d.day}-${d.question.id}`}>
          <a href={`/closeness/${d.question.id}`}>
            <span class="day-date">{formatDay(d.day)}</span>
            <span class="day-question">{d.question.text}</span>
          </a>
          <span class="hint">{dayStatus(d, overview.hasPartner)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Answers I wrote on my own before my partner joined: private unless I share them, one by one. */
export function Held({ overview, partnerName, onShared }: { overview: Overview; partnerName: string; onShared: () => void }) {
  const form = useForm();
  if (overview.held.length === 0) return null;
  const share = (questionId: string) =>
    void form.run(async () => {
      await api('closeness.share', { params: { questionId } });
      onShared();
    });
  return (
    <section aria-labelledby="held-heading">
      <h2 id="held-heading">Answers from before {partnerName} joined</h2>
      <p>
        You wrote these on your own. They stay private unless you choose to share one. Sharing shows {partnerName} your answer at
        once, and shows you theirs if they answered the same question.
      </p>
      <FormAlert message={form.message} />
      <ul class="day-list">
        {overview.held.map((h) => (
          <li key={h.question.id}>
            <a href={`/closeness/${h.question.id}`}>
              <span class="day-date">{formatDay(h.day)}</span>
              <span class="day-question">{h.question.text}</span>
            </a>
            <button type="button" class="button" disabled={form.pending} onClick={() => share(h.question.id)}>
              Share with {partnerName}
              <span class="visually-hidden">: {h.question.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
