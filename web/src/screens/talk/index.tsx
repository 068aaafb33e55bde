import { CONVERSATION_CHANGED } from '../../../../src/domain/conversation';
import { api, type ConversationList, type ConversationSummary } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { navigate, queryParam } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { Conversation } from './Conversation';
import { Prepare } from './Prepare';
import { RecordInPerson } from './RecordInPerson';
import './talk.css';

const MODE_TEXT: Record<ConversationSummary['mode'], string> = {
  'two-devices': 'on two devices',
  'one-device': 'on one device',
  'in-person': 'in person',
};

function Item({ c }: { c: ConversationSummary }) {
  const when = c.heldOn ? formatDate(c.heldOn) : formatDate(c.startedAt);
  return (
    <li class="card">
      <a href={`/talk/${c.id}`}>
        Conversation {MODE_TEXT[c.mode]}, {when}
      </a>
      <span class="hint">
        {' '}
        ·{' '}
        {c.closedBySpace
          ? 'ended when the space closed'
          : c.phase === 'ended'
            ? 'finished'
            : c.phase === 'paused'
              ? 'paused'
              : c.phase === 'closing'
                ? 'writing takeaways'
                : 'in progress'}
      </span>
    </li>
  );
}

interface Loaded {
  list: ConversationList;
  helpFirst: boolean;
}

async function loadTalk(): Promise<Loaded> {
  const [list, safety] = await Promise.all([api('conversations.list'), api('safety.get')]);
  return { list, helpFirst: safety.concern };
}

function TalkHome() {
  const { data } = useResource(loadTalk, { liveKinds: [CONVERSATION_CHANGED, 'space.changed'] });
  const form = useForm();

  const title = <PageTitle title="Talk">Talk</PageTitle>;
  // Until the list arrives (or if it cannot), the page keeps loading.
  if (!data)
    return (
      <section class="talk">
        {title}
        <Loading />
      </section>
    );
  const { list, helpFirst } = data;
  const start = (mode: 'two-devices' | 'one-device') =>
    void form.run(async () => {
      const c = await api('conversations.start', { body: { mode } });
      navigate(`/talk/${c.id}`);
    });
  // One that stopped when the space closed can never go on: it is listed on its own, not as in progress.
  const ongoing = list.conversations.filter((c) => c.phase !== 'ended' && !c.closedBySpace);
  const finished = list.conversations.filter((c) => c.phase === 'ended');
  const stopped = list.conversations.filter((c) => c.closedBySpace);

  return (
    <section class="talk">
      {title}
      {helpFirst ? (
        <div class="note">
          <p>
            Your safety comes first. If you feel afraid or controlled, talking to someone outside the relationship can help.{' '}
            <a href="/help">Get help now</a>
          </p>
          <p>You can still prepare here privately, whenever you like.</p>
        </div>
      ) : null}
      <p class="lead">Prepare what you want to say on your own, then take turns speaking and really listening.</p>
      {queryParam('recorded') ? (
        <p class="note" role="status">
          Saved. Your conversation is counted below.
        </p>
      ) : null}

      <section aria-labelledby="prepare-heading">
        <h2 id="prepare-heading">Prepare</h2>
        <p>Write what you want to say, with a gentle coach beside you. Only you can see this.</p>
        <a class="button" href="/talk/prepare">
          Prepare what I want to say
        </a>
      </section>

      <section aria-labelledby="together-heading">
        <h2 id="together-heading">Talk together</h2>
        <FormAlert message={form.message} />
        {list.suggestTogether ? (
          <>
            <p>One of you shares one piece; the other says back what they heard; then you switch. You can pause at any time.</p>
            <div class="button-row">
              <button type="button" class="button primary" disabled={form.pending} onClick={() => start('two-devices')}>
                Start a conversation together, each on our own device
              </button>
              <button type="button" class="button" disabled={form.pending} onClick={() => start('one-device')}>
                Start on this one device, passed between us
              </button>
            </div>
          </>
        ) : list.hasPartner ? (
          <p>When you feel ready, you can talk in person and record it below. There is no rush.</p>
        ) : (
          <p>
            Talking here together waits until your partner joins your space. <a href="/invite">Invite your partner</a>
          </p>
        )}
        <p>
          <a href="/talk/record">Record a conversation held in person</a>
        </p>
      </section>

      {ongoing.length ? (
        <section aria-labelledby="ongoing-heading">
          <h2 id="ongoing-heading">In progress</h2>
          <ul class="talk-list">
            {ongoing.map((c) => (
              <Item key={c.id} c={c} />
            ))}
          </ul>
        </section>
      ) : null}

      {stopped.length ? (
        <section aria-labelledby="stopped-heading">
          <h2 id="stopped-heading">Ended when the space closed</h2>
          <p class="hint">These were not finished when you stopped sharing a space. They are kept as they were.</p>
          <ul class="talk-list">
            {stopped.map((c) => (
              <Item key={c.id} c={c} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="finished-heading">
        <h2 id="finished-heading">Finished conversations</h2>
        <p class="finished-count">
          {list.finishedCount === 1 ? '1 finished conversation' : `${list.finishedCount} finished conversations`}
        </p>
        {finished.length ? (
          <ul class="talk-list">
            {finished.map((c) => (
              <Item key={c.id} c={c} />
            ))}
          </ul>
        ) : null}
      </section>
    </section>
  );
}

/** Step 1, Talk: /talk, /talk/prepare, /talk/record and /talk/<conversation id>. */
export default function Talk({ sub }: { sub: string }) {
  if (sub === 'prepare') return <Prepare />;
  if (sub === 'record') return <RecordInPerson />;
  if (sub) return <Conversation id={sub} />;
  return <TalkHome />;
}
