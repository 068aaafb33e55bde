import { api, type SafetyView, type TherapistAccess } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { AccessCard } from './AccessCard';
import { Propose } from './Propose';
import { NEVER_SHOWN } from './words';
import './therapists.css';

// Step 6, with a therapist: either partner proposes, each consents by choosing what the therapist
// may see, both read the log of what was opened, and either ends it at once. For someone whose own
// safety check raised concern the page never suggests therapy: it only lets them answer a proposal.

const NO_SAFETY: SafetyView = { answers: null, concern: false, updatedAt: null };

async function loadPage() {
  const [list, space, safety] = await Promise.all([
    api('therapists.list'),
    api('spaces.get'),
    api('safety.get').catch(() => NO_SAFETY),
  ]);
  return { accesses: list.accesses, partnerName: space.partner?.name ?? null, concern: safety.concern };
}

const isOpen = (a: TherapistAccess) => a.state === 'waiting' || a.state === 'active';

export default function WorkWithTherapist() {
  const resource = useResource(loadPage, { liveKinds: ['space.changed'], refetchOnVisible: true });
  const data = resource.data;
  const title = <PageTitle title="Work with a therapist">Work with a therapist</PageTitle>;
  if (!data)
    return (
      <article class="therapists">
        {title}
        {resource.failed ? (
          <FormAlert message="This page could not load. Please check your connection and try again." />
        ) : (
          <Loading />
        )}
      </article>
    );

  const { accesses, partnerName, concern } = data;
  const open = accesses.filter(isOpen);
  const past = accesses.filter((a) => !isOpen(a));
  return (
    <article class="therapists">
      {title}
      {concern ? (
        <div class="card concern">
          <p>
            From what you shared in your private safety check, Attune does not suggest couples therapy. If{' '}
            {partnerName ?? 'your partner'} invites a therapist, you can still say yes or no here, and choose what they may see.
            Nothing from your safety check ever reaches a therapist.
          </p>
          <p>
            <a href="/support#individual">Support just for you</a> · <a href="/help">Help lines you can call or text</a>
          </p>
        </div>
      ) : (
        <p class="lead">
          If you see a couples therapist, you can let them read some of what you share here. Only if you both agree, only what you
          both choose, for as long as you choose, and either of you can end it at any moment.
        </p>
      )}

      <section aria-labelledby="never-heading" class="card never">
        <h2 id="never-heading">What a therapist never sees</h2>
        <p>Whatever either of you ticks, these stay yours:</p>
        <ul>
          {NEVER_SHOWN.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>A therapist can only read. They cannot write, change or delete anything here.</p>
      </section>

      {partnerName === null ? (
        <p>
          This needs both of you. Once your partner has joined your shared space, either of you can invite a therapist here.{' '}
          {accesses.length > 0 ? null : <a href="/invite">Invite your partner</a>}
        </p>
      ) : null}

      {open.length > 0 ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">Your therapist invitations</h2>
          {open.map((a) => (
            <AccessCard key={a.id} access={a} partnerName={partnerName ?? 'your partner'} onChange={resource.reload} />
          ))}
        </section>
      ) : null}

      {partnerName !== null ? (
        <Propose
          partnerName={partnerName}
          another={open.length > 0}
          folded={concern || open.length > 0}
          onCreated={resource.reload}
        />
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">A summary for a session</h2>
        <p>
          You can print a short summary of what you share to take to a session, or save it as a PDF. Each of you chooses what of
          your own goes in it.
        </p>
        <p>
          <a class="button" href="/summary">
            Open the summary
          </a>
        </p>
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">Ended</h2>
          {past.map((a) => (
            <AccessCard key={a.id} access={a} partnerName={partnerName ?? 'your partner'} onChange={resource.reload} />
          ))}
        </section>
      ) : null}

      <p>
        <a href="/support">Back to professional support</a>
      </p>
    </article>
  );
}
