import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Loading, lazyScreen } from './components/lazy';
import { NotificationsLink } from './components/NotificationsLink';
import { quickExit } from './lib/quick-exit';
import { currentPath, navigate } from './lib/router';
import { me } from './lib/session';
import { Home } from './screens/Home';
import { SignIn } from './screens/SignIn';

// The first screens (sign-in and home) ship with the app; the rest load when first shown.
const SignUp = lazyScreen(() => import('./screens/SignUp'));
const Forgot = lazyScreen(() => import('./screens/Forgot'));
const Reset = lazyScreen(() => import('./screens/Reset'));
const Invite = lazyScreen(() => import('./screens/Invite'));
const Join = lazyScreen<{ token: string }>(() => import('./screens/Join'));
const Settings = lazyScreen(() => import('./screens/Settings'));
const Help = lazyScreen(() => import('./screens/Help'));
const Support = lazyScreen(() => import('./screens/support/index'));
const Safety = lazyScreen(() => import('./screens/Safety'));
const NotBuilt = lazyScreen<{ slug: string }>(() => import('./screens/NotBuilt'));
const Why = lazyScreen(() => import('./screens/why/index'));
const Understand = lazyScreen<{ page: string }>(() => import('./screens/understand/index'));
const Needs = lazyScreen(() => import('./screens/needs/index'));
const Checkin = lazyScreen(() => import('./screens/checkin/index'));
const Talk = lazyScreen<{ sub: string }>(() => import('./screens/talk/index'));
const Act = lazyScreen<{ sub: string }>(() => import('./screens/act/index'));
const Bids = lazyScreen(() => import('./screens/bids/index'));
const Notifications = lazyScreen<{ sub: string }>(() => import('./screens/notifications/index'));
const Pulse = lazyScreen(() => import('./screens/pulse/index'));
const Patience = lazyScreen(() => import('./screens/patience/index'));
const IsItWorking = lazyScreen(() => import('./screens/is-it-working/index'));
const NotFound = lazyScreen(() => import('./screens/NotFound'));

/** A malformed link must not take the app (and its quick exit) down: it just becomes an unknown code. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Sends signed-out visitors to sign in, then back here. */
function SignedIn({ children }: { children: ComponentChildren }) {
  const user = me.value;
  const path = currentPath.value;
  useEffect(() => {
    if (user === null) navigate(path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`);
  }, [user, path]);
  return user ? children : <Loading />;
}

/** Sign-in and sign-up are for signed-out visitors; a signed-in person goes home. */
function SignedOut({ children }: { children: ComponentChildren }) {
  const user = me.value;
  useEffect(() => {
    if (user) navigate('/');
  }, [user]);
  return user === null ? children : <Loading />;
}

function Screen() {
  const path = currentPath.value;
  if (path === '/')
    return (
      <SignedIn>
        <Home />
      </SignedIn>
    );
  if (path === '/sign-in')
    return (
      <SignedOut>
        <SignIn />
      </SignedOut>
    );
  if (path === '/sign-up')
    return (
      <SignedOut>
        <SignUp />
      </SignedOut>
    );
  if (path === '/forgot') return <Forgot />;
  if (path === '/reset') return <Reset />;
  if (path === '/help') return <Help />;
  if (path === '/support' || path === '/support/') return <Support />;
  if (path === '/invite')
    return (
      <SignedIn>
        <Invite />
      </SignedIn>
    );
  if (path === '/safety')
    return (
      <SignedIn>
        <Safety />
      </SignedIn>
    );
  if (path === '/settings')
    return (
      <SignedIn>
        <Settings />
      </SignedIn>
    );
  const join = /^\/join\/([^/]+)\/?$/.exec(path);
  if (join?.[1]) return me.value === undefined ? <Loading /> : <Join token={safeDecode(join[1])} />;
  const understand = /^\/(?:understand|steps\/understand)(?:\/([a-z-]+))?\/?$/.exec(path);
  if (understand)
    return (
      <SignedIn>
        <Understand page={understand[1] ?? ''} />
      </SignedIn>
    );
  if (path === '/why' || path === '/steps/why')
    return (
      <SignedIn>
        <Why />
      </SignedIn>
    );
  if (path === '/needs' || path === '/needs/')
    return (
      <SignedIn>
        <Needs />
      </SignedIn>
    );
  if (path === '/checkin' || path === '/checkin/')
    return (
      <SignedIn>
        <Checkin />
      </SignedIn>
    );
  const notifications = /^\/notifications(?:\/(settings))?\/?$/.exec(path);
  if (notifications)
    return (
      <SignedIn>
        <Notifications sub={notifications[1] ?? ''} />
      </SignedIn>
    );
  if (path === '/pulse' || path === '/pulse/')
    return (
      <SignedIn>
        <Pulse />
      </SignedIn>
    );
  if (path === '/patience' || path === '/patience/')
    return (
      <SignedIn>
        <Patience />
      </SignedIn>
    );
  if (path === '/bids' || path === '/bids/')
    return (
      <SignedIn>
        <Bids />
      </SignedIn>
    );
  if (path === '/is-it-working' || path === '/is-it-working/')
    return (
      <SignedIn>
        <IsItWorking />
      </SignedIn>
    );
  const act = /^\/act(?:\/([a-z0-9-]+))?\/?$/.exec(path);
  if (act)
    return (
      <SignedIn>
        <Act sub={act[1] ?? ''} />
      </SignedIn>
    );
  const talk = /^\/talk(?:\/([a-z0-9-]+))?\/?$/.exec(path);
  if (talk)
    return (
      <SignedIn>
        <Talk sub={talk[1] ?? ''} />
      </SignedIn>
    );
  const step = /^\/steps\/([a-z-]+)\/?$/.exec(path);
  if (step?.[1])
    return (
      <SignedIn>
        <NotBuilt slug={step[1]} />
      </SignedIn>
    );
  return <NotFound />;
}

export function App() {
  const user = me.value;
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <div class="top-row">
          <a class="brand" href={user ? '/' : '/sign-in'}>
            Attune
          </a>
          <a class="help-link" href="/help">
            Get help now
          </a>
          <button type="button" class="quick-exit" onClick={quickExit}>
            Quick exit
          </button>
        </div>
        {user ? (
          <nav aria-label="Main">
            <ul>
              <li>
                <a href="/" aria-current={currentPath.value === '/' ? 'page' : undefined}>
                  Home
                </a>
              </li>
              <li>
                <NotificationsLink />
              </li>
              <li>
                <a href="/invite" aria-current={currentPath.value === '/invite' ? 'page' : undefined}>
                  Invite
                </a>
              </li>
              <li>
                <a href="/settings" aria-current={currentPath.value === '/settings' ? 'page' : undefined}>
                  Settings
                </a>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <Screen />
      </main>
      <footer class="bottom">
        <p>Press Escape twice to leave Attune quickly. Quick exit opens a neutral page in place of this one.</p>
      </footer>
    </div>
  );
}
