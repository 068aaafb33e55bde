import { useId, useState } from 'preact/hooks';
import { setSignOutOnQuickExit, signOutOnQuickExit } from '../../lib/quick-exit';

/**
 * Whether quick exit also signs this browser out (decision 026). Kept on this device, not in the
 * account: what is safe depends on who can pick up this phone or computer, and quick exit must
 * know at once, even offline.
 */
export function QuickExitSetting() {
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const on = signOutOnQuickExit.value;
  const change = (next: boolean) => {
    setSignOutOnQuickExit(next);
    setSaved(
      next ? 'Saved. Quick exit will sign you out on this device.' : 'Saved. Quick exit will keep you signed in on this device.',
    );
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Quick exit</h2>
      <p>
        Quick exit (the button at the top of every page, or pressing Escape twice) puts an ordinary, unrelated website in place of
        Attune at once. Pressing Back afterwards does not bring Attune back. It cannot take Attune out of your browser's history
        list: your browser's own settings can clear that.
      </p>
      <label class="choice">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={`${id}-what`}
          onChange={(e) => change((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Also sign me out on this device when I use quick exit</span>
      </label>
      <p class="hint" id={`${id}-what`}>
        {on
          ? 'Then anyone who opens Attune on this device afterwards needs your password. '
          : 'You stay signed in: anyone who opens Attune again on this device sees your account without a password. '}
        Anything you saved while offline stays on this device, sealed so nobody can read it, and is sent the next time you are
        signed in here. This choice applies to this device only.
      </p>
      <p role="status" class="hint">
        {saved}
      </p>
    </section>
  );
}
