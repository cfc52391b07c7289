/** Output formats of `check`. */
export const CHECK_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;

export type CheckFormat = (typeof CHECK_FORMATS)[number];
