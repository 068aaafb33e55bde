import { api, type CausesView } from '../../api/client';
import { useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/use-resource';
import { MarkForm } from './MarkForm';
import { loadProblem, MarkedList, problemOf } from './shared';
import { Together } from './Together';
import './why.css';

function Waiting({ view, name, onView }: { view: CausesView; name: string; onView: (v: CausesView) => void }) {
  const form = useForm();
  const check = () =>
    form.run(async () => {
      const next = await api('causes.get');
      onView(next);
      if (!next.partner.marks) form.setMessage(`${name} has not shared yet.`);
    });
  return (
    <>
      <div class="card">
        <p>
          You shared what you marked{view.mine.revealedAt ? ` on ${formatDate(view.mine.revealedAt)}` : ''}. {name} can see that
          you have, but not what, until they share theirs too. Then you will both see each other’s, side by side.
        </p>
        <p>
          <button type="button" class="button" disabled={form.pending} onClick={check}>
            Check again
          </button>
        </p>
        <p role="status" class="hint">
          {problemOf(form)}
        </p>
      </div>
      <h2>What you shared</h2>
      <MarkedList marks={view.mine.marks} label="What you shared" />
    </>
  );
}

function Earlier({ view }: { view: CausesView }) {
  if (view.earlier.length === 0) return null;
  return (
    <section aria-labelledby="why-earlier">
      <h2 id="why-earlier">From a space you have left</h2>
      <p class="hint">Your own words from before. Only you can see them.</p>
      {view.earlier.map((e, i) => (
        <details class="card" key={i}>
          <summary>What you marked{e.revealedAt ? `, shared on ${formatDate(e.revealedAt)}` : ''}</summary>
          <MarkedList marks={e.marks} label="What you marked before" />
          {e.understanding ? <p class="part-text">Your part of the understanding: {e.understanding}</p> : null}
        </details>
      ))}
    </section>
  );
}

interface Loaded {
  view: CausesView;
  partnerName: string | null;
}

async function loadWhy(): Promise<Loaded> {
  const [view, space] = await Promise.all([api('causes.get'), api('spaces.get')]);
  return { view, partnerName: space.partner?.name ?? null };
}

export default function Why() {
  // A partner's reveal or their part of the shared understanding arrives without a reload.
  const { data, failed, error, set } = useResource(loadWhy, { liveKinds: ['causes.changed'] });

  if (failed) return <p role="alert">{loadProblem(error)}</p>;
  if (!data) return <Loading />;
  const { view, partnerName } = data;
  const setView = (next: CausesView) => set({ view: next, partnerName });
  const name = partnerName ?? 'your partner';
  const both = view.mine.revealed && view.partner.marks !== null;

  return (
    <section class="why">
      <PageTitle title="Why">Why: what led here</PageTitle>
      <p class="lead">
        What led here is rarely one thing, or one person. Each of you marks what you think contributed. Then, when you are both
        ready, you look at it together.
      </p>
      {!view.mine.revealed ? (
        <>
          <p class="why-private">
            <strong>Only you can see this until you choose to share.</strong>{' '}
            {view.hasPartner ? `${name} is not told whether you have marked anything.` : ''}
          </p>
          <MarkForm view={view} partnerName={partnerName} onView={setView} />
        </>
      ) : both ? (
        <Together view={view} name={name} onView={setView} />
      ) : (
        <Waiting view={view} name={name} onView={setView} />
      )}
      <Earlier view={view} />
    </section>
  );
}
