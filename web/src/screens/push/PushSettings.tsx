import { useId, useState } from 'preact/hooks';
import { ApiError, api, type PushDeviceView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { formatDate } from '../../lib/dates';
import { me } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
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

/** What to say when something fails: the server's words for the first field, or the browser's part failed. */
function explained(err: unknown): ApiError {
  if (!(err instanceof ApiError)) {
    return new ApiError(0, 'push_unavailable', 'This browser could not set up notifications just now. Please try again later.');
  }
  const first = err.fields[0];
  return first ? new ApiError(err.status, err.code, first.message, err.fields, err.retryAfter) : err;
}

async function loadPush() {
  const [state, subscription] = await Promise.all([api('push.get'), pushSupport() === 'ok' ? currentSubscription() : null]);
  return { state, subscribed: subscription !== null };
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
  const resource = useResource(loadPush);
  const state = resource.data?.state ?? null;
  const subscribed = resource.data?.subscribed ?? false;
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const { pending } = form;
  const message = form.message ?? (resource.failed ? explained(resource.error).message : null);

  const act = (work: () => Promise<void>) => {
    setStatus(null);
    return form.run(() =>
      work().catch((err: unknown) => {
        throw explained(err);
      }),
    );
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
        form.setMessage('Attune is still getting ready on this device. Please reload the page and try again.');
        return;
      }
      const subscription = await subscribeThisBrowser(registration, state.publicKey);
      const device = await api('push.subscribe', { body: subscriptionBody(subscription) });
      rememberDevice(userId, device.id);
      await resource.reload();
      setStatus('Notifications are on for this device.');
      onTurnedOn?.();
    });

  const remove = (device: PushDeviceView, isThis: boolean) =>
    act(async () => {
      await api('push.unsubscribe', { params: { id: device.id } });
      if (isThis) {
        rememberDevice(userId, null);
        await (await currentSubscription())?.unsubscribe();
      }
      await resource.reload();
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
