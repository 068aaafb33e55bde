import type { Scenario } from './types.js';

export const therapistsScenarios: Record<string, Scenario> = {};
