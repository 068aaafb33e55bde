import { useState } from 'preact/hooks';
import { api, type NeedView } from '../../api/client';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { formatDate } from '../../lib/dates';
import { Answer } from './Answer';
import { CoachedText } from './Coach';
import { History } from './History';

interface Props {
  need: NeedView;
  partnerName: string;
  hasPartner: boolean;
  onChange: () => void;
}

function Status({ need, partnerName }: { need: NeedView; partnerName: string }) {
  if (need.state === 'draft') return <p class="private-note">Only you can see this.</p>;
  if (need.fromEarlierSpace)
    return <p class="need-meta">Written in a space you no longer share. Your words are still here, just for you.</p>;
  if (need.state === 'declined')
    return (
      <p class="need-meta">
        {need.mine ? `${partnerName} said not now.` : 'You said not now.'} The reason is in the history below.
      </p>
    );
  if (need.waitingOn === 'partner') return <p class="need-meta">Waiting for {partnerName} to answer.</p>;
  return null;
}

/** One need, with what the signed-in person can do with it now. */
export function NeedCard({ need, partnerName, hasPartner, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(need.text);
  const form = useForm();
  const canEdit = need.mine && (need.state === 'draft' || need.state === 'shared' || need.state === 'declined');
  const canShare = need.mine && (need.state === 'draft' || need.state === 'declined') && !need.fromEarlierSpace;

  const save = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('needs.edit', { params: { id: need.id }, body: { text } });
      setEditing(false);
      onChange();
    });
  };
  const share = () =>
    void form.run(async () => {
      await api('needs.share', { params: { id: need.id } });
      onChange();
    });
  const remove = async () => {
    await api('needs.delete', { params: { id: need.id } });
    onChange();
  };

  return (
    <li class="card need">
      <p class="need-text">{need.text}</p>
      <p class="need-meta">
        {need.mine ? 'Your need' : `${partnerName}'s need`}
        {need.sharedAt ? `, shared ${formatDate(need.sharedAt)}` : `, written ${formatDate(need.createdAt)}`}
        {need.edited ? ' · edited' : ''}
      </p>
      <Status need={need} partnerName={partnerName} />
      <FormAlert message={form.message} />
      {need.waitingOn === 'me' && !need.fromEarlierSpace ? (
        <Answer need={need} partnerName={partnerName} onDone={onChange} />
      ) : null}
      {editing ? (
        <form onSubmit={save} noValidate>
          <CoachedText
            name="need"
            label="Your need"
            hint={need.state === 'draft' ? 'Only you can see this.' : `${partnerName} will see that you edited it.`}
            value={text}
            onInput={setText}
            error={form.fields.text}
          />
          <div class="button-row">
            <SubmitButton pending={form.pending} pendingLabel="Saving…">
              Save changes
            </SubmitButton>
            <button type="button" class="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {need.mine && !editing ? (
        <div class="button-row">
          {canShare && hasPartner ? (
            <button type="button" class="button primary" disabled={form.pending} onClick={share}>
              {need.state === 'declined' ? 'Share it again' : `Share with ${partnerName}`}
            </button>
          ) : null}
          {canEdit ? (
            <button type="button" class="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          <ConfirmDelete
            look="button"
            what={`${need.state === 'draft' ? 'this draft' : 'this need'}: ${need.text}`}
            warning={
              need.state === 'draft'
                ? 'Delete this draft? This cannot be undone.'
                : `Delete this need? It will be removed for you and for ${partnerName}, with every answer to it. This cannot be undone.`
            }
            onConfirm={remove}
          />
        </div>
      ) : null}
      {canShare && !hasPartner ? (
        <p class="hint">Sharing waits until your partner joins your space. Until then this stays here, just for you.</p>
      ) : null}
      <History need={need} partnerName={partnerName} />
    </li>
  );
}
