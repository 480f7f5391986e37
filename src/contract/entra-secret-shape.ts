// An Entra ID client secret value: three characters, a digit, "Q~", then 34 (40 in all; a longer run is taken whole). Caught by
// shape where it was pasted into the wrong variable and so never registered as a secret. Its "~" may be
// written %7E: a form body (the token request) encodes it so, and a token endpoint may quote that back.
const CHAR = '(?:[A-Za-z0-9_.~-]|%7[Ee])';
export const ENTRA_SECRET_SHAPE = new RegExp(`${CHAR}{3}\\dQ(?:~|%7[Ee])${CHAR}{34,}`, 'g');
