import { useEffect, useId, useState } from 'preact/hooks';
import { toDoersVoice } from '../../../../src/domain/voice';
import { localDateOf } from '../../../../src/domain/zoned-time';
import { type AgreementView, api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { PageTitle } from '../../components/PageTitle';
import { navigate, queryParam } from '../../lib/router';
import { me } from '../../lib/session';
import { draftOf, ScheduleFields, scheduleOf } from './ScheduleFields';

/**
 * The words offered for "What you will do" from an agreement: my partner's need, in their words, is
 * turned to my voice ("Ask about my day" → "Ask about your day"); words I wrote stay as they are.
 */
function offeredWords(a: AgreementView | undefined): string {
  if (!a?.wording) return '';
  const theirs = !a.need.mine && !a.wording.byMe;
  return (theirs ? toDoersVoice(a.wording.text) : a.wording.text).slice(0, 300);
}

/** /act/new (optionally ?agreement=<id>): a commitment from an agreement, or made directly. */
export function NewCommitment() {
  const id = useId();
  const zone = me.value?.timeZone ?? 'UTC';
  const today = localDateOf(new Date(), zone);
  const [agreements, setAgreements] = useState<AgreementView[]>([]);
  const [agreementId, setAgreementId] = useState<string>(queryParam('agreement') ?? '');
  const [what, setWhat] = useState('');
  const [draft, setDraft] = useState(() => draftOf(null, today));
  const [startsOn, setStartsOn] = useState(today);
  const form = useForm();

  useEffect(() => {
    api('agreements.list').then(
      (r) => {
        setAgreements(r.agreements);
        const chosen = r.agreements.find((a) => a.id === agreementId);
        if (chosen?.wording && !what) setWhat(offeredWords(chosen));
      },
      () => setAgreements([]),
    );
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const created = await api('commitments.create', {
        body: { agreementId: agreementId || null, what, schedule: scheduleOf(draft), startsOn },
      });
      navigate(`/act/${created.id}`);
    });
  };

  return (
    <section class="act">
      <PageTitle title="Make a commitment">Make a commitment</PageTitle>
      <p class="lead">
        Something you will do for your partner, on a rhythm you can keep. Small and steady is better than big and rare.
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <div class="field">
          <label for={`${id}-agreement`}>From an agreement</label>
          <select
            id={`${id}-agreement`}
            value={agreementId}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              setAgreementId(value);
              const chosen = agreements.find((a) => a.id === value);
              if (chosen?.wording && !what) setWhat(offeredWords(chosen));
            }}
          >
            <option value="">Not from an agreement</option>
            {agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {(a.wording?.text ?? 'An earlier agreement').slice(0, 80)}
              </option>
            ))}
          </select>
          {form.fields.agreementId ? <p class="field-error">{form.fields.agreementId}</p> : null}
        </div>
        <div class="field">
          <label for={`${id}-what`}>What you will do</label>
          <p class="hint" id={`${id}-what-hint`}>
            Something your partner could notice. For example: ask about their day at dinner, with the phone away.
          </p>
          <textarea
            id={`${id}-what`}
            rows={3}
            maxLength={300}
            aria-describedby={`${id}-what-hint`}
            aria-invalid={form.fields.what ? 'true' : undefined}
            value={what}
            onInput={(e) => setWhat((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {form.fields.what ? <p class="field-error">{form.fields.what}</p> : null}
        </div>
        <ScheduleFields draft={draft} onChange={setDraft} errors={form.fields} zone={zone} />
        <div class="field">
          <label for={`${id}-start`}>Starting</label>
          <input
            id={`${id}-start`}
            type="date"
            min={today}
            value={startsOn}
            aria-invalid={form.fields.startsOn ? 'true' : undefined}
            onInput={(e) => setStartsOn((e.currentTarget as HTMLInputElement).value)}
          />
          {form.fields.startsOn ? <p class="field-error">{form.fields.startsOn}</p> : null}
        </div>
        <div class="button-row">
          <SubmitButton pending={form.pending} pendingLabel="Saving…">
            Commit to this
          </SubmitButton>
          <a class="button" href="/act">
            Back
          </a>
        </div>
      </form>
    </section>
  );
}
