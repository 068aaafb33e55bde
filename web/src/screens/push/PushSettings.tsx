import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, api, type PushDeviceView, type PushState } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { formatDate } from '../../lib/dates';
import { me, signedOut } from '../../lib/session';
import {
  currentSubscription,
  pushSupport,
  rememberDevice,
  subscribeThisBrowser,
  subscriptionBody,
  thisDeviceId,
  workerRegistration,
} from './browser-push';

// Notifications on this device (web push), as a part of the settings: turn them on here, see the
// devices they are on and remove any. What a notification says is fixed and tells nothing private.

const NEUTRAL_LINE = 'You have a new update in Attune';

function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) signedOut();
    return err.fields[0]?.message ?? err.message;
  }
  return 'This browser could not set up notifications just now. Please try again later.';
}

function Unavailable({ why }: { why: 'unsupported' | 'home-screen-first' }) {
  return why === 'home-screen-first' ? (
    <p>
      On iPhone and iPad, notifications work once Attune is on your Home Screen: in Safari, tap Share, then Add to Home Screen,
      and open Attune from there.
    </p>
  ) : (
    <p>This browser cannot show notifications from Attune. Every update still waits for you inside Attune.</p>
  );
}

export interface PushSettingsProps {
  /** The heading level where it is placed. */
  level?: 2 | 3;
  /** Called after push is turned on for this device (say, to switch the push preference on). */
  onTurnedOn?: () => void;
}

/** Settings for notifications on this device (web push). */
export function PushSettings({ level = 2, onTurnedOn }: PushSettingsProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const support = pushSupport();
  const userId = me.value?.id ?? '';
  const [state, setState] = useState<PushState | null>(null);
  const [subscribed, setSubscribed] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = async () => {
    const [next, subscription] = await Promise.all([api.push(), support === 'ok' ? currentSubscription() : null]);
    setState(next);
    setSubscribed(subscription !== null);
  };
  useEffect(() => {
    load().catch((err: unknown) => setMessage(messageOf(err)));
  }, []);

  const act = async (work: () => Promise<void>) => {
    setPending(true);
    setMessage(null);
    setStatus(null);
    try {
      await work();
    } catch (err) {
      setMessage(messageOf(err));
    } finally {
      setPending(false);
    }
  };

  const turnOn = () =>
    act(async () => {
      if (!state) return;
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setStatus(
          permission === 'denied'
            ? "Notifications are blocked for Attune in this browser. If you would like them, allow them in the browser's settings, then come back here."
            : 'Notifications were not allowed, so nothing changed. You can try again whenever you like.',
        );
        return;
      }
      const registration = await workerRegistration();
      if (!registration) {
        setMessage('Attune is still getting ready on this device. Please reload the page and try again.');
        return;
      }
      const subscription = await subscribeThisBrowser(registration, state.publicKey);
      const device = await api.subscribePush(subscriptionBody(subscription));
      rememberDevice(userId, device.id);
      await load();
      setStatus('Notifications are on for this device.');
      onTurnedOn?.();
    });

  const remove = (device: PushDeviceView, isThis: boolean) =>
    act(async () => {
      await api.unsubscribePush(device.id);
      if (isThis) {
        rememberDevice(userId, null);
        await (await currentSubscription())?.unsubscribe();
      }
      await load();
      setStatus(isThis ? 'Notifications are off for this device.' : `Notifications are off for ${device.device}.`);
    });

  const thisId = state ? thisDeviceId(state, userId, subscribed) : null;
  const blocked = support === 'ok' && Notification.permission === 'denied';

  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>Notifications on your devices</Heading>
      <p>
        A notification says only "{NEUTRAL_LINE}": never what anyone wrote, and never your partner's name. Open Attune to see what
        it is.
      </p>
      <FormAlert message={message} />
      <p role="status" class="hint">
        {status}
      </p>
      {support !== 'ok' ? <Unavailable why={support} /> : null}
      {!state ? (
        message ? null : (
          <Loading />
        )
      ) : (
        <>
          {support === 'ok' && !thisId ? (
            blocked ? (
              <p>
                Notifications are blocked for Attune in this browser. If you would like them, allow them in the browser's
                settings, then come back here.
              </p>
            ) : (
              <p>
                <button type="button" class="button primary" disabled={pending} onClick={turnOn}>
                  {pending ? 'Turning on…' : 'Turn on notifications for this device'}
                </button>
              </p>
            )
          ) : null}
          {state.subscriptions.length > 0 ? (
            <ul class="plain-list">
              {state.subscriptions.map((d) => (
                <li key={d.id} class="row">
                  <div>
                    <p>
                      {d.device}
                      {d.id === thisId ? <strong class="tag">This device</strong> : null}
                    </p>
                    <p class="hint">Turned on {formatDate(d.createdAt)}.</p>
                  </div>
                  <button type="button" class="button" disabled={pending} onClick={() => remove(d, d.id === thisId)}>
                    Turn off
                    <span class="visually-hidden">
                      {' '}
                      for {d.device}, turned on {formatDate(d.createdAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">Notifications are not on for any of your devices.</p>
          )}
        </>
      )}
    </section>
  );
}
