import { useState } from 'preact/hooks';
import { ApiError, api, type InviteCreated } from '../api/client';
import { FormAlert, useForm } from '../components/form';
import { Loading } from '../components/lazy';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../lib/dates';
import { useResource } from '../lib/use-resource';

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

async function loadInvites() {
  const [space, list] = await Promise.all([api('spaces.get'), api('spaces.invites.list')]);
  return { space, invites: list.invites };
}

function NewLink({ invite }: { invite: InviteCreated }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied('The link is copied.');
    } catch {
      const input = document.getElementById('invite-link') as HTMLInputElement | null;
      input?.select();
      setCopied('Copying did not work here. The link is selected, so you can copy it yourself.');
    }
  };
  return (
    <div class="card">
      <h2>Your invite link</h2>
      <label for="invite-link">Link for your partner</label>
      <div class="copy-row">
        <input id="invite-link" type="text" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p role="status" class="hint">
        {copied}
      </p>
      <p>
        This link works once and stops working on {formatDate(invite.expiresAt)}, 7 days from now. Send it in a way only your
        partner will see. It is shown only this once: if it gets lost, you can cancel it and make a new one.
      </p>
    </div>
  );
}

export default function Invite() {
  const resource = useResource(loadInvites);
  const [created, setCreated] = useState<InviteCreated | null>(null);
  const form = useForm();
  const { pending } = form;
  const message = form.message ?? (resource.failed ? messageOf(resource.error) : null);
  const space = resource.data?.space ?? null;
  const invites = resource.data?.invites ?? [];

  const create = () =>
    form.run(async () => {
      setCreated(await api('spaces.invites.create'));
      await resource.reload();
    });

  const revoke = (id: string) =>
    form.run(async () => {
      await api('spaces.invites.revoke', { params: { id } });
      if (created?.id === id) setCreated(null);
      await resource.reload();
    });

  return (
    <section>
      <PageTitle title="Invite your partner">Invite your partner</PageTitle>
      <FormAlert message={message} />
      {!space ? (
        message ? null : (
          <Loading />
        )
      ) : space.partner ? (
        <p class="lead">
          You already share this space with {space.partner.name}. A shared space holds two people, so there is no one else to
          invite.
        </p>
      ) : (
        <>
          <p class="lead">
            When your partner joins, you will share some things in Attune. What you keep private stays private: they will not see
            it, or know that it exists.
          </p>
          <p>There is no rush. Everything that does not need a partner works on your own.</p>
          {created ? (
            <NewLink invite={created} />
          ) : (
            <p>
              <button type="button" class="button primary" onClick={create} disabled={pending}>
                {pending ? 'Making a link…' : 'Make an invite link'}
              </button>
            </p>
          )}
          <h2>Open invite links</h2>
          {invites.length === 0 ? (
            <p>You have no open invite links.</p>
          ) : (
            <ul class="plain-list">
              {invites.map((inv) => (
                <li key={inv.id} class="row">
                  <div>
                    <p>Made on {formatDate(inv.createdAt)}</p>
                    <p class="hint">Stops working on {formatDate(inv.expiresAt)}</p>
                  </div>
                  <button type="button" class="button" onClick={() => revoke(inv.id)} disabled={pending}>
                    Cancel link<span class="visually-hidden"> made on {formatDate(inv.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {created ? (
            <p>
              <button type="button" class="button" onClick={create} disabled={pending}>
                Make another link
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
