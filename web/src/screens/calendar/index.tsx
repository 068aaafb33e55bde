// The private calendar feed's settings, placed inside other screens (Settings, the reminders
// preferences). The default export lets a screen load it lazily.
import { CalendarSettings } from './CalendarSettings';

export { CalendarSettings };
export default CalendarSettings;
