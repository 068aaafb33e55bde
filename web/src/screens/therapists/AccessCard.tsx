import { api, type TherapistAccess } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/dates';
import { ConsentForm } from './ConsentForm';
import { EndAccess } from './EndAccess';
import { shortWhen, viewList, viewName } from './words';

// One therapist access as both partners see it: where it stands, what each of us included, what
// the therapist can see now, the log of what they opened, and the ways to change or end it.

/** Where an access stands, in a few words. */
export function stateText(a: TherapistAccess, partnerName: string): string {
  switch (a.state) {
    case 'active':
      return `Active until ${formatDate(a.accessUntil)}`;
    case 'revoked':
      return 'Ended';
    case 'expired':
      return `Ended on ${formatDate(a.accessUntil)}, when its time ran out`;
    case 'ended':
      return 'Ended when the shared space was closed';
    case 'waiting':
      if (a.myInclude === null && a.partnerInclude === null) return 'Waiting for both of you';
      if (a.myInclude === null) return 'Waiting for you';
      if (a.partnerInclude === null) return `Waiting for ${partnerName}`;
      return 'Waiting for the therapist to open the link';
  }
}

function title(a: TherapistAccess): string {
  return a.therapistName ?? `Invitation of ${formatDateTime(a.createdAt)}`;
}

export function AccessCard({
  access: a,
  partnerName,
  onChange,
}: {
  access: TherapistAccess;
  partnerName: string;
  onChange: () => Promise<void>;
}) {
  const headingId = `access-${a.id}`;
  const live = a.state === 'waiting' || a.state === 'active';
  return (
    <section class={`card access access-${a.state}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{title(a)}</h3>
      <p class="access-state">
        <strong>{stateText(a, partnerName)}</strong>
      </p>
      <p class="hint">
        {a.proposedByMe ? 'You proposed this' : `${partnerName} proposed this`} on {formatDate(a.createdAt)}.
        {a.state === 'waiting' && a.therapistName === null
          ? ` The link works until ${formatDate(a.inviteExpiresAt)}.`
          : a.state === 'waiting'
            ? ` Access lasts until ${formatDate(a.accessUntil)} at most.`
            : null}
      </p>
      <dl class="access-facts">
        <dt>What you included</dt>
        <dd>{viewList(a.myInclude, 'You have not chosen yet.')}</dd>
        <dt>What {partnerName} included</dt>
        <dd>{viewList(a.partnerInclude, `${partnerName} has not chosen yet.`)}</dd>
        <dt>What the therapist can see now</dt>
        <dd>
          {a.state === 'active'
            ? viewList(a.visible, 'Nothing: you did not both include the same kind of thing.')
            : live
              ? 'Nothing yet. They see a kind of thing only once you have both included it and they have opened the link.'
              : 'Nothing any more.'}
        </dd>
      </dl>

      {live ? (
        <ConsentForm
          access={a}
          partnerName={partnerName}
          onSaved={onChange}
          save={async (include) => {
            await api('therapists.consent', { params: { id: a.id }, body: { include } });
          }}
        />
      ) : null}

      <AccessLog access={a} />

      {live ? (
        <EndAccess
          what={title(a)}
          accepted={a.therapistName !== null}
          mine={a.proposedByMe}
          partnerName={partnerName}
          onConfirm={async () => {
            await api('therapists.revoke', { params: { id: a.id } });
            await onChange();
          }}
        />
      ) : null}
    </section>
  );
}

const LOG_SHOWN = 8;

function LogList({ entries }: { entries: TherapistAccess['log'] }) {
  return (
    <ul class="plain-list log-list">
      {entries.map((e) => (
        <li key={`${e.view}-${e.at}`}>
          {viewName(e.view)}, <time dateTime={e.at}>{shortWhen(e.at)}</time>
        </li>
      ))}
    </ul>
  );
}

function AccessLog({ access: a }: { access: TherapistAccess }) {
  return (
    <div class="access-log">
      <h4>What {a.therapistName ?? 'the therapist'} opened</h4>
      {a.log.length === 0 ? (
        <p class="hint">Nothing yet. Each page they open is listed here, for both of you.</p>
      ) : (
        <>
          <p class="hint">
            Each page they opened, newest first. Both of you see this list. It records when, never what they read.
          </p>
          <LogList entries={a.log.slice(0, LOG_SHOWN)} />
          {a.log.length > LOG_SHOWN ? (
            <details>
              <summary>The {a.log.length - LOG_SHOWN} earlier ones</summary>
              <LogList entries={a.log.slice(LOG_SHOWN)} />
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}
