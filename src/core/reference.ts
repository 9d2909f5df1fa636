/** The reference example every notation in DESIGN.md is checked against. */
export const referenceSentence = 'Sherlock Holmes and John Watson lived at 221B Baker Street in London.';
