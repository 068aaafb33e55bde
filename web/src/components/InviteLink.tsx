import { useEffect } from 'preact/hooks';
import { followPartner, hasPartner } from '../lib/partner';
import { currentPath } from '../lib/router';

/** "Invite" in the main navigation, only while my partner has not joined (back again if the space is left). */
export function InviteLink() {
  useEffect(followPartner, []);
  if (hasPartner.value !== false) return null;
  return (
    <li>
      <a href="/invite" aria-current={currentPath.value === '/invite' ? 'page' : undefined}>
        Invite
      </a>
    </li>
  );
}
