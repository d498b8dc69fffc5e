/** Authenticator keys are read and typed in groups of four: `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`. */
export const groupsOfFour = (secret: string): string[] => secret.match(/.{1,4}/g) ?? []
