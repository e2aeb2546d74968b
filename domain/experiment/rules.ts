import { DomainError } from "../errors";

export function assertNoRunningRuns(runningRuns: number): void {
  if (runningRuns > 0) {
    throw new DomainError("CONFLICT", `${runningRuns} run${runningRuns === 1 ? " is" : "s are"} still running. Finish ${runningRuns === 1 ? "it" : "them"} before deleting the experiment.`, {
      reason: "runs_running",
      runningRuns,
    });
  }
}
