// Notifications on this device (web push), placed inside other screens (the reminders preferences,
// Settings). The default export lets a screen load it lazily.
import { PushSettings } from './PushSettings';

export type { PushSettingsProps } from './PushSettings';
export { PushSettings };
export default PushSettings;
