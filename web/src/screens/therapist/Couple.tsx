import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { liveReconnects } from '../../lib/live';
import { useResource } from '../../lib/use-resource';
import { isTherapistView, namesText, type TherapistView, VIEW_NAMES } from '../therapists/words';
import { CheckinsPanel, CommitmentsPanel } from './LogPanels';
import { AgreementsPanel, FiguresPanel, PulsePanel, SummaryPanel } from './Panels';
import type { PanelProps } from './panel';
import { CausesPanel, ClosenessPanel, ConversationsPanel } from './WordPanels';
import '../summary/summary.css';
import './therapist.css';

// One couple, as their therapist reads it: a tab for each view both partners included (the others
// are simply absent), read-only. Each view opened is logged for both partners to read, and the page
// says so. When the couple's access has ended, the next request is refused and the page says that.

const PANELS: Record<TherapistView, ComponentType<PanelProps>> = {
  agreements: AgreementsPanel,
  commitments: CommitmentsPanel,
  figures: FiguresPanel,
  checkins: CheckinsPanel,
  conversations: ConversationsPanel,
  causes: CausesPanel,
  pulse: PulsePanel,
  closeness: ClosenessPanel,
  summary: SummaryPanel,
};

function Gone() {
  return (
    <section class="therapist">
      <PageTitle title="No longer available">This couple’s pages are no longer available</PageTitle>
      <p>
        Their access has ended, or was changed. This can happen at any time: either partner can end it, and it ends by itself on
        its date. Nothing of theirs can be opened from here now.
      </p>
      <p>
        <a href="/">Back to your couples</a>
      </p>
    </section>
  );
}

export default function TherapistCouple({ id, view }: { id: string; view: string }) {
  // Ending an access closes the therapist's live stream; when it reconnects, the list is asked again.
  const couples = useResource(() => api('therapists.couples'), { refetchOnVisible: true, key: [id, liveReconnects.value] });
  // A view answered 404: the access ended or the view was taken away. Ask the list again to know which.
  const [goneView, setGoneView] = useState<string | null>(null);
  const couple = couples.data?.couples.find((c) => c.id === id);

  if (!couples.data)
    return couples.failed ? (
      <FormAlert message="This page could not load. Please check your connection and try again." />
    ) : (
      <Loading />
    );
  if (!couple || couple.views.length === 0) return <Gone />;

  const names = namesText(couple.names);
  const current: TherapistView | null = view === '' ? (couple.views[0] ?? null) : isTherapistView(view) ? view : null;
  const allowed = current !== null && couple.views.includes(current) && goneView !== current;
  const Panel = current && allowed ? PANELS[current] : null;

  return (
    <section class="therapist therapist-couple">
      <div class="no-print">
        <PageTitle title={`${names}: ${current ? VIEW_NAMES[current] : 'Not shared'}`}>{names}</PageTitle>
        <p class="hint">What they share with you, read-only, until {formatDate(couple.accessUntil)}.</p>
        <p class="logged">Both partners can see a log of each page you open here.</p>
        <nav aria-label={`What ${names} share`} class="view-tabs">
          <ul>
            {couple.views.map((v) => (
              <li key={v}>
                <a href={`/therapist/couples/${id}/${v}`} aria-current={v === current ? 'page' : undefined}>
                  {VIEW_NAMES[v]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {Panel && current ? (
        <div class="view-panel">
          <h2 class="no-print">{VIEW_NAMES[current]}</h2>
          <Panel
            key={`${id}-${current}`}
            id={id}
            onGone={() => {
              setGoneView(current);
              void couples.reload();
            }}
          />
        </div>
      ) : (
        <p>This page is not among what {names} share with you.</p>
      )}
      <p class="no-print">
        <a href="/">Back to your couples</a>
      </p>
    </section>
  );
}
