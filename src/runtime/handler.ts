// What a generated handler provides to the runtime for one operation.
import type { ShapeTable } from "./shapes.js";

export interface OperationHandler {
  operation: string;
  /** anonymous: the operation is sent unsigned and no credentials are looked up. */
  auth: "anonymous" | "signed";
  /** The response shape name and the shapes under it (operation-specific part only). */
  output: { type: string; shapes: ShapeTable };
  /** Names of parameters whose values must never be echoed. */
  sensitive: readonly string[];
  /** Maps bound parameter values to the SDK input; throws InputError for values it cannot send. */
  buildInput(params: Record<string, unknown>): Record<string, unknown>;
  /** Creates the SDK command object for that input. */
  createCommand(input: Record<string, unknown>): SdkCommand;
}

/** An SDK v3 command: the runtime only hands it to its client's send(). */
export type SdkCommand = object;
