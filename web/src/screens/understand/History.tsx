import { useState } from 'preact/hooks';
import {
  compareSelfChecks,
  describeChange,
  ratingLabel,
  SELF_CHECK_ITEMS,
  type SelfCheckItemId,
  summariseComparison,
  summaryText,
} from '../../../../src/domain/understand';
import { ApiError, api, type SelfCheckView } from '../../api/client';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatBetween, formatDateTime } from '../../lib/dates';
import { queryParam } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { OnlyYou } from './OnlyYou';

const TITLE = Object.fromEntries(SELF_CHECK_ITEMS.map((i) => [i.id, i.title])) as Record<SelfCheckItemId, string>;

function Comparison({ heading, earlier, later }: { heading: string; earlier: SelfCheckView; later: SelfCheckView }) {
  const changes = compareSelfChecks(earlier.ratings, later.ratings).filter((c) => c.direction !== 'not-compared');
  return (
    <section class="card comparison" aria-labelledby={`cmp-${earlier.id}`}>
      <h2 id={`cmp-${earlier.id}`}>{heading}</h2>
      <p class="hint">{formatBetween(earlier.createdAt, later.createdAt)}</p>
      <p>{summaryText(summariseComparison(compareSelfChecks(earlier.ratings, later.ratings)))}</p>
      {changes.length > 0 ? (
        <dl class="ratings">
          {changes.map((c) => (
            <div key={c.id}>
              <dt>{TITLE[c.id]}</dt>
              <dd>{describeChange(c)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

function Entry({ check, onDeleted }: { check: SelfCheckView; onDeleted: () => void }) {
  const rated = SELF_CHECK_ITEMS.filter((i) => check.ratings[i.id as SelfCheckItemId] !== undefined);
  const when = formatDateTime(check.createdAt);
  return (
    <li class="card check-entry">
      <h3>{when}</h3>
      <dl class="ratings">
        {rated.map((i) => {
          const r = check.ratings[i.id as SelfCheckItemId];
          return r === undefined ? null : (
            <div key={i.id}>
              <dt>{i.title}</dt>
              <dd>
                {ratingLabel(r)} <span class="hint">({r} of 5)</span>
              </dd>
            </div>
          );
        })}
      </dl>
      {check.note ? (
        <div class="check-note">
          <p class="hint">Your note</p>
          <p>{check.note}</p>
        </div>
      ) : null}
      <ConfirmDelete
        what={`this check-in, ${when}`}
        warning="Delete this check-in? It cannot be brought back."
        onConfirm={async () => {
          await api('understand.selfChecks.delete', { params: { id: check.id } });
          onDeleted();
        }}
      />
    </li>
  );
}

async function loadChecks(): Promise<SelfCheckView[]> {
  return (await api('understand.selfChecks.list')).selfChecks;
}

export function History() {
  const { data: checks, failed, error, set: setChecks } = useResource(loadChecks);
  const [status, setStatus] = useState<string | null>(() => (queryParam('saved') ? 'Your check-in is saved.' : null));

  const body = () => {
    if (failed)
      return <p role="alert">{error instanceof ApiError ? error.message : 'Your check-ins could not load. Please try again.'}</p>;
    if (!checks) return <Loading />;
    if (checks.length === 0)
      return (
        <p>
          You have not checked in yet. <a href="/understand/check-in">Check in with yourself</a> when you feel ready.
        </p>
      );
    const [latest, previous] = checks;
    const first = checks[checks.length - 1];
    return (
      <>
        {latest && previous ? <Comparison heading="Since the time before" earlier={previous} later={latest} /> : null}
        {latest && first && checks.length > 2 ? (
          <Comparison heading="Since your first check-in" earlier={first} later={latest} />
        ) : null}
        {checks.length > 1 ? (
          <p class="hint">
            A change in either direction can mean many things, and one check-in says little on its own. The pattern over time says
            more.
          </p>
        ) : (
          <p>When you check in again, you will see here how your answers compare.</p>
        )}
        <h2>All your check-ins</h2>
        <ol class="plain-list">
          {checks.map((c) => (
            <Entry
              key={c.id}
              check={c}
              onDeleted={() => {
                setChecks(checks.filter((x) => x.id !== c.id));
                setStatus('That check-in is deleted.');
              }}
            />
          ))}
        </ol>
      </>
    );
  };

  return (
    <section class="narrow-text">
      <p class="crumb">
        <a href="/understand">Understand</a>
      </p>
      <PageTitle title="Your check-ins">Your check-ins</PageTitle>
      <OnlyYou />
      <div role="status" class={status ? 'note' : 'alert-empty'}>
        {status}
      </div>
      {body()}
      <p class="button-row">
        <a class="button primary" href="/understand/check-in">
          Check in again
        </a>
        <a class="button" href="/understand">
          Back to Understand
        </a>
      </p>
    </section>
  );
}
