import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../lib/router';
import { flash, loadMe, me } from '../../lib/session';
import { SignInForm } from '../SignIn';

// /therapist/join/<token>: a therapist accepts a couple's invitation, making a therapist account on
// the spot or with the one they have. The link says nothing about the couple: names appear only
// once both partners have agreed. A partner's account cannot accept it.

function NotUsable() {
  return (
    <section class="narrow">
      <PageTitle title="Therapist invitation">This invitation link does not work</PageTitle>
      <p>
        It may have been used already, withdrawn, or it may have passed its date. If you were expecting to use it, you could ask
        the couple who sent it for a new one.
      </p>
      <p>
        <a href={me.value ? '/' : '/sign-in'}>Go to Attune</a>
      </p>
    </section>
  );
}

function TherapistSignUp({ token, onDone }: { token: string; onDone: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('therapists.accept', { params: { token }, body: { name, email, password } });
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <Field
        label="Your name"
        name="name"
        autocomplete="name"
        value={name}
        onInput={setName}
        error={form.fields.name}
        hint="The couple sees this name beside your access."
      />
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autocomplete="email"
        value={email}
        onInput={setEmail}
        error={form.fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={setPassword}
        error={form.fields.password}
        hint="At least 10 characters. A few unrelated words work well."
      />
      <SubmitButton pending={form.pending} pendingLabel="Creating your account…">
        Create a therapist account and accept
      </SubmitButton>
    </form>
  );
}

export default function TherapistJoin({ token }: { token: string }) {
  const [usable, setUsable] = useState<boolean | null>(null);
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const form = useForm();

  useEffect(() => {
    api('therapists.invitePreview', { params: { token } }).then(
      (p) => setUsable(p.usable),
      () => setUsable(false),
    );
  }, [token]);

  const done = async () => {
    await loadMe();
    flash.value = 'You accepted the invitation. The couple’s shared pages appear here once both partners have agreed.';
    navigate('/');
  };
  const accept = () =>
    form.run(async () => {
      await api('therapists.accept', { params: { token }, body: {} });
      await done();
    });

  const user = me.value;
  if (user === undefined || usable === null) return <Loading />;
  if (!usable) return <NotUsable />;

  const title = <PageTitle title="Therapist invitation">A couple invited you to read what they share in Attune</PageTitle>;
  if (user?.role === 'partner') {
    return (
      <section class="narrow">
        {title}
        <p class="lead">This link is for a therapist, and you are signed in with a partner’s account.</p>
        <p>
          A partner’s account cannot accept a therapist invitation. If you are the therapist, sign out here, open the link again
          and make a therapist account, or sign in to the one you have.
        </p>
        <p>
          <a href="/">Go to your home page</a>
        </p>
      </section>
    );
  }

  const intro = (
    <>
      <p>
        Attune helps two people rebuild trust. A couple you work with would like you to read some of what they share here: only
        what both of them choose, for a time they choose, and either of them can end it at any moment.
      </p>
      <p>
        Everything is read-only. Each page you open is listed in a log that both partners can read. You see nothing, not even
        their names, until both of them have agreed.
      </p>
    </>
  );

  if (user?.role === 'therapist') {
    return (
      <section class="narrow">
        {title}
        {intro}
        <FormAlert message={form.message} />
        <p>
          <button type="button" class="button primary" disabled={form.pending} onClick={() => void accept()}>
            {form.pending ? 'Accepting…' : 'Accept the invitation'}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section class="narrow">
      {title}
      {intro}
      {mode === 'sign-up' ? (
        <>
          <h2>Make a therapist account to accept</h2>
          <TherapistSignUp token={token} onDone={done} />
          <p>
            Already have a therapist account in Attune?{' '}
            <button type="button" class="link-button" onClick={() => setMode('sign-in')}>
              Sign in instead
            </button>
          </p>
        </>
      ) : (
        <>
          <h2>Sign in to accept</h2>
          <FormAlert message={form.message} />
          <SignInForm
            onDone={async () => {
              // Signed in now: a therapist accepts here; a partner's account sees the message above.
              if ((await loadMe())?.role === 'therapist') await accept();
            }}
          />
          <p>
            New to Attune?{' '}
            <button type="button" class="link-button" onClick={() => setMode('sign-up')}>
              Make a therapist account instead
            </button>
          </p>
        </>
      )}
    </section>
  );
}
