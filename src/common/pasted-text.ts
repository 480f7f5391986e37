// A file's text given where its path belongs: a CI secret holding a PEM, a token or a seed set straight
// into the variable or flag, instead of a file written from it. Echoed as a "path", a private key
// reached the console whole (one without its BEGIN line cannot be told by shape, and the emulator has
// no redactor). Shared by the harness's credential files and the emulator's flags.

// No path a user names runs to a thousand characters; base64 splits into short "directories" at '/'.
const LONGEST_PATH = 1000;

// A key's body on one line without its BEGIN line (an EC key is under 200 characters), or a JWT: no
// file name is one unbroken base64 run of that length, nor three base64url parts starting eyJ.
const KEY_BODY = /^[A-Za-z0-9+/]{64,}={0,2}$/;
const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\./;

export function isPastedText(value: string): boolean {
  return (
    value.length > LONGEST_PATH ||
    /[\r\n]|-----BEGIN |^\s*[{[]/.test(value) ||
    KEY_BODY.test(value.trim()) ||
    JWT.test(value.trim())
  );
}

// What follows the variable's or the flag's name; its length, never its text.
export function pastedTextProblem(value: string): string {
  return `holds ${value.length} characters of text, not the path of a file (not shown: it may be a key, a token or a secret); write the text to a file and name that file`;
}
