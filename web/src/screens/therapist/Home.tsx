import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { flash, me } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { namesText } from '../therapists/words';
import './therapist.css';

// A therapist's home: the couples whose consent they hold now, and how many invitations they
// accepted still wait for both partners (nothing else is told about those).

export default function TherapistHome() {
  const [message] = useState(() => {
    const m = flash.value;
    flash.value = null;
    return m;
  });
  const resource = useResource(() => api('therapists.couples'), { refetchOnVisible: true });
  const data = resource.data;
  return (
    <section class="therapist">
      <PageTitle title="Your couples">Hello, {me.value?.name ?? ''}</PageTitle>
      {message ? (
        <p class="note" role="status">
          {message}
        </p>
      ) : null}
      <p class="lead">
        Here are the couples who let you read some of what they share in Attune. Everything is read-only, and both partners can
        see a log of each page you open.
      </p>
      {!data ? (
        resource.failed ? (
          <FormAlert message="Your couples could not load. Please check your connection and try again." />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <h2>Your couples</h2>
          {data.couples.length === 0 ? (
            <p>No couple has given you access right now.</p>
          ) : (
            <ul class="plain-list couples">
              {data.couples.map((c) => (
                <li key={c.id} class="row">
                  <div>
                    <p class="couple-names">{namesText(c.names)}</p>
                    <p class="hint">You can read what they share until {formatDate(c.accessUntil)}.</p>
                  </div>
                  <a class="button" href={`/therapist/couples/${c.id}`}>
                    Open<span class="visually-hidden"> what {namesText(c.names)} share</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {data.waiting > 0 ? (
            <p class="note">
              {data.waiting === 1
                ? '1 invitation you accepted is waiting for both partners to agree.'
                : `${data.waiting} invitations you accepted are waiting for both partners to agree.`}{' '}
              They appear here once both have.
            </p>
          ) : null}
          <p class="hint">
            A couple’s access ends on its date, or sooner if either partner ends it. It then leaves this list, and nothing of
            theirs can be opened.
          </p>
        </>
      )}
    </section>
  );
}
