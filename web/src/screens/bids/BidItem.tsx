import { useId, useState } from 'preact/hooks';
import type { BidResponse } from '../../../../src/domain/bids';
import { ApiError, api, type BidView } from '../../api/client';
import { formatDateTime } from '../../lib/dates';

const CHOICES: { value: BidResponse; label: string }[] = [
  { value: 'toward', label: 'Turned toward' },
  { value: 'away', label: 'Turned away' },
  { value: 'against', label: 'Turned against' },
];

const problem = (err: unknown) => (err instanceof ApiError ? err.message : 'That did not save. Please try again.');

/** One moment in my log; for a bid, how it was met, which I can change at any time. */
export function BidItem({ bid, partnerName, onChange }: { bid: BidView; partnerName: string; onChange: () => void }) {
  const id = useId();
  const [response, setResponse] = useState<BidResponse | null>(bid.response);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const what = bid.kind === 'gesture' ? 'You showed affection' : 'You reached out';
  const when = formatDateTime(bid.at);

  const mark = async (next: BidResponse | null) => {
    const before = response;
    setResponse(next);
    setPending(true);
    setMessage('');
    try {
      await api('bids.update', { params: { id: bid.id }, body: { response: next } });
      setMessage(next === null ? 'Mark cleared.' : 'Saved.');
      onChange();
    } catch (err) {
      setResponse(before);
      setMessage(problem(err));
    } finally {
      setPending(false);
    }
  };

  const remove = async () => {
    setPending(true);
    try {
      await api('bids.delete', { params: { id: bid.id } });
      onChange();
    } catch (err) {
      setMessage(problem(err));
      setPending(false);
    }
  };

  return (
    <li class="card bid">
      <p class="bid-what">{what}</p>
      {bid.text ? <p class="bid-words">{bid.text}</p> : null}
      <p class="hint">
        <time dateTime={bid.at}>{when}</time>
        {bid.fromEarlierSpace ? ' · in a space you no longer share' : ''}
      </p>
      {bid.kind === 'bid' ? (
        <fieldset class="bid-response">
          <legend>How did {partnerName} respond?</legend>
          <div class="choices">
            {CHOICES.map((c) => (
              <label class="choice" key={c.value}>
                <input
                  type="radio"
                  name={`response-${id}`}
                  value={c.value}
                  checked={response === c.value}
                  disabled={pending}
                  onChange={() => void mark(c.value)}
                />
                {c.label}
              </label>
            ))}
          </div>
          {response !== null ? (
            <button type="button" class="link-button" disabled={pending} onClick={() => void mark(null)}>
              Clear the mark<span class="visually-hidden"> for this bid, {when}</span>
            </button>
          ) : (
            <p class="hint">Not marked yet.</p>
          )}
        </fieldset>
      ) : null}
      <p class="bid-actions">
        <button type="button" class="link-button" disabled={pending} onClick={() => void remove()}>
          Delete
          <span class="visually-hidden">
            : {what.toLowerCase()}, {when}
          </span>
        </button>
      </p>
      <p role="status" class="hint">
        {message}
      </p>
    </li>
  );
}
