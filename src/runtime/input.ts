// A bound parameter value the request cannot carry: refused before anything is sent,
// with the parameter named (see schema-input.ts, which checks values against the SDK's
// schema of the request).

export class InputError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
    this.name = "InputError";
  }
}
