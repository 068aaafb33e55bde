import { useRef } from 'preact/hooks';
import { CONVERSATION_CHANGED, TALK_LIMITS } from '../../../../src/domain/conversation';
import { ApiError, api, type ConversationView, type TurnView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { useUnsentText } from '../../lib/unsent';
import { useResource } from '../../lib/use-resource';
import { Acknowledge } from './Acknowledge';
import { CoachedStatement } from './coach';

const VERB: Record<TurnView['kind'], string> = {
  share: 'shared',
  reflect: 'reflected back',
  clarify: 'clarified',
  confirm: 'said: that’s it, I feel heard',
  takeaway: 'takes away',
  said: 'noted what was said',
  went: 'noted how it went',
};

/** The verb after "You" or after the partner's name: "You take away", "Kit takes away". */
const verbFor = (kind: TurnView['kind'], byMe: boolean) => (byMe && kind === 'takeaway' ? 'take away' : VERB[kind]);

function TurnItem({ turn, partnerName }: { turn: TurnView; partnerName: string }) {
  const who = turn.byMe ? 'You' : partnerName;
  const recorder = turn.recordedBy === 'me' ? 'you' : partnerName;
  return (
    <li class={`turn ${turn.byMe ? 'turn-mine' : 'turn-theirs'}`}>
      <p class="turn-who">
        {who} {verbFor(turn.kind, turn.byMe)}
        {turn.recordedBy ? <span class="turn-meta"> · recorded by {recorder} on one device</span> : null}
      </p>
      {turn.text ? <p class="turn-text">{turn.text}</p> : null}
    </li>
  );
}

/** What each empty answer is missing, in the words the server uses too. */
const EMPTY = {
  share: 'Please write what you want to share.',
  reflect: 'Please write what you heard.',
  clarify: 'Please write what you want to add.',
  takeaway: 'Please write what you take from this.',
} as const;

/**
 * When it is my turn to share: what I prepared privately in Talk, offered to bring in. Only its
 * first lines are shown; choosing it puts it in the box to edit before sharing, and nothing is sent.
 */
function Prepared({ onUse, current }: { onUse: (text: string) => void; current: string }) {
  const drafts = useResource(() => api('drafts.list'), { key: ['prepared'] });
  const list = (drafts.data?.drafts ?? []).filter((d) => d.text.trim() !== '').slice(0, 3);
  if (list.length === 0) return null;
  return (
    <div class="note prepared">
      <p>
        <strong>You prepared something to say.</strong> You can bring it in here and change it before you share.
      </p>
      <ul class="plain-list">
        {list.map((d) => (
          <li key={d.id}>
            <p class="user-text">{d.text.length > 160 ? `${d.text.slice(0, 160)}…` : d.text}</p>
            <button
              type="button"
              class="button"
              disabled={current === d.text}
              onClick={() => onUse(current.trim() === '' ? d.text : `${current.trimEnd()}\n\n${d.text}`)}
            >
              {current === d.text ? 'Brought in' : 'Use what I prepared'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One step of the conversation, written by me or (on one device) for my partner. */
function Step({ c, partnerName, onDone }: { c: ConversationView; partnerName: string; onDone: (v: ConversationView) => void }) {
  const form = useForm();
  const forPartner = c.recordsForBoth && c.waitingOn === 'partner';
  const mine = c.waitingOn === 'me' || forPartner;
  const who = forPartner ? partnerName : 'you';
  // Kept in this tab until sent, so a reload does not lose the words (lib/unsent.ts).
  const [text, setText, sent] = useUnsentText(`turn:${c.id}:${c.turns.length}:${forPartner ? 'partner' : 'me'}`);
  const send = (kind: 'share' | 'reflect' | 'clarify' | 'confirm') => {
    if (kind !== 'confirm' && text.trim() === '') {
      form.fail({ text: EMPTY[kind] });
      return;
    }
    void form.run(async () => {
      const body = kind === 'confirm' ? { kind, forPartner } : { kind, text, forPartner };
      onDone(await api('conversations.turn', { params: { id: c.id }, body }));
      sent();
    });
  };

  if (!mine)
    return (
      <p class="note" aria-live="polite">
        {c.phase === 'reflect'
          ? `${partnerName} is saying back what they heard. Their words will appear here.`
          : `It is ${partnerName}'s turn to ${c.phase === 'share' ? 'share' : 'confirm or clarify'}. Their words will appear here.`}
      </p>
    );

  const lead = forPartner ? <p class="note">Please pass the device to {partnerName}. This step is theirs.</p> : null;
  if (c.phase === 'share')
    return (
      <div class="step">
        {lead}
        <FormAlert message={form.message} />
        {forPartner ? null : <Prepared onUse={setText} current={text} />}
        <CoachedStatement
          label={forPartner ? `What ${partnerName} wants to share` : 'What you want to share'}
          hint="One piece at a time. Speak about what happened and how you felt."
          name="share"
          value={text}
          onInput={setText}
          coachRole="speaker"
          maxLength={TALK_LIMITS.textLength}
          error={form.fields.text}
        />
        <button type="button" class="button primary" disabled={form.pending} onClick={() => send('share')}>
          Share this
        </button>
      </div>
    );
  if (c.phase === 'reflect')
    return (
      <div class="step">
        {lead}
        <FormAlert message={form.message} />
        <CoachedStatement
          label={forPartner ? `What ${partnerName} heard` : 'What you heard'}
          hint="Say back what you heard, in your own words, before you answer anything. You do not have to agree to listen."
          name="reflect"
          value={text}
          onInput={setText}
          coachRole="listener"
          maxLength={TALK_LIMITS.textLength}
          error={form.fields.text}
        />
        <button type="button" class="button primary" disabled={form.pending} onClick={() => send('reflect')}>
          Say it back
        </button>
      </div>
    );
  return (
    <div class="step">
      {lead}
      <FormAlert message={form.message} />
      <p>Does this match what {who === 'you' ? 'you' : who} meant?</p>
      <button type="button" class="button primary" disabled={form.pending} onClick={() => send('confirm')}>
        That’s it
      </button>
      <CoachedStatement
        label="Or add what was missing"
        name="clarify"
        value={text}
        onInput={setText}
        coachRole="speaker"
        rows={3}
        maxLength={TALK_LIMITS.textLength}
        error={form.fields.text}
      />
      <button type="button" class="button" disabled={form.pending} onClick={() => send('clarify')}>
        Clarify
      </button>
    </div>
  );
}

// Keyed by my own takeaway only: the partner's arriving must not wipe what I am typing.
function Takeaway({
  c,
  partnerName,
  onDone,
}: {
  c: ConversationView;
  partnerName: string;
  onDone: (v: ConversationView) => void;
}) {
  const form = useForm();
  const forPartner = c.myTakeaway && c.recordsForBoth && !c.partnerTakeaway;
  const [text, setText, sent] = useUnsentText(`takeaway:${c.id}:${forPartner ? 'partner' : 'me'}`);
  if (c.myTakeaway && !forPartner) return <p class="note">Thank you. Waiting for {partnerName}’s takeaway.</p>;
  const submit = () => {
    if (text.trim() === '') {
      form.fail({ text: forPartner ? `Please write what ${partnerName} takes from this.` : EMPTY.takeaway });
      return;
    }
    void form.run(async () => {
      onDone(await api('conversations.turn', { params: { id: c.id }, body: { kind: 'takeaway', text, forPartner } }));
      sent();
    });
  };
  return (
    <div class="step">
      {forPartner ? <p class="note">Please pass the device to {partnerName} for their takeaway.</p> : null}
      <FormAlert message={form.message} />
      <div class="field">
        <label for="takeaway">{forPartner ? `What ${partnerName} takes from this` : 'What you take from this'}</label>
        <textarea
          id="takeaway"
          name="takeaway"
          rows={3}
          maxLength={TALK_LIMITS.textLength}
          value={text}
          aria-invalid={form.fields.text ? 'true' : undefined}
          aria-describedby={form.fields.text ? 'takeaway-error' : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {form.fields.text ? (
          <p class="field-error" id="takeaway-error">
            {form.fields.text}
          </p>
        ) : null}
      </div>
      <button type="button" class="button primary" disabled={form.pending} onClick={submit}>
        Save takeaway
      </button>
    </div>
  );
}

/** The conversation, or 'missing' when there is none to show here (404). */
async function loadConversation(id: string): Promise<ConversationView | 'missing'> {
  try {
    return await api('conversations.get', { params: { id } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return 'missing';
    throw err;
  }
}

/** A conversation, live on both screens: each partner's turns arrive on the other's without reloading. */
export function Conversation({ id }: { id: string }) {
  const conversation = useResource(() => loadConversation(id), { liveKinds: [CONVERSATION_CHANGED], key: [id] });
  const space = useResource(() => api('spaces.get'), { key: [id] });
  const partnerName = space.data?.partner?.name ?? 'Your partner';
  const form = useForm();

  // Our own steps can answer after a reload that already showed something newer: never go back in time.
  const shown = useRef(conversation.data);
  shown.current = conversation.data;
  const setC = (next: ConversationView) => {
    const now = shown.current;
    if (now && now !== 'missing' && now.id === next.id && now.version > next.version) return;
    shown.current = next;
    conversation.set(next);
  };

  const title = <PageTitle title="Conversation">Conversation</PageTitle>;
  const c = conversation.data;
  if (c === 'missing')
    return (
      <section class="talk">
        {title}
        <p>
          We could not find this conversation. <a href="/talk">Back to Talk</a>
        </p>
      </section>
    );
  if (!c) return <Loading />;
  const move = (action: 'pause' | 'resume' | 'close') =>
    void form.run(async () => setC(await api('conversations.move', { params: { id: c.id }, body: { action } })));
  // After the space it was held in closed, nothing more can happen in it: no step, no pause, no finish.
  const closed = c.closedBySpace;
  const open = !closed && (c.phase === 'share' || c.phase === 'reflect' || c.phase === 'confirm');

  return (
    <section class="talk">
      {title}
      <p class="hint">
        {c.mode === 'in-person'
          ? `Held in person${c.heldOn ? ` on ${formatDate(c.heldOn)}` : ''}. Only you can see this record.`
          : c.mode === 'one-device'
            ? 'On one device, passed between you.'
            : 'On two devices. Each of you writes your own turns.'}
      </p>
      <ol class="turns" aria-label="What has been said">
        {c.turns.map((t) => (
          <TurnItem key={t.id} turn={t} partnerName={partnerName} />
        ))}
      </ol>
      <FormAlert message={form.message} />
      {open ? (
        <>
          <p class="whose-turn" aria-live="polite">
            {c.speaker === 'me' ? 'You are speaking this round.' : `${partnerName} is speaking this round.`}
          </p>
          <Step key={`${c.phase}-${c.turns.length}`} c={c} partnerName={partnerName} onDone={setC} />
          <div class="button-row talk-controls">
            <button type="button" class="button" disabled={form.pending} onClick={() => move('pause')}>
              Pause for a break
            </button>
            <button type="button" class="button" disabled={form.pending} onClick={() => move('close')}>
              We are ready to finish
            </button>
          </div>
        </>
      ) : null}
      {closed ? (
        <p class="note" data-testid="closed-by-space">
          This conversation stopped when you stopped sharing a space, before it was finished. It is kept as it was, and nothing
          more can be added to it.
        </p>
      ) : null}
      {!closed && c.phase === 'paused' ? (
        <div class="note">
          <p>
            You are taking a break. About {c.suggestedBreakMinutes} minutes often helps: breathe, walk, drink some water. Come
            back when you both feel ready.
          </p>
          <div class="button-row">
            <button type="button" class="button primary" disabled={form.pending} onClick={() => move('resume')}>
              Resume the conversation
            </button>
            <button type="button" class="button" disabled={form.pending} onClick={() => move('close')}>
              Finish here instead
            </button>
          </div>
        </div>
      ) : null}
      {!closed && c.phase === 'closing' ? (
        <>
          <h2>Your takeaways</h2>
          <p>Each of you writes one thing you take from this conversation, in your own words.</p>
          <Takeaway key={String(c.myTakeaway)} c={c} partnerName={partnerName} onDone={setC} />
        </>
      ) : null}
      {c.phase === 'ended' ? (
        <>
          <p class="note">
            This conversation has finished{c.endedAt ? ` (${formatDate(c.endedAt)})` : ''}. Thank you both for staying with it.
          </p>
          <Acknowledge conversation={c} partnerName={partnerName} />
        </>
      ) : null}
      <p>
        <a href="/talk">Back to Talk</a>
      </p>
    </section>
  );
}
