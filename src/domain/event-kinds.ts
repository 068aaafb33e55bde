/**
 * Every kind of live event, shared by the server (which publishes them) and the web app (which
 * listens for them). An event carries its kind and the id of what changed, never words.
 */
export const EVENT_KINDS = [
  'space.changed',
  'causes.changed',
  'need.changed',
  'conversation.changed',
  'commitment.changed',
  'log.changed',
  'ack.changed',
  'appreciation.added',
  'checkin.changed',
  'checkin.reply',
  'pulse.changed',
  'notification.created',
  'notification.changed',
  'closeness.changed',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(kind: string): kind is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}
