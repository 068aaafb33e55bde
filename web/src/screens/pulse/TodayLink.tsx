import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { listenFor, liveChanges } from '../../lib/live';

// Home's gentle pointer to this week's trust pulse, shown only while it is not answered yet. Ships
// with home (not the lazy pulse screen), so it stays tiny. A week left out is never mentioned.

listenFor('pulse.changed');

export function PulseTodayLink() {
  const [open, setOpen] = useState(false);
  const version = liveChanges.value['pulse.changed'] ?? 0;
  useEffect(() => {
    api.pulse().then(
      (p) => setOpen(p.mine === null),
      () => setOpen(false),
    );
  }, [version]);
  if (!open) return null;
  return (
    <li>
      <a href="/pulse">This week’s trust pulse, about a minute</a>
    </li>
  );
}
