import { useId, useState } from 'preact/hooks';
import { api, type NeedView } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { CoachedText } from './Coach';

type Mode = 'propose' | 'decline' | null;

/**
 * Answering a need or a proposal. The partner may accept, propose other wording, or decline with a
 * reason; the author, answering a proposal, may accept it or propose again.
 */
export function Answer({ need, partnerName, onDone }: { need: NeedView; partnerName: string; onDone: (n: NeedView) => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const form = useForm();
  const reasonId = useId();
  const latest = [...need.history].reverse().find((h) => h.kind === 'proposal' && !h.byMe);
  const onProposal = need.state !== 'shared' && latest !== undefined;
  const canDecline = !need.mine;

  const accept = () =>
    void form.run(async () => {
      onDone(
        onProposal && latest
          ? await api('needs.proposals.accept', { params: { id: need.id, proposalId: latest.id } })
          : await api('needs.respond', { params: { id: need.id }, body: { kind: 'accept' } }),
      );
    });
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const body = mode === 'decline' ? { kind: 'decline' as const, reason: text } : { kind: 'propose' as const, text };
      onDone(await api('needs.respond', { params: { id: need.id }, body }));
    });
  };

  return (
    <div class="answer">
      {onProposal && latest ? (
        <p>
          {partnerName} proposed this wording: <q class="history-words">{latest.text}</q>
        </p>
      ) : null}
      <FormAlert message={form.message} />
      <div class="button-row">
        <button type="button" class="button primary" disabled={form.pending} onClick={accept}>
          {onProposal ? 'Accept this wording' : 'Accept this need'}
        </button>
        <button
          type="button"
          class="button"
          aria-expanded={mode === 'propose'}
          onClick={() => setMode(mode === 'propose' ? null : 'propose')}
        >
          {onProposal ? 'Suggest other wording' : 'Propose a change'}
        </button>
        {canDecline ? (
          <button
            type="button"
            class="button"
            aria-expanded={mode === 'decline'}
            onClick={() => setMode(mode === 'decline' ? null : 'decline')}
          >
            Not now, and why
          </button>
        ) : null}
      </div>
      {mode ? (
        <form class="answer-choice" onSubmit={submit} noValidate>
          {mode === 'propose' ? (
            <CoachedText
              name="proposal"
              label="The wording you would suggest"
              hint="Keep what matters to them, and say what you could really do, and when."
              value={text}
              onInput={setText}
              error={form.fields.text}
            />
          ) : (
            <div class="field">
              <label for={reasonId}>What makes this hard to say yes to right now?</label>
              <p class="hint" id={`${reasonId}-hint`}>
                {partnerName} will read this. Honest and kind helps you both.
              </p>
              <textarea
                id={reasonId}
                name="reason"
                rows={3}
                value={text}
                aria-describedby={`${reasonId}-hint`}
                aria-invalid={form.fields.reason ? 'true' : undefined}
                onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
              />
              {form.fields.reason ? <p class="field-error">{form.fields.reason}</p> : null}
            </div>
          )}
          <div class="button-row">
            <SubmitButton pending={form.pending} pendingLabel="Sending…">
              {mode === 'propose' ? 'Send this wording' : 'Send my answer'}
            </SubmitButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
