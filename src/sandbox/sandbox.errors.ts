/** Bad input from a caller of the sandbox; the HTTP layer answers it with 400 and its message. */
export class InputError extends Error {}
