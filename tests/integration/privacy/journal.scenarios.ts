import type { Scenario } from './types.js';

export const journalScenarios: Record<string, Scenario> = {};
