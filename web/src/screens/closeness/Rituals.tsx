import { useId, useState } from 'preact/hooks';
import { describeSchedule } from '../../../../src/domain/schedule';
import { type Answer, api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { me } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { draftOf, ScheduleFields, scheduleOf } from '../act/ScheduleFields';
import { formatDay } from '../checkin/format';

type Ritual = Answer<'rituals.list'>['rituals'][number];

const RITUAL_KINDS = ['daily', 'weekdays', 'weekly'] as const;

async function loadRituals() {
  const [list, space] = await Promise.all([api('rituals.list'), api('spaces.get')]);
  return { ...list, partnerName: space.partner?.name ?? null };
}

const sinceWords = (since: string) => (/^\d{4}-\d{2}-\d{2}$/.test(since) ? formatDay(since) : formatDate(since));

/** Taking a ritual up, or changing how often a planned one happens, starting from its schedule. */
function ScheduleForm({ ritual, partnerName, onDone }: { ritual: Ritual; partnerName: string | null; onDone: () => void }) {
  const id = useId();
  const zone = me.value?.timeZone ?? 'UTC';
  const [draft, setDraft] = useState(() => draftOf(ritual.mine?.schedule ?? ritual.suggested, ''));
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('rituals.adopt', { params: { ritualId: ritual.id }, body: { schedule: scheduleOf(draft) } });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} class="ritual-form">
      <h4 id={`${id}-heading`}>How often, for you</h4>
      <p class="hint">
        {partnerName
          ? `It becomes a commitment in Act: you do it, and ${partnerName} can say whether they noticed.`
          : 'While you are on your own, it is saved as a plan. It becomes a commitment when your partner joins.'}
      </p>
      <FormAlert message={form.message} />
      <ScheduleFields draft={draft} onChange={setDraft} errors={form.fields} zone={zone} kinds={RITUAL_KINDS} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        {ritual.mine ? 'Save how often' : partnerName ? 'Take up this ritual' : 'Save as a plan'}
      </SubmitButton>
    </form>
  );
}

function Stop({ ritual, onDone }: { ritual: Ritual; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const form = useForm();
  if (!asking)
    return (
      <button type="button" class="link-button" onClick={() => setAsking(true)}>
        Stop this ritual<span class="visually-hidden">: {ritual.title}</span>
      </button>
    );
  return (
    <div class="confirm-delete">
      <p>
        {ritual.mine?.state === 'active'
          ? 'Its commitment in Act ends today. What was already done and noticed stays in the log.'
          : 'The plan is set aside. You can take it up again any time.'}
      </p>
      <FormAlert message={form.message} />
      <div class="button-row">
        <button
          type="button"
          class="button primary"
          disabled={form.pending}
          onClick={() =>
            void form.run(async () => {
              await api('rituals.drop', { params: { ritualId: ritual.id } });
              onDone();
            })
          }
        >
          Yes, stop it<span class="visually-hidden"> ({ritual.title})</span>
        </button>
        <button type="button" class="button" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}

function RitualCard({ ritual, partnerName, onChange }: { ritual: Ritual; partnerName: string | null; onChange: () => void }) {
  const [open, setOpen] = useState(false);
  const mine = ritual.mine;
  const done = () => {
    setOpen(false);
    onChange();
  };
  return (
    <li class={mine ? 'card ritual ritual-mine' : 'card ritual'}>
      <h3>{ritual.title}</h3>
      <p>{ritual.what}</p>
      <p class="ritual-why">
        <span class="said-who">Why it can help:</span> {ritual.why}
      </p>
      {mine ? (
        <div class="ritual-state">
          {mine.state === 'active' ? (
            <p>
              You took this up: {describeSchedule(mine.schedule)}, since {sinceWords(mine.since)}.{' '}
              {mine.commitmentId ? (
                <a href={`/act/${mine.commitmentId}`}>
                  See it in Act<span class="visually-hidden">: {ritual.title}</span>
                </a>
              ) : null}
            </p>
          ) : (
            <p>Planned: {describeSchedule(mine.schedule)}. It becomes a commitment when your partner joins.</p>
          )}
          {mine.state === 'planned' && !open ? (
            <p>
              <button type="button" class="link-button" onClick={() => setOpen(true)}>
                Change how often<span class="visually-hidden">: {ritual.title}</span>
              </button>
            </p>
          ) : null}
          <Stop ritual={ritual} onDone={onChange} />
        </div>
      ) : (
        <>
          <p class="hint">Suggested: {describeSchedule(ritual.suggested)}. You can choose your own rhythm.</p>
          {open ? null : (
            <button type="button" class="button" onClick={() => setOpen(true)}>
              Take this up<span class="visually-hidden">: {ritual.title}</span>
            </button>
          )}
        </>
      )}
      {open ? (
        <>
          <ScheduleForm ritual={ritual} partnerName={partnerName} onDone={done} />
          <button type="button" class="link-button" onClick={() => setOpen(false)}>
            Not now
          </button>
        </>
      ) : null}
    </li>
  );
}

/** /closeness/rituals: small rituals of connection, each one a commitment in Act once taken up. */
export function Rituals() {
  const { data, failed, reload } = useResource(loadRituals, { liveKinds: ['space.changed'], refetchOnVisible: true });
  const title = <PageTitle title="Rituals of connection">Rituals of connection</PageTitle>;
  if (!data)
    return (
      <section class="closeness">
        {title}
        {failed ? <p role="alert">The rituals could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );
  const { rituals, partnerName } = data;
  const mine = rituals.filter((r) => r.mine);
  const others = rituals.filter((r) => !r.mine);
  const refresh = () => void reload();
  return (
    <section class="closeness">
      {title}
      <p class="lead">
        Small things, done often, that say “I am glad you are here”. One that feels natural is plenty; there is no need to take up
        many.
      </p>
      <div class="note">
        <p>
          {partnerName
            ? `Taking one up makes it a commitment in Act, with you doing it for ${partnerName}. It is logged and noticed like any other.`
            : 'While you are on your own, a ritual you take up is saved as a plan. It becomes a commitment when your partner joins.'}
        </p>
        <p>
          “Is it working?” weighs the agreements on your needs, not rituals. A ritual is something extra you offer, never a test.
        </p>
      </div>
      {mine.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Yours</h2>
          <ul class="ritual-list">
            {mine.map((r) => (
              <RitualCard key={r.id} ritual={r} partnerName={partnerName} onChange={refresh} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{mine.length ? 'More rituals' : 'The rituals'}</h2>
        <ul class="ritual-list">
          {others.map((r) => (
            <RitualCard key={r.id} ritual={r} partnerName={partnerName} onChange={refresh} />
          ))}
        </ul>
      </section>
      <p>
        <a href="/closeness">Back to Closeness</a>
      </p>
    </section>
  );
}
