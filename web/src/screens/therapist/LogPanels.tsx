import { useState } from 'preact/hooks';
import { MOOD_LABELS, type Mood, REACTION_LABELS, type Reaction } from '../../../../src/domain/checkins';
import { addDays } from '../../../../src/domain/zoned-time';
import { api, type TherapistCheckinsView, type TherapistCommitmentsView } from '../../api/client';
import { longDay, periodText, weekdayDay } from '../summary/format';
import { FigureNumbers } from '../summary/Sections';
import { PanelBody, type PanelProps, usePanel } from './panel';

// The therapist's views of day-by-day things: commitments with their log of marks and
// acknowledgements, and the check-ins the partners shared with each other.

type Commitment = TherapistCommitmentsView['commitments'][number];
type LogEntry = Commitment['log'][number];
type Checkin = TherapistCheckinsView['checkins'][number];

/** A window of days ending today (learnt from the first answer); the server's default until then. */
function useWindow(choices: readonly number[]) {
  const [days, setDays] = useState(choices[0] ?? 28);
  const [today, setToday] = useState<string | null>(null);
  const query = today && days !== choices[0] ? { from: addDays(today, 1 - days), to: today } : undefined;
  const picker = (
    <div class="field window-pick">
      <label for="view-window">Days shown</label>
      <select id="view-window" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
        {choices.map((n) => (
          <option key={n} value={String(n)}>
            The last {n} days
          </option>
        ))}
      </select>
    </div>
  );
  const learn = (to: string) => {
    if (today === null) setToday(to);
  };
  return { query, picker, key: [query?.from, query?.to], learn };
}

const STATE_WORDS: Record<Commitment['state'], string> = {
  upcoming: 'Not started yet',
  active: 'Ongoing',
  paused: 'Paused',
  ended: 'Ended',
};

const HELPED_WORDS: Record<number, string> = { 1: 'a little', 2: 'quite a bit', 3: 'a lot' };

function markWords(e: LogEntry, doer: string): string {
  if (e.paused) return 'Paused';
  if (!e.mark) return e.counted ? `Not marked by ${doer}` : 'Not due yet';
  if (e.mark.status === 'missed') return 'Missed';
  return e.mark.doneOn && e.mark.doneOn !== e.localDate ? `Done on ${weekdayDay(e.mark.doneOn)}` : 'Done';
}

function ackWords(e: LogEntry, receiver: string): string | null {
  if (!e.ack) return null;
  if (!e.ack.noticed) return `${receiver} did not notice`;
  const helped = e.ack.helped === null ? undefined : HELPED_WORDS[e.ack.helped];
  return helped ? `${receiver} noticed, it helped ${helped}` : `${receiver} noticed`;
}

function entryWords(e: LogEntry, doer: string, receiver: string): string {
  return [markWords(e, doer), ackWords(e, receiver)].filter((w) => w !== null).join(' · ');
}

function CommitmentItem({ c }: { c: Commitment }) {
  return (
    <li class="card view-item">
      <h3 class="said-heading">{c.what}</h3>
      <p class="hint">
        {c.doer}, for {c.for} · {c.described} · {STATE_WORDS[c.state]}
        {c.agreementId ? ' · part of an agreement' : ''}
      </p>
      {c.versions.length > 1 ? (
        <p class="hint">
          Changed {c.versions.length - 1} {c.versions.length === 2 ? 'time' : 'times'}; first written as:{' '}
          <q class="said">{c.versions[0]?.what}</q>
        </p>
      ) : null}
      <FigureNumbers figures={c.figures} />
      {c.log.length === 0 ? (
        <p class="hint">Nothing was due in these days.</p>
      ) : (
        <details>
          <summary>Day by day ({c.log.length})</summary>
          <ul class="plain-list day-log">
            {c.log.map((e) => (
              <li key={e.key}>
                <strong>{weekdayDay(e.localDate)}</strong>: {entryWords(e, c.doer, c.for)}
                {e.mark?.note ? (
                  <>
                    {' '}
                    <q class="said">{e.mark.note}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function CommitmentsPanel({ id, onGone }: PanelProps) {
  const w = useWindow([28, 91, 182]);
  const resource = usePanel(
    async () => {
      const answer = await api('therapists.view.commitments', { params: { id }, ...(w.query ? { query: w.query } : {}) });
      w.learn(answer.to);
      return answer;
    },
    onGone,
    { key: w.key },
  );
  return (
    <>
      {w.picker}
      <PanelBody resource={resource}>
        {(data) => (
          <>
            <p>
              From {periodText(data.from, data.to)}. Done is what the one who made the commitment marked; noticed is what the
              other said.
            </p>
            {data.commitments.length === 0 ? <p>No commitments yet.</p> : null}
            <ul class="plain-list view-list">
              {data.commitments.map((c) => (
                <CommitmentItem key={c.id} c={c} />
              ))}
            </ul>
          </>
        )}
      </PanelBody>
    </>
  );
}

function replyWords(r: Checkin['replies'][number]): string {
  if (r.kind === 'talk-tonight') return 'Let’s talk tonight.';
  if (r.kind === 'reaction') return REACTION_LABELS[r.reaction as Reaction] ?? 'A reaction';
  return r.text ?? '';
}

export function CheckinsPanel({ id, onGone }: PanelProps) {
  const w = useWindow([28, 92]);
  const resource = usePanel(
    async () => {
      const answer = await api('therapists.view.checkins', { params: { id }, ...(w.query ? { query: w.query } : {}) });
      w.learn(answer.to);
      return answer;
    },
    onGone,
    { key: w.key },
  );
  return (
    <>
      {w.picker}
      <PanelBody resource={resource}>
        {(data) => (
          <>
            <p>
              From {periodText(data.from, data.to)}. Only check-ins they shared with each other: how connected and how heard each
              felt, from {data.scale.min} to {data.scale.max}.
            </p>
            {data.checkins.length === 0 ? <p>No shared check-ins in these days.</p> : null}
            <ul class="plain-list view-list">
              {data.checkins.map((c) => (
                <li key={c.id} class="view-row">
                  <p>
                    <strong>{c.by}</strong>, {longDay(c.date)}: connected {c.connected}, heard {c.heard}, feeling{' '}
                    {(MOOD_LABELS[c.mood as Mood] ?? c.mood).toLowerCase()}
                  </p>
                  {c.line ? <p class="said-block">{c.line}</p> : null}
                  {c.replies.map((r) => (
                    <p key={r.at} class="reply">
                      {r.by} replied: {replyWords(r)}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </PanelBody>
    </>
  );
}
