import { useState } from 'preact/hooks';
import { api, type TherapyView } from '../../api/client';
import { useForm } from '../../components/form';
import { reasonWords } from './words';

// Professional support, privately: the suggestion (when the rules make one) and the person's own
// "I'd like to think about therapy". Never couples therapy when the person's own safety answers
// raise concern: then support for them alone, and the help lines.

function Suggestion({ therapy, partnerName }: { therapy: TherapyView; partnerName: string }) {
  const reasons = therapy.reasons.map((r) => reasonWords(r, partnerName)).filter((w): w is string => w !== null);
  const why =
    reasons.length > 0 ? (
      <>
        <p>What Attune noticed:</p>
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </>
    ) : null;
  if (therapy.suggest === 'individual-support') {
    return (
      <div class="card therapy-card">
        <h3>Support for you</h3>
        {why}
        <p>
          Because of what you said in your private safety check, Attune does not suggest couples therapy. When someone feels
          unsafe with a partner, sessions together can make things harder. Talking with someone on your own, in confidence, can
          help you think about what you need.
        </p>
        <ul class="therapy-links">
          <li>
            <a href="/support#individual">Support just for you</a>
          </li>
          <li>
            <a href="/help">Help lines, if you would like to talk to someone now</a>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div class="card therapy-card">
      <h3>Talking with a couples therapist might help</h3>
      {why}
      <p>
        This is not a sign that either of you has failed. A therapist can help you both see what is hard to see from inside, and
        many couples find it easier with someone alongside them.
      </p>
      <p>
        <a href="/support">What couples therapy is, and how to find a therapist</a>
      </p>
    </div>
  );
}

export function Therapy({ therapy, partnerName, onChange }: { therapy: TherapyView; partnerName: string; onChange: () => void }) {
  const [status, setStatus] = useState('');
  const form = useForm();
  const say = (asked: boolean) =>
    form.run(async () => {
      await api('progress.therapyInterest', { body: { asked } });
      setStatus(asked ? 'Noted, just for you.' : 'Taken back.');
      onChange();
    });
  return (
    <>
      <p class="private-note">This part is for you alone. {partnerName} never sees it, or even whether there is anything here.</p>
      {therapy.suggest === 'none' ? (
        <p>
          Nothing here suggests it right now. If you would ever like to talk with someone, together or on your own,{' '}
          <a href="/support">the support page</a> explains what therapy is like and how to find it.
        </p>
      ) : (
        <Suggestion therapy={therapy} partnerName={partnerName} />
      )}
      {therapy.asked ? (
        <p>
          Attune keeps this in mind, just for you.{' '}
          <button type="button" class="link-button" onClick={() => void say(false)} disabled={form.pending}>
            I've changed my mind
          </button>
        </p>
      ) : (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void say(true)} disabled={form.pending}>
            I'd like to think about therapy
          </button>
        </div>
      )}
      <p role="status" class="hint">
        {status}
      </p>
      {form.message ? <p role="alert">{form.message}</p> : null}
    </>
  );
}
