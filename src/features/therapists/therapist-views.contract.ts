// The therapist's read-only views of a couple, one route each (GET /api/v1/therapist/couples/:id/<view>).
// Filled in with the views (issue 12).
export const therapistViewContracts = [] as const;
