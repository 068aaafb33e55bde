import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type InvitePreview } from '../api/client';
import { FormAlert } from '../components/form';
import { Loading } from '../components/lazy';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../lib/dates';
import { navigate } from '../lib/router';
import { me } from '../lib/session';
import { SignInForm } from './SignIn';
import { SignUpForm } from './SignUp';

function acceptMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'own_invite')
      return 'This is your own invite link. Send it to the person you would like to share a space with.';
    if (err.code === 'already_shared')
      return 'You already share a space with someone. A space holds two people, so you cannot join this one while you share another.';
    if (err.code === 'invite_invalid') return 'This invite link does not work any more.';
    return err.message;
  }
  return 'Something went wrong. Please try again.';
}

function Invalid() {
  return (
    <section class="narrow">
      <PageTitle title="Invite link">This invite link does not work</PageTitle>
      <p>
        It may have been used already, cancelled, or it may have passed its 7 days. Nothing is wrong on your side. If you would
        like to, you can ask the person who sent it for a new one.
      </p>
      <p>
        <a href={me.value ? '/' : '/sign-in'}>Go to Attune</a>
      </p>
    </section>
  );
}

export default function Join({ token }: { token: string }) {
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');

  useEffect(() => {
    api('spaces.invites.preview', { params: { token } }).then(setPreview, (err: unknown) => {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setInvalid(true);
      else setMessage(acceptMessage(err));
    });
  }, [token]);

  const accept = async () => {
    setPending(true);
    setMessage(null);
    try {
      await api('spaces.invites.accept', { params: { token } });
      navigate('/');
    } catch (err) {
      setMessage(acceptMessage(err));
    } finally {
      setPending(false);
    }
  };

  // What to offer (accept, or sign up or in first) depends on whether someone is signed in here.
  if (me.value === undefined) return <Loading />;
  if (invalid) return <Invalid />;
  if (!preview) return message ? <FormAlert message={message} /> : <Loading />;

  return (
    <section class="narrow">
      <PageTitle title="Invitation">{preview.inviterName} invited you to share a space in Attune</PageTitle>
      <p>
        Attune is a place for two people to work on trust, at their own pace. If you join, some things will be shared between you.
        Anything private stays private: {preview.inviterName} will not see it, or know that it exists.
      </p>
      <p>You can leave the shared space at any time, and you keep your own words if you do.</p>
      <p class="hint">This invitation works until {formatDate(preview.expiresAt)}.</p>
      <FormAlert message={message} />
      {me.value ? (
        <p>
          <button type="button" class="button primary" onClick={accept} disabled={pending}>
            {pending ? 'Joining…' : 'Accept and join'}
          </button>
        </p>
      ) : mode === 'sign-up' ? (
        <>
          <h2>Create an account to join</h2>
          <SignUpForm onDone={accept} />
          <p>
            Already have an account?{' '}
            <button type="button" class="link-button" onClick={() => setMode('sign-in')}>
              Sign in instead
            </button>
          </p>
        </>
      ) : (
        <>
          <h2>Sign in to join</h2>
          <SignInForm onDone={accept} />
          <p>
            New to Attune?{' '}
            <button type="button" class="link-button" onClick={() => setMode('sign-up')}>
              Create an account instead
            </button>
          </p>
        </>
      )}
    </section>
  );
}
