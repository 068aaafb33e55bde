import { causeLabel, isCauseId } from '../../../../src/domain/causes';
import { CLOSENESS_REACTION_LABELS, type ClosenessReaction } from '../../../../src/domain/closeness/limits';
import { api, type TherapistConversationsView } from '../../api/client';
import { longDay } from '../summary/format';
import { PanelBody, type PanelProps, usePanel } from './panel';

// The therapist's views of the words the partners wrote to each other, when both included them:
// conversations held together, what each marked in Why, and revealed answers to closeness questions.

type Conversation = TherapistConversationsView['conversations'][number];

const TURN_WORDS: Record<Conversation['turns'][number]['kind'], string> = {
  share: 'shared',
  reflect: 'reflected back',
  clarify: 'clarified',
  confirm: 'confirmed: “Yes, that’s it.”',
  takeaway: 'took away',
};

const FELT_WORDS: Record<string, string> = { true: 'It felt true', partly: 'Partly', 'not-yet': 'Not yet' };

const dayOf = (iso: string) => longDay(iso.slice(0, 10));
const causeName = (id: string) => (isCauseId(id) ? causeLabel(id) : id);

function ConversationItem({ c }: { c: Conversation }) {
  return (
    <li class="card view-item">
      <h3>
        {c.mode === 'two-devices' ? 'On two devices' : 'Together on one device'}, {dayOf(c.startedAt)}
      </h3>
      <p class="hint">
        Started by {c.startedBy} · {c.rounds} {c.rounds === 1 ? 'round' : 'rounds'} ·{' '}
        {c.phase === 'ended' ? 'finished' : 'not finished'}
      </p>
      <ol class="turns">
        {c.turns.map((t) => (
          <li key={`${t.kind}-${t.at}`}>
            <strong>{t.by}</strong> {TURN_WORDS[t.kind]}
            {t.text ? (
              <>
                : <span class="said">{t.text}</span>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {c.acknowledgements.map((a) => (
        <div class="ack" key={a.at}>
          <h4>{a.by}’s acknowledgement</h4>
          <p>
            <strong>What I did:</strong> <span class="said">{a.did}</span>
          </p>
          <p>
            <strong>Its effect:</strong> <span class="said">{a.effect}</span>
          </p>
          <p>
            <strong>What I will do differently:</strong> <span class="said">{a.change}</span>
          </p>
          {a.reply ? (
            <p>
              {a.reply.by}: {FELT_WORDS[a.reply.felt] ?? a.reply.felt}
              {a.reply.missing ? (
                <>
                  . <span class="said">{a.reply.missing}</span>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ))}
    </li>
  );
}

export function ConversationsPanel({ id, onGone }: PanelProps) {
  const resource = usePanel(() => api('therapists.view.conversations', { params: { id } }), onGone);
  return (
    <PanelBody resource={resource}>
      {(data) => (
        <>
          <p class="hint">Conversations they held together in Talk, newest first. What either prepared alone is never here.</p>
          {data.conversations.length === 0 ? <p>No conversation held together yet.</p> : null}
          <ul class="plain-list view-list">
            {data.conversations.map((c) => (
              <ConversationItem key={c.id} c={c} />
            ))}
          </ul>
          {data.truncated ? <p class="hint">Only the newest conversations are shown.</p> : null}
        </>
      )}
    </PanelBody>
  );
}

export function CausesPanel({ id, onGone }: PanelProps) {
  const resource = usePanel(() => api('therapists.view.causes', { params: { id } }), onGone);
  return (
    <PanelBody resource={resource}>
      {(data) =>
        !data.bothRevealed ? (
          <p>They have not both shared what they think led here yet. It shows here once both have.</p>
        ) : (
          <>
            <p class="hint">What each of them marked as having led here, once both chose to share it.</p>
            {data.comparison ? (
              <div class="card">
                <h3>Where they agree and differ</h3>
                <p>
                  <strong>Both marked:</strong>{' '}
                  {data.comparison.both.length > 0 ? data.comparison.both.map(causeName).join('; ') : 'nothing in common yet'}
                </p>
                {data.comparison.onlyOne.map((o) =>
                  o.causes.length > 0 ? (
                    <p key={o.by}>
                      <strong>Only {o.by}:</strong> {o.causes.map(causeName).join('; ')}
                    </p>
                  ) : null,
                )}
              </div>
            ) : null}
            {data.partners.map((p) => (
              <section key={p.by} class="card view-item" aria-labelledby={`causes-${p.by}`}>
                <h3 id={`causes-${p.by}`}>What {p.by} marked</h3>
                <p class="hint">Shared on {dayOf(p.revealedAt)}</p>
                {p.marks ? (
                  <ul>
                    {p.marks.causes.map((m) => (
                      <li key={m.id}>
                        {m.label}
                        {m.note ? (
                          <>
                            : <span class="said">{m.note}</span>
                          </>
                        ) : null}
                      </li>
                    ))}
                    {p.marks.ownWords.map((w) => (
                      <li key={w.text}>
                        <span class="said">{w.text}</span>
                        {w.note ? <span class="said"> ({w.note})</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {p.understanding ? (
                  <>
                    <h4>{p.by}’s part of the shared understanding</h4>
                    <p class="said-block">{p.understanding}</p>
                  </>
                ) : null}
              </section>
            ))}
          </>
        )
      }
    </PanelBody>
  );
}

export function ClosenessPanel({ id, onGone }: PanelProps) {
  const resource = usePanel(() => api('therapists.view.closeness', { params: { id } }), onGone);
  return (
    <PanelBody resource={resource}>
      {(data) => (
        <>
          <p class="hint">Questions of the day they both answered and both saw, newest first.</p>
          {data.pairs.length === 0 ? <p>No question answered by both yet.</p> : null}
          <ul class="plain-list view-list">
            {data.pairs.map((pair) => (
              <li key={pair.day} class="card view-item">
                <h3 class="said-heading">{pair.question}</h3>
                <p class="hint">{longDay(pair.day)}</p>
                {pair.answers.map((a) => (
                  <div key={a.by} class="answer">
                    <p>
                      <strong>{a.by}</strong>
                      {a.editedAt ? <span class="hint"> (edited)</span> : null}
                    </p>
                    <p class="said-block">{a.text}</p>
                  </div>
                ))}
                {pair.responses
                  .filter((r) => r.reaction !== null || r.reply !== null || r.talkMore)
                  .map((r) => (
                    <p key={r.by} class="reply">
                      {r.by}
                      {r.reaction ? `: ${CLOSENESS_REACTION_LABELS[r.reaction as ClosenessReaction]}` : ''}
                      {r.reply ? (
                        <>
                          {' '}
                          replied: <span class="said">{r.reply}</span>
                        </>
                      ) : null}
                      {r.talkMore ? ` · ${r.by} would like to talk more about this` : ''}
                    </p>
                  ))}
              </li>
            ))}
          </ul>
          {data.truncated ? <p class="hint">Only the newest are shown.</p> : null}
        </>
      )}
    </PanelBody>
  );
}
