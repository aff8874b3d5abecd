/// <reference path="./.sst/platform/config.d.ts" />

// Infrastructure lives in stacks/, one concern per file; this file only wires them in order.
// Stacks are imported inside run(), where SST's globals (sst, aws, $app) exist.
export default $config({
  app(input) {
    const production = input?.stage === "production";
    return {
      name: "rapport",
      home: "aws",
      removal: production ? "retain" : "remove",
      protect: production,
    };
  },
  async run() {
    await import("./stacks/secret.ts");
    await import("./stacks/table.ts");
    await import("./stacks/kms.ts");
    const { router } = await import("./stacks/router.ts");
    const { syncQueue, syncDeadLetterQueue } = await import("./stacks/queue.ts");
    const { api } = await import("./stacks/api.ts");
    await import("./stacks/cron.ts");
    const { addins } = await import("./stacks/web.ts");
    return {
      publicUrl: router.url,
      apiFunctionUrl: api.url,
      addinsUrl: addins.url,
      syncQueueUrl: syncQueue.url,
      syncDeadLetterQueueUrl: syncDeadLetterQueue.url,
    };
  },
});
