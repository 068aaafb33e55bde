import { useId, useState } from 'preact/hooks';
import { addDays } from '../../../../src/domain/zoned-time';
import type { OccurrenceView } from '../../api/client';
import { useForm } from '../../components/form';
import { type QueuedResult, queuedWrite } from '../../lib/outbox';
import { dayLabel, dueLabel, dueWords, occurrenceLabel } from './shared';

// One occurrence with both sides of the log: the actor marks it, the receiver says whether they
// noticed. Both writes go through the offline outbox, so they are kept when the connection drops.

const HELPED = [
  { value: 1, label: 'A little' },
  { value: 2, label: 'Quite a bit' },
  { value: 3, label: 'A lot' },
] as const;
type Helped = (typeof HELPED)[number]['value'];
const helpedOf = (n: number | null | undefined): Helped | null => HELPED.find((h) => h.value === n)?.value ?? null;

export const QUEUED_MESSAGE = 'Saved on this device; it will be sent when you are back online.';

interface Props {
  o: OccurrenceView;
  partnerName: string;
  /** Today in my time zone. */
  today: string;
  onChange: () => void;
}

/** One side of the log written through the outbox: what it says back, and whether it waits on this device. */
function useWrite(onChange: () => void) {
  const form = useForm();
  const [queued, setQueued] = useState(false);
  const send = (write: () => Promise<QueuedResult<unknown>>) =>
    form.run(async () => {
      setQueued(false);
      const result = await write();
      if (!result.sent) setQueued(true);
      onChange();
    });
  return { pending: form.pending, message: form.message ?? (queued ? QUEUED_MESSAGE : null), send };
}

/** Days the actor can honestly say it was done on: from when it opened (at most a week back) to today. */
function doneDays(o: OccurrenceView, today: string): string[] {
  const days: string[] = [];
  for (let d = today; d >= o.opensOn && days.length < 7; d = addDays(d, -1)) days.push(d);
  return days;
}

export function MarkControls({ o, partnerName, today, onChange }: Props) {
  const id = useId();
  const w = useWrite(onChange);
  const days = doneDays(o, today);
  const [doneOn, setDoneOn] = useState(days.includes(o.localDate) ? o.localDate : today);
  const [missing, setMissing] = useState(false);
  const [note, setNote] = useState('');
  const params = { id: o.commitmentId, key: o.key };
  const undoable = o.mark?.undoUntil ? Date.parse(o.mark.undoUntil) > Date.now() : false;
  return (
    <div class="log-controls">
      {days.length > 1 ? (
        <div class="field">
          <label for={`${id}-on`}>Done on</label>
          <select id={`${id}-on`} value={doneOn} onChange={(e) => setDoneOn((e.currentTarget as HTMLSelectElement).value)}>
            {days.map((d) => (
              <option key={d} value={d}>
                {d === today ? `Today, ${dayLabel(d)}` : dayLabel(d)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="button-row">
        <button
          type="button"
          class="button primary"
          disabled={w.pending}
          onClick={() => void w.send(() => queuedWrite('log.mark', { params, body: { status: 'done', doneOn } }))}
        >
          Done<span class="visually-hidden">: {o.what}</span>
        </button>
        <button type="button" class="button" disabled={w.pending} aria-expanded={missing} onClick={() => setMissing(!missing)}>
          It didn't happen<span class="visually-hidden">: {o.what}</span>
        </button>
        {undoable ? (
          <button
            type="button"
            class="link-button"
            disabled={w.pending}
            onClick={() => void w.send(() => queuedWrite('log.unmark', { params }))}
          >
            Take the mark back
          </button>
        ) : null}
      </div>
      {missing ? (
        <div class="missed-form">
          <label for={`${id}-note`}>What got in the way? (optional)</label>
          <p class="hint" id={`${id}-note-hint`}>
            {partnerName} will see this. There is no need to explain yourself; a few words can help you both.
          </p>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={500}
            aria-describedby={`${id}-note-hint`}
            value={note}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="button-row">
            <button
              type="button"
              class="button"
              disabled={w.pending}
              onClick={() =>
                void w.send(() => queuedWrite('log.mark', { params, body: { status: 'missed', note: note.trim() || null } }))
              }
            >
              Save as missed
            </button>
          </div>
        </div>
      ) : null}
      <div role="status" class="log-message">
        {w.message}
      </div>
    </div>
  );
}

export function AckControls({ o, partnerName, onChange }: Props) {
  const id = useId();
  const w = useWrite(onChange);
  const [helped, setHelped] = useState<Helped | null>(helpedOf(o.ack?.helped));
  const params = { id: o.commitmentId, key: o.key };
  return (
    <div class="log-controls">
      <fieldset class="helped">
        <legend>How much did it help? (optional)</legend>
        <div class="choices">
          {HELPED.map((h) => (
            <label class="choice" key={h.value}>
              <input type="radio" name={`${id}-helped`} checked={helped === h.value} onChange={() => setHelped(h.value)} />
              {h.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="button-row">
        <button
          type="button"
          class="button primary"
          disabled={w.pending}
          onClick={() => void w.send(() => queuedWrite('log.ack', { params, body: { noticed: true, helped } }))}
        >
          I noticed<span class="visually-hidden">: {o.what}</span>
        </button>
        <button
          type="button"
          class="button"
          disabled={w.pending}
          onClick={() => void w.send(() => queuedWrite('log.ack', { params, body: { noticed: false } }))}
        >
          I didn't notice<span class="visually-hidden">: {o.what}</span>
        </button>
      </div>
      <p class="hint">Only what you noticed. {partnerName} sees your answer, and you can change it later.</p>
      <div role="status" class="log-message">
        {w.message}
      </div>
    </div>
  );
}

const helpedWords = (n: number | null) =>
  n === null ? '' : `, it helped ${HELPED.find((h) => h.value === n)?.label.toLowerCase()}`;

/** Both sides in words: what the actor marked, what the receiver noticed. */
export function LogState({ o, partnerName }: { o: OccurrenceView; partnerName: string }) {
  const actor = o.actorIsMe ? 'You' : partnerName;
  const receiver = o.actorIsMe ? partnerName : 'You';
  const mark = o.mark;
  let markWords: string;
  if (o.paused) markWords = 'Paused: not counted.';
  else if (!mark) markWords = o.duePassed ? `${actor} did not mark this.` : `Due ${dueWords(o)}.`;
  else if (mark.status === 'done') {
    const markedOn = mark.markedAt.slice(0, 10);
    markWords = `Done on ${dayLabel(mark.doneOn ?? o.localDate)}${mark.doneOn && markedOn !== mark.doneOn ? `, marked ${dueLabel(mark.markedAt)}` : ''}.`;
  } else markWords = `${actor} marked this as not done.`;
  const ack = o.ack;
  // An answer to a "done" that was since taken back (decision 027): kept as it was said, not counted.
  const withdrawn = ack?.answeredWithdrawn === true;
  if (withdrawn && !o.paused) {
    markWords = mark
      ? `${actor} first marked this done, then changed it to "It didn't happen".`
      : `${actor} marked this done, then took the mark back.`;
  }
  let ackWords: string | null = null;
  if (ack && withdrawn) {
    const said = ack.noticed ? `noticed it${helpedWords(ack.helped)}` : "didn't notice it";
    ackWords = o.actorIsMe
      ? `While it was marked done, ${receiver} said they ${said}. Their answer is kept, but it no longer counts as noticed.`
      : `While it was marked done, you said you ${said}. Your answer is kept, but it no longer counts as noticed. If you still felt cared for, you can say so again.`;
  } else if (ack) {
    ackWords = ack.noticed ? `${receiver} noticed${helpedWords(ack.helped)}.` : `${receiver} didn't notice this one.`;
  }
  return (
    <div class="log-state">
      <p>{markWords}</p>
      {mark?.note ? (
        <p class="log-note">
          What got in the way: <q>{mark.note}</q>
        </p>
      ) : null}
      {ackWords ? <p>{ackWords}</p> : null}
    </div>
  );
}

/** One occurrence as a list item, with what the signed-in person can do with it. */
export function OccurrenceItem(p: Props & { showWhat?: boolean; controls?: boolean }) {
  const { o } = p;
  return (
    <li class="occurrence card">
      {p.showWhat === false ? null : <p class="occurrence-what">{o.what}</p>}
      <p class="need-meta">{occurrenceLabel(o)}</p>
      <LogState o={o} partnerName={p.partnerName} />
      {p.controls === false ? null : o.canMark ? (
        <MarkControls {...p} />
      ) : o.canAck && (o.mark?.status === 'done' || o.ack) ? (
        <AckControls {...p} />
      ) : null}
    </li>
  );
}
