import type { Scenario } from './types.js';

export const closenessScenarios: Record<string, Scenario> = {};
