import { PasswordAgain } from '../../components/PasswordAgain';

/** The password asked again, so that no one else holding this device can open the page. */
export function Unlock({ onOpened, lapsed }: { onOpened: () => void; lapsed: boolean }) {
  return (
    <PasswordAgain
      intro={`${
        lapsed
          ? 'This page closed itself after a quiet spell, in case someone else picked up this device. '
          : 'This page is for you alone, so it asks for your password again, in case someone else has this device. '
      }It stays open while you use it, and closes after 15 minutes without a visit.`}
      submitLabel="Open this page"
      pendingLabel="Opening…"
      onOpened={onOpened}
    />
  );
}
