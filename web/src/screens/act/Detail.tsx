import { useId, useState } from 'preact/hooks';
import { addDays, localDateOf } from '../../../../src/domain/zoned-time';
import { ApiError, api, type CommitmentView } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { me } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { OccurrenceItem } from './LogItems';
import { ACT_REFRESH } from './live';
import { draftOf, ScheduleFields, scheduleOf } from './ScheduleFields';
import { dayLabel, dueLabel, scheduleWords } from './shared';

// /act/<id>: one commitment, the history of its versions, its recent log with both sides, and, for
// the one who acts, pause, resume, change and end.

function Change({ c, onDone }: { c: CommitmentView; onDone: () => void }) {
  const id = useId();
  const zone = me.value?.timeZone ?? c.zone;
  const [what, setWhat] = useState(c.what);
  const [draft, setDraft] = useState(() => draftOf(c.schedule, localDateOf(new Date(), zone)));
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('commitments.change', { params: { id: c.id }, body: { what, schedule: scheduleOf(draft) } });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Change it from now on</h3>
      <p class="hint">What came before keeps its own words and schedule.</p>
      <FormAlert message={form.message} />
      <div class="field">
        <label for={`${id}-what`}>What you will do</label>
        <textarea
          id={`${id}-what`}
          rows={3}
          maxLength={300}
          value={what}
          onInput={(e) => setWhat((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {form.fields.what ? <p class="field-error">{form.fields.what}</p> : null}
      </div>
      <ScheduleFields draft={draft} onChange={setDraft} errors={form.fields} zone={zone} />
      <div class="button-row">
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save the change
        </SubmitButton>
      </div>
    </form>
  );
}

function ActorActions({ c, onDone }: { c: CommitmentView; onDone: () => void }) {
  const form = useForm();
  const { pending } = form;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [changing, setChanging] = useState(false);
  const move = (action: 'pause' | 'resume' | 'end') =>
    form.run(async () => {
      await api(`commitments.${action}`, { params: { id: c.id } });
      setConfirmEnd(false);
      onDone();
    });
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Yours to adjust</h2>
      <FormAlert message={form.message} />
      <div class="button-row">
        {c.state === 'paused' ? (
          <button type="button" class="button" disabled={pending} onClick={() => void move('resume')}>
            Resume
          </button>
        ) : (
          <button type="button" class="button" disabled={pending} onClick={() => void move('pause')}>
            Pause for now
          </button>
        )}
        <button type="button" class="button" aria-expanded={changing} onClick={() => setChanging(!changing)}>
          Change it
        </button>
        <button type="button" class="button" aria-expanded={confirmEnd} onClick={() => setConfirmEnd(!confirmEnd)}>
          End it
        </button>
      </div>
      <p class="hint">A pause leaves the paused days out of every figure. Nothing is lost.</p>
      {confirmEnd ? (
        <div class="card confirm">
          <p>Ending stops new days from now. What has been done so far, and what was noticed, stays here for you both.</p>
          <button type="button" class="button danger" disabled={pending} onClick={() => void move('end')}>
            Yes, end this commitment
          </button>
        </div>
      ) : null}
      {changing ? (
        <Change
          c={c}
          onDone={() => {
            setChanging(false);
            onDone();
          }}
        />
      ) : null}
    </section>
  );
}

export function Detail({ id }: { id: string }) {
  const zone = me.value?.timeZone ?? 'UTC';
  const today = localDateOf(new Date(), zone);
  const { data, failed, error, reload } = useResource(async () => {
    const [view, list, space] = await Promise.all([
      api('commitments.get', { params: { id } }),
      api('log.occurrences', { params: { id }, query: { from: addDays(today, -20), to: addDays(today, 7) } }),
      api('spaces.get'),
    ]);
    return { c: view, occurrences: [...list.occurrences].reverse(), partnerName: space.partner?.name ?? 'Your partner' };
  }, ACT_REFRESH);

  if (failed)
    return (
      <section class="act">
        <PageTitle title="Commitment">Commitment</PageTitle>
        <p role="alert">
          {error instanceof ApiError && (error.status === 404 || error.status === 400)
            ? 'We could not find this commitment. It may belong to a space you no longer share.'
            : 'This could not load. Please check your connection and try again.'}
        </p>
        <p>
          <a href="/act">Back to Act</a>
        </p>
      </section>
    );
  if (!data) return <Loading />;
  const { c, occurrences, partnerName } = data;
  const refresh = () => void reload();
  const state = { upcoming: 'Starts soon', active: 'Active', paused: 'Paused', ended: 'Ended' }[c.state];
  const visible = occurrences.filter((o) => o.localDate <= today || o.mark || o.ack);

  return (
    <section class="act">
      <PageTitle title="Commitment">{c.what}</PageTitle>
      <p class="lead">
        {c.actorIsMe ? `You, for ${partnerName}` : `${partnerName}, for you`} · {c.described}
        <span class="tag">{state}</span>
      </p>
      <p class="need-meta">
        Since {dayLabel(c.startsOn)} · times in {c.actorIsMe ? 'your' : `${partnerName}'s`} time zone, {c.zone}
        {c.endedAt ? ` · ended ${dueLabel(c.endedAt)}` : ''}
      </p>
      {c.canChange ? <ActorActions c={c} onDone={refresh} /> : null}

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">The last three weeks</h2>
        {visible.length ? (
          <ul class="occurrence-list">
            {visible.map((o) => (
              <OccurrenceItem
                key={o.key}
                o={o}
                partnerName={partnerName}
                today={localDateOf(new Date(), zone)}
                onChange={refresh}
                showWhat={c.versions.length > 1}
              />
            ))}
          </ul>
        ) : (
          <p class="hint">Nothing has been due yet.</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">How it has changed</h2>
        <ol class="versions">
          {c.versions.map((v) => (
            <li key={v.id}>
              <p>
                <strong>From {dueLabel(v.from)}:</strong> {v.what}
              </p>
              <p class="need-meta">
                {scheduleWords(v.schedule)} · {v.zone}
              </p>
            </li>
          ))}
          {c.pauses.map((p) => (
            <li key={p.from}>
              <p>
                Paused from {dueLabel(p.from)}
                {p.until ? ` until ${dueLabel(p.until)}` : ' (still paused)'}
              </p>
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href="/act">Back to Act</a>
      </p>
    </section>
  );
}
