import { useEffect, useState } from 'preact/hooks';
import { SAFETY_ANSWER_OPTIONS, SAFETY_CONCERN_MESSAGE, SAFETY_QUESTIONS, type SafetyAnswers } from '../../../src/domain/safety';
import { ApiError, api, type SafetyView } from '../api/client';
import { FormAlert, SubmitButton, useForm } from '../components/form';
import { Loading } from '../components/lazy';
import { PageTitle } from '../components/PageTitle';
import { signedOut } from '../lib/session';

/** The private safety check: this person's answers, seen by them alone and changeable at any time. */
export default function Safety() {
  const [view, setView] = useState<SafetyView | null>(null);
  const [answers, setAnswers] = useState<SafetyAnswers>({});
  const [saved, setSaved] = useState(false);
  const form = useForm();

  useEffect(() => {
    api('safety.get').then(
      (v) => {
        setView(v);
        setAnswers((v.answers ?? {}) as SafetyAnswers);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) signedOut();
        else form.setMessage('Your answers could not load. Please try again.');
      },
    );
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const next = await api('safety.put', { body: { answers } });
      setView(next);
      setSaved(true);
    });
  };
  const forget = () =>
    void form.run(async () => {
      await api('safety.delete');
      setView({ answers: null, concern: false, updatedAt: null });
      setAnswers({});
      setSaved(false);
    });

  if (!view && !form.message) return <Loading />;
  return (
    <section class="narrow">
      <PageTitle title="A private safety check">A private safety check</PageTitle>
      <p class="private-note">
        Only you can see this. Your partner is never shown your answers, and is not told that you took this check.
      </p>
      <p>
        Attune is built for relationships where someone has felt unseen or neglected. Some relationships are harder than that, and
        a few questions help make sure Attune is the right kind of help for you. You can skip any question and change your answers
        at any time.
      </p>
      {view?.concern ? (
        <div class="card concern" role="status">
          <h2>What your answers suggest</h2>
          {SAFETY_CONCERN_MESSAGE.split('\n\n').map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            <a class="button primary" href="/help">
              See help lines
            </a>
          </p>
        </div>
      ) : saved ? (
        <p class="note" role="status">
          Your answers are saved. Only you can see them.
        </p>
      ) : null}
      <form onSubmit={submit}>
        {SAFETY_QUESTIONS.map((question) => (
          <fieldset key={question.id} class="question">
            <legend>{question.text}</legend>
            <div class="choices">
              {SAFETY_ANSWER_OPTIONS.map((option) => (
                <label key={option.value} class="choice">
                  <input
                    type="radio"
                    name={question.id}
                    value={option.value}
                    checked={answers[question.id] === option.value}
                    onChange={() => {
                      setAnswers({ ...answers, [question.id]: option.value });
                      setSaved(false);
                    }}
                  />{' '}
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <FormAlert message={form.message} />
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save my answers
        </SubmitButton>
      </form>
      {view?.answers ? (
        <p>
          <button type="button" class="button" onClick={forget} disabled={form.pending}>
            Forget my answers
          </button>
        </p>
      ) : null}
    </section>
  );
}
