import { ConditionalWriteError } from "./store.ts";

/** True when DynamoDB refused a write because its condition (or a transaction's) failed. */
export function isConditionalFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "ConditionalCheckFailedException") return true;
  if (error.name === "TransactionCanceledException") {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === "ConditionalCheckFailed");
  }
  return false;
}

/** Runs a conditional write; a failed condition becomes ConditionalWriteError(message). */
export async function conditionally<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConditionalWriteError(message);
    throw error;
  }
}
