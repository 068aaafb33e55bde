import type { Scenario } from './types.js';

export const therapistViewsScenarios: Record<string, Scenario> = {};
