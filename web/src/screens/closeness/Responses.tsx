import { useId, useState } from 'preact/hooks';
import {
  CLOSENESS_LIMITS,
  CLOSENESS_REACTION_LABELS,
  CLOSENESS_REACTIONS,
  type ClosenessReaction,
} from '../../../../src/domain/closeness/limits';
import { api } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import type { Pair } from './words';

const REPLY_MAX = CLOSENESS_LIMITS.replyLength;

interface Props {
  pair: Pair;
  partnerName: string;
  onChange: () => void;
}

/** After both answers are in: my reaction, my one reply, and "I'd like to talk more about this". */
export function Responses({ pair, partnerName, onChange }: Props) {
  const id = useId();
  const mine = pair.myResponse;
  const [reply, setReply] = useState(mine?.reply ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const questionId = pair.question.id;

  const respond = (body: { reaction?: ClosenessReaction | null; reply?: string | null }, done: string) =>
    void form.run(async () => {
      setStatus(null);
      await api('closeness.respond', { params: { questionId }, body });
      setStatus(done);
      onChange();
    });

  const react = (r: ClosenessReaction) =>
    mine?.reaction === r
      ? respond({ reaction: null }, 'Your reaction is taken back.')
      : respond({ reaction: r }, `${partnerName} will see your reaction.`);

  const sendReply = (e: Event) => {
    e.preventDefault();
    respond(
      { reply: reply.trim() ? reply : null },
      reply.trim() ? `${partnerName} will see your reply.` : 'Your reply is taken back.',
    );
  };

  const talkMore = () =>
    void form.run(async () => {
      setStatus(null);
      await api('closeness.talkMore', { params: { questionId } });
      setStatus(`A private draft is waiting for you in Talk. ${partnerName} will see that you would like to talk about this.`);
      onChange();
    });

  return (
    <div class="responses">
      <h3>What you say back</h3>
      <FormAlert message={form.message} />
      <fieldset class="reaction-buttons">
        <legend>Your reaction to {partnerName}’s answer</legend>
        <div class="button-wrap">
          {CLOSENESS_REACTIONS.map((r) => (
            <button
              key={r}
              type="button"
              class={mine?.reaction === r ? 'button chosen' : 'button'}
              aria-pressed={mine?.reaction === r}
              disabled={form.pending}
              onClick={() => react(r)}
            >
              {CLOSENESS_REACTION_LABELS[r]}
            </button>
          ))}
        </div>
      </fieldset>
      <form class="reply-form" onSubmit={sendReply} noValidate>
        <label for={`${id}-reply`}>Your reply to {partnerName} (optional)</label>
        <p class="hint" id={`${id}-reply-hint`}>
          One reply each. You can change yours later. Up to {REPLY_MAX} characters, {REPLY_MAX - reply.length} left.
        </p>
        <textarea
          id={`${id}-reply`}
          rows={3}
          maxLength={REPLY_MAX}
          value={reply}
          aria-describedby={`${id}-reply-hint`}
          aria-invalid={form.fields.reply ? 'true' : undefined}
          onInput={(e) => setReply((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {form.fields.reply ? <p class="field-error">{form.fields.reply}</p> : null}
        <button type="submit" class="button primary" disabled={form.pending}>
          {mine?.reply ? 'Save my reply' : 'Send my reply'}
        </button>
      </form>
      <div class="talk-more">
        {mine?.talkMore ? (
          <p>
            You said you would like to talk more about this. <a href="/talk/prepare">Your private draft is in Talk</a>, for when
            you want to prepare.
          </p>
        ) : (
          <>
            <button type="button" class="button" disabled={form.pending} onClick={talkMore}>
              I’d like to talk more about this
            </button>
            <p class="hint">
              This starts a private draft in Talk, so you can prepare what you want to say. {partnerName} will see that you would
              like to talk about it, and nothing of your draft.
            </p>
          </>
        )}
      </div>
      <p role="status" class="closeness-status">
        {status}
      </p>
    </div>
  );
}
