/**
 * A stand-in for SST's run-time globals (sst, aws, $app, $config), recording every resource
 * the stacks create with its arguments. No AWS and no Pulumi: it lets a test evaluate
 * sst.config.ts and the stacks as SST would, then inspect what they asked for.
 */
export interface Created {
  type: string;
  name: string;
  args: Record<string, unknown>;
  calls: { method: string; args: unknown[] }[];
  instance: Record<string, unknown>;
}

export function installFakeSst(stage: string): Created[] {
  const created: Created[] = [];
  const component = (type: string, methods: string[] = []) =>
    class {
      [key: string]: unknown;
      constructor(name: string, args: Record<string, unknown> = {}) {
        const record: Created = { type, name, args, calls: [], instance: this };
        created.push(record);
        Object.assign(this, {
          name: `${name}-name`,
          url: `https://${name.toLowerCase()}.example.test`,
          arn: `arn:test:${name}`,
          keyId: `${name}-key-id`,
          value: `${name}-value`,
        });
        for (const method of methods) {
          this[method] = (...callArgs: unknown[]) => void record.calls.push({ method, args: callArgs });
        }
      }
    };
  const globals = globalThis as Record<string, unknown>;
  globals.$config = (config: unknown) => config;
  globals.$app = { name: "rapport", stage };
  globals.sst = {
    Secret: component("sst.Secret"),
    Linkable: component("sst.Linkable"),
    aws: {
      Dynamo: component("sst.aws.Dynamo"),
      Queue: component("sst.aws.Queue", ["subscribe"]),
      Function: component("sst.aws.Function"),
      CronV2: component("sst.aws.CronV2"),
      Router: component("sst.aws.Router", ["route"]),
      StaticSite: component("sst.aws.StaticSite"),
      permission: (input: unknown) => ({ type: "aws.permission", ...(input as object) }),
    },
  };
  globals.aws = { kms: { Key: component("aws.kms.Key") } };
  return created;
}

/** "3 minutes" / "540 seconds" in seconds. */
export function seconds(duration: unknown): number {
  const match = /^(\d+) (second|minute|hour)s?$/.exec(String(duration));
  if (!match) throw new Error(`not a duration: ${String(duration)}`);
  const unit = { second: 1, minute: 60, hour: 3600 }[match[2] as "second" | "minute" | "hour"];
  return Number(match[1]) * unit;
}
