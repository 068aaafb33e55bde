import { api } from '../../api/client';
import { useResource } from '../../lib/use-resource';

// The private calendar address is not a sign-in (decision 024): signing out does not stop it. Said
// plainly next to the list of devices, with the way to replace it, when there is one to replace.

export function CalendarApart() {
  const resource = useResource(() => api('calendar.get'));
  if (!resource.data?.active) return null;
  return (
    <div class="card">
      <p>
        Your private calendar address is separate from signing in. Signing out, here or everywhere, does not stop it: any calendar
        app that has the address keeps showing your commitments.
      </p>
      <p>If someone else might have it, you can replace it. The old address stops working at once.</p>
      <p>
        <a class="button" href="/notifications/settings">
          Replace your calendar address
        </a>
      </p>
    </div>
  );
}
