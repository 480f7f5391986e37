// An Entra ID client secret value: three characters, a digit, "Q~", then 34 (40 in all; a longer run is taken whole). Caught by
// shape where it was pasted into the wrong variable and so never registered as a secret.
export const ENTRA_SECRET_SHAPE = /[A-Za-z0-9_.~-]{3}\dQ~[A-Za-z0-9_.~-]{34,}/g;
