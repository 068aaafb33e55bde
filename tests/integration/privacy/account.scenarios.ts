import type { Scenario } from './types.js';

export const accountScenarios: Record<string, Scenario> = {};
