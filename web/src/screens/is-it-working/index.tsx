import { ApiError, api, type IsItWorkingView } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { isReauthRequired, useIdleClose } from '../../components/PasswordAgain';
import { useResource } from '../../lib/use-resource';
import { FactList, SoFar } from './Facts';
import { Concern } from './Paths';
import { SafetyFirst } from './SafetyFirst';
import { Unlock } from './Unlock';
import './is-it-working.css';

// The private place "Is it working?". Nothing here is sent anywhere but to this person's own
// session: no events, no notifications. The facts live only in this screen's state, and are
// dropped after 15 minutes without use (the server asks for the password again by then anyway).

type State = { kind: 'locked'; lapsed: boolean } | { kind: 'open'; view: IsItWorkingView } | { kind: 'failed'; message: string };

/** The page's state from one fetch: the password asked again (403 reauth_required) is a state, not a failure. */
async function loadState(): Promise<State> {
  try {
    return { kind: 'open', view: await api('reflection.isItWorking') };
  } catch (err) {
    if (isReauthRequired(err)) return { kind: 'locked', lapsed: false };
    // Signed out: useResource sends the person to sign in.
    if (err instanceof ApiError && err.status === 401) throw err;
    return { kind: 'failed', message: err instanceof ApiError ? err.message : 'This page could not load.' };
  }
}

export default function IsItWorking() {
  // Loaded once and after the password: no live events or refetches reach this private page.
  const { data: state, reload, set: setState } = useResource(loadState);

  // A quiet spell closes the page again, so the facts do not sit on an unattended screen.
  const open = state?.kind === 'open';
  useIdleClose(open, () => setState({ kind: 'locked', lapsed: true }));

  return (
    <article class="iiw">
      <PageTitle title="Is it working?">Is it working?</PageTitle>
      <p class="private-note">Only you can see this page. Your partner is never told whether you open it.</p>
      {state === null ? <Loading /> : null}
      {state?.kind === 'failed' ? <p role="alert">{state.message}</p> : null}
      {state?.kind === 'locked' ? <Unlock lapsed={state.lapsed} onOpened={() => void reload()} /> : null}
      {state?.kind === 'open' ? <Opened view={state.view} /> : null}
      <p class="iiw-leave">
        <a class="button" href="/">
          Leave this page
        </a>
      </p>
    </article>
  );
}

function Opened({ view }: { view: IsItWorkingView }) {
  return (
    <>
      {view.safetyConcern ? <SafetyFirst /> : null}
      <p class="lead">
        A calm look at the needs you stated: what has happened, and what it may mean. It never tells you what to do; that is yours
        to decide.
      </p>
      <FactList view={view} />
      {view.signals.level === 'concern' ? <Concern safetyConcern={view.safetyConcern} /> : <SoFar view={view} />}
    </>
  );
}
