import { useEffect, useState } from 'preact/hooks';
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
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../lib/dates';
import { queryParam } from '../../lib/router';
import { signedOut } from '../../lib/session';
import { OnlyYou } from './OnlyYou';

const TITLE = Object.fromEntries(SELF_CHECK_ITEMS.map((i) => [i.id, i.title])) as Record<SelfCheckItemId, string>;

function errorText(err: unknown, fallback: string): string {
  if (err instanceof ApiError) {
    if (err.status === 401) signedOut();
    return err.message;
  }
  return fallback;
}

function Comparison({ heading, earlier, later }: { heading: string; earlier: SelfCheckView; later: SelfCheckView }) {
  const changes = compareSelfChecks(earlier.ratings, later.ratings).filter((c) => c.direction !== 'not-compared');
  return (
    <section class="card comparison" aria-labelledby={`cmp-${earlier.id}`}>
      <h2 id={`cmp-${earlier.id}`}>{heading}</h2>
      <p class="hint">
        {formatDate(earlier.createdAt)} and {formatDate(later.createdAt)}
      </p>
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
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rated = SELF_CHECK_ITEMS.filter((i) => check.ratings[i.id as SelfCheckItemId] !== undefined);
  const remove = async () => {
    setPending(true);
    setError(null);
    try {
      await api.deleteSelfCheck(check.id);
      onDeleted();
    } catch (err) {
      setError(errorText(err, 'That did not work. Please try again.'));
      setPending(false);
    }
  };
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
      {confirming ? (
        <div class="confirm">
          <p>Delete this check-in? It cannot be brought back.</p>
          <div class="button-row">
            <button type="button" class="button danger" onClick={remove} disabled={pending}>
              Yes, delete it<span class="visually-hidden"> ({when})</span>
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)} disabled={pending}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="link-button" onClick={() => setConfirming(true)}>
          Delete this check-in<span class="visually-hidden"> ({when})</span>
        </button>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </li>
  );
}

export function History() {
  const [checks, setChecks] = useState<SelfCheckView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(() => (queryParam('saved') ? 'Your check-in is saved.' : null));

  useEffect(() => {
    api.selfChecks().then(
      (list) => setChecks(list.selfChecks),
      (err: unknown) => setError(errorText(err, 'Your check-ins could not load. Please try again.')),
    );
  }, []);

  const body = () => {
    if (error) return <p role="alert">{error}</p>;
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
