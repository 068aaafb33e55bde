import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { InviteLink } from './components/InviteLink';
import { Loading } from './components/lazy';
import { NotificationsLink } from './components/NotificationsLink';
import { OutboxNotice } from './components/OutboxNotice';
import { quickExit } from './lib/quick-exit';
import { currentPath, navigate } from './lib/router';
import { me } from './lib/session';
import { NotFound, routeFor } from './routes';

/** Sends signed-out visitors to sign in, then back here. */
function SignedIn({ children }: { children: ComponentChildren }) {
  const user = me.value;
  const path = currentPath.value;
  useEffect(() => {
    if (user === null) navigate(path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
  }, [user, path]);
  return user ? children : <Loading />;
}

/** Sign-in and sign-up are for signed-out visitors; a signed-in person goes home. */
function SignedOut({ children }: { children: ComponentChildren }) {
  const user = me.value;
  useEffect(() => {
    if (user) navigate('/', { replace: true });
  }, [user]);
  return user === null ? children : <Loading />;
}

/** An address only the other kind of account has (a partner's screen, for a therapist): home instead. */
function OtherKind() {
  useEffect(() => navigate('/', { replace: true }), []);
  return <Loading />;
}

/** The screen for the current address (routes.ts), shown only to those it is for. */
function Screen() {
  const user = me.value;
  // Until the session is known the main navigation may still appear above: nothing is drawn that it
  // would push down (the probe is one small request).
  if (user === undefined) return null;
  const found = routeFor(currentPath.value, user ? user.role : null);
  if (!found) return routeFor(currentPath.value) ? <OtherKind /> : <NotFound />;
  const { route, params } = found;
  const View = route.screen;
  if (route.who === 'signed-in' || route.who === 'therapist' || route.who === 'account')
    return (
      <SignedIn>
        <View {...params} />
      </SignedIn>
    );
  if (route.who === 'signed-out')
    return (
      <SignedOut>
        <View {...params} />
      </SignedOut>
    );
  return <View {...params} />;
}

function NavLink({ to, children }: { to: string; children: ComponentChildren }) {
  return (
    <a href={to} aria-current={currentPath.value === to ? 'page' : undefined}>
      {children}
    </a>
  );
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
        {user?.role === 'therapist' ? (
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/">Your couples</NavLink>
              </li>
              <li>
                <NavLink to="/settings">Settings</NavLink>
              </li>
            </ul>
          </nav>
        ) : user ? (
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/">Home</NavLink>
              </li>
              <li>
                <NotificationsLink />
              </li>
              <InviteLink />
              <li>
                <NavLink to="/settings">Settings</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <OutboxNotice />
        <Screen />
      </main>
      <footer class="bottom">
        <p>Press Escape twice to leave Attune quickly. Quick exit opens a neutral page in place of this one.</p>
      </footer>
    </div>
  );
}
