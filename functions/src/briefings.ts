import { awsSystem } from "@rapport/runtime";
import { Resource } from "sst";

// Scheduled by stacks/cron.ts; the same job runs on a timer in `pnpm start`.
export const handler = async (): Promise<void> => {
  const job = awsSystem(Resource).jobs.find((j) => j.name === "briefings");
  if (!job) throw new Error("job briefings is not defined");
  await job.run(new Date());
};
