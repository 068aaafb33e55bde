// The printable summary each partner chooses their part of (issue 12).
export const summaryContracts = [] as const;
