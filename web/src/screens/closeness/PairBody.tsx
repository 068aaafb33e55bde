import { useEffect, useState } from 'preact/hooks';
import { CLOSENESS_REACTION_LABELS } from '../../../../src/domain/closeness/limits';
import { api } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { formatDateTime } from '../../lib/dates';
import { AnswerForm } from './AnswerForm';
import { Responses } from './Responses';
import type { Pair } from './words';

type AnswerView = NonNullable<Pair['mine']>;
type ResponseView = NonNullable<Pair['myResponse']>;

interface Props {
  pair: Pair;
  /** Null while I am on my own. */
  partnerName: string | null;
  /** Today's question can be set aside ("Not today"); an earlier one simply waits. */
  isToday: boolean;
  onChange: () => void;
}

function AnswerText({ who, answer }: { who: string; answer: AnswerView }) {
  return (
    <div class="pair-answer">
      <h3>{who}</h3>
      <p class="answer-text">{answer.text}</p>
      {answer.editedAt ? <p class="hint">Edited {formatDateTime(answer.editedAt)}</p> : null}
    </div>
  );
}

/** What someone said back to an answer: a reaction, a reply, a wish to talk more. */
function SaidBack({
  who,
  response,
  partnerName,
}: {
  who: 'you' | 'partner';
  response: ResponseView | null;
  partnerName: string;
}) {
  if (!response || (!response.reaction && !response.reply && !response.talkMore)) return null;
  const name = who === 'you' ? 'You' : partnerName;
  return (
    <div class="said-back">
      {response.reaction ? (
        <p>
          <span class="said-who">{name}:</span> {CLOSENESS_REACTION_LABELS[response.reaction]}
        </p>
      ) : null}
      {response.reply ? (
        <p>
          <span class="said-who">{who === 'you' ? 'Your reply' : `${partnerName}’s reply`}:</span>{' '}
          <span class="answer-text">{response.reply}</span>
        </p>
      ) : null}
      {who === 'partner' && response.talkMore ? <p>{partnerName} would like to talk more about this.</p> : null}
    </div>
  );
}

function privacyLine(partnerName: string | null, held: boolean): string {
  if (partnerName === null)
    return 'You are answering for yourself. If a partner joins later, your answers stay private unless you choose to share them.';
  if (held) return `You wrote this while you were on your own. ${partnerName} sees it only if you choose to share it.`;
  return `${partnerName} sees your answer only once you have both answered. Attune never tells ${partnerName} whether you answered.`;
}

/** One question day: my answer (private until we both answered), then both answers together. */
export function PairBody({ pair, partnerName, isToday, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const questionId = pair.question.id;
  // Once both answers are in, what was said about saving one is old news.
  useEffect(() => setStatus(null), [pair.revealed]);
  const saved = (words: string) => {
    setEditing(false);
    setStatus(words);
    onChange();
  };
  const skip = (again: boolean) =>
    void form.run(async () => {
      setStatus(null);
      if (again) await api('closeness.unskip');
      else await api('closeness.skip');
      setStatus(again ? 'Today’s question is back.' : null);
      onChange();
    });
  const share = () =>
    void form.run(async () => {
      setStatus(null);
      await api('closeness.share', { params: { questionId } });
      setStatus(`Shared with ${partnerName}.`);
      onChange();
    });
  const privacy = privacyLine(partnerName, pair.mineHeld);
  const statusLine = (
    <p role="status" class="closeness-status">
      {status}
    </p>
  );

  if (isToday && pair.skipped && !pair.mine)
    return (
      <div class="skipped">
        <p>You set today’s question aside. That is completely fine, and only you know. A new question comes tomorrow.</p>
        <FormAlert message={form.message} />
        <button type="button" class="button" disabled={form.pending} onClick={() => skip(true)}>
          Answer it after all
        </button>
        {statusLine}
      </div>
    );

  if (pair.revealed && pair.mine && pair.partner && partnerName !== null)
    return (
      <div class="revealed">
        <p class="hint">You have both answered, so you can both read both answers.</p>
        <div class="pair">
          <div>
            <AnswerText who="You" answer={pair.mine} />
            <SaidBack who="partner" response={pair.partnerResponse} partnerName={partnerName} />
          </div>
          <div>
            <AnswerText who={partnerName} answer={pair.partner} />
            <SaidBack who="you" response={pair.myResponse} partnerName={partnerName} />
          </div>
        </div>
        {editing ? (
          <AnswerForm
            questionId={questionId}
            existing={pair.mine.text}
            privacy={`${partnerName} sees the change at once, marked as edited.`}
            onSaved={saved}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <p>
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              Change my answer
            </button>
          </p>
        )}
        {statusLine}
        <Responses pair={pair} partnerName={partnerName} onChange={onChange} />
      </div>
    );

  return (
    <div class="unrevealed">
      {pair.mine && !editing ? (
        <div class="my-answer">
          <h3>Your answer</h3>
          <p class="answer-text">{pair.mine.text}</p>
          <p class="hint">{privacy}</p>
          <div class="button-row">
            <button type="button" class="button" onClick={() => setEditing(true)}>
              Change my answer
            </button>
            {pair.mineHeld && partnerName !== null ? (
              <button type="button" class="button" disabled={form.pending} onClick={share}>
                Share with {partnerName}
              </button>
            ) : null}
          </div>
          {!pair.mineHeld && partnerName !== null ? <p>When you have both answered, both answers appear here together.</p> : null}
        </div>
      ) : (
        <AnswerForm
          key={pair.mine ? 'change' : 'new'}
          questionId={questionId}
          existing={pair.mine?.text ?? null}
          privacy={privacy}
          onSaved={saved}
          onCancel={pair.mine ? () => setEditing(false) : undefined}
        />
      )}
      {pair.partner && partnerName !== null ? (
        <div class="pair-answer">
          <h3>{partnerName}’s answer</h3>
          <p class="hint">{partnerName} wrote this before you shared a space, and chose to show it to you.</p>
          <p class="answer-text">{pair.partner.text}</p>
        </div>
      ) : null}
      <FormAlert message={form.message} />
      {isToday && !pair.mine ? (
        <div class="not-today">
          <button type="button" class="button" disabled={form.pending} onClick={() => skip(false)}>
            Not today
          </button>
          <p class="hint">Some days are not the day for a question. Setting it aside is fine, and only you will know.</p>
        </div>
      ) : null}
      {statusLine}
    </div>
  );
}
