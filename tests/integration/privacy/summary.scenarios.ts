import type { Scenario } from './types.js';

export const summaryScenarios: Record<string, Scenario> = {};
