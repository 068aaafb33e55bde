import { useState } from 'preact/hooks';
import { CONVERSATION_CHANGED, TALK_LIMITS } from '../../../../src/domain/conversation';
import { type AcknowledgementView, api, type ConversationView } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { useResource } from '../../lib/use-resource';
import { CoachedStatement } from './coach';

const FELT_TEXT = { true: 'It felt true', partly: 'Partly', 'not-yet': 'Not yet' } as const;
type Felt = keyof typeof FELT_TEXT;

function Reply({ conversationId, ack, onDone }: { conversationId: string; ack: AcknowledgementView; onDone: () => void }) {
  const form = useForm();
  const [felt, setFelt] = useState<Felt>('true');
  const [missing, setMissing] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('acknowledgements.reply', { params: { id: conversationId, ackId: ack.id }, body: { felt, missing } });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <fieldset>
        <legend>Did this feel true to you?</legend>
        {(Object.keys(FELT_TEXT) as Felt[]).map((f) => (
          <label key={f} class="choice">
            <input type="radio" name={`felt-${ack.id}`} value={f} checked={felt === f} onChange={() => setFelt(f)} />{' '}
            {FELT_TEXT[f]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`missing-${ack.id}`}>What is missing, if anything (optional)</label>
        <textarea
          id={`missing-${ack.id}`}
          rows={3}
          maxLength={TALK_LIMITS.textLength}
          value={missing}
          onInput={(e) => setMissing((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <SubmitButton pending={form.pending} pendingLabel="Sending…">
        Send my answer
      </SubmitButton>
    </form>
  );
}

function Write({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const form = useForm();
  const [did, setDid] = useState('');
  const [effect, setEffect] = useState('');
  const [change, setChange] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('acknowledgements.create', { params: { id: conversationId }, body: { did, effect, change } });
      onDone();
    });
  };
  const common = { coachRole: 'apology' as const, rows: 3, maxLength: TALK_LIMITS.textLength };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <CoachedStatement
        {...common}
        label="What I did, or failed to do"
        name="did"
        value={did}
        onInput={setDid}
        error={form.fields.did}
      />
      <CoachedStatement
        {...common}
        label="Its effect on you, as I understand it now"
        name="effect"
        value={effect}
        onInput={setEffect}
        error={form.fields.effect}
      />
      <CoachedStatement
        {...common}
        label="What I will do differently"
        name="change"
        value={change}
        onInput={setChange}
        error={form.fields.change}
      />
      <SubmitButton pending={form.pending} pendingLabel="Sending…">
        Share my acknowledgement
      </SubmitButton>
    </form>
  );
}

/** After a finished conversation: an acknowledgement, and the other partner's answer to it. */
export function Acknowledge({ conversation, partnerName }: { conversation: ConversationView; partnerName: string }) {
  const { data: list, reload } = useResource(() => api('acknowledgements.list', { params: { id: conversation.id } }), {
    liveKinds: [CONVERSATION_CHANGED],
    key: [conversation.id],
  });
  const [writing, setWriting] = useState(false);
  const load = () => void reload();
  if (!list) return null;
  return (
    <section aria-labelledby="ack-heading">
      <h2 id="ack-heading">Acknowledge</h2>
      <p>
        If you are the one making amends, you can say what you did or failed to do, how it affected {partnerName}, and what you
        will do differently. This is a start, not the repair: what repairs trust is what changes afterwards, over time.
      </p>
      {list.acknowledgements.map((a) =>
        a.fromFormerPartner ? (
          <article class="card" key={a.id}>
            <h3>Your answer to an acknowledgement from before the space was closed</h3>
            <p class="hint">
              The acknowledgement was written by the person you shared the space with. Its words left your view when the space was
              closed, and your own answer stays with you.
            </p>
            {a.reply ? (
              <p class="note">
                Your answer: {FELT_TEXT[a.reply.felt]}.{a.reply.missing ? ` What was missing: ${a.reply.missing}` : ''}
              </p>
            ) : null}
          </article>
        ) : (
          <article class="card" key={a.id}>
            <h3>{a.byMe ? 'Your acknowledgement' : `${partnerName}’s acknowledgement`}</h3>
            <p>
              <strong>What {a.byMe ? 'I' : 'they'} did:</strong> {a.did}
            </p>
            <p>
              <strong>Its effect:</strong> {a.effect}
            </p>
            <p>
              <strong>What will be different:</strong> {a.change}
            </p>
            {a.reply ? (
              <p class="note">
                {a.reply.byMe ? 'Your answer' : `${partnerName}’s answer`}: {FELT_TEXT[a.reply.felt]}.
                {a.reply.missing ? ` What is missing: ${a.reply.missing}` : ''}
              </p>
            ) : a.byMe ? (
              <p class="hint">Waiting for {partnerName}’s answer, whenever they are ready.</p>
            ) : conversation.mode === 'in-person' ? null : (
              <Reply conversationId={conversation.id} ack={a} onDone={load} />
            )}
          </article>
        ),
      )}
      {writing ? (
        <Write
          conversationId={conversation.id}
          onDone={() => {
            setWriting(false);
            load();
          }}
        />
      ) : (
        <button type="button" class="button" onClick={() => setWriting(true)}>
          Write an acknowledgement
        </button>
      )}
    </section>
  );
}
