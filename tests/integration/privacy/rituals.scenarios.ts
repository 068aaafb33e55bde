import type { Scenario } from './types.js';

export const ritualsScenarios: Record<string, Scenario> = {};
