import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The project's offline check of the XML (add-in only) manifest: Microsoft's validator for XML is
 * an online service, so this encodes the documented rules we rely on (learn.microsoft.com:
 * manifest-element-ordering, extensionpoint, launchevent, xml-manifest-overview). It returns
 * the list of broken rules; empty means the manifest passes.
 */

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Documented order of OfficeApp children for xsi:type="MailApp". */
export const MAIL_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "FormSettings",
  "Permissions",
  "Rule",
  "DisableEntityHighlighting",
  "VersionOverrides",
];
export const MAIL_APP_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "FormSettings",
  "Permissions",
  "Rule",
];
const OVERRIDES_V1_0_ORDER = ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"];
const OVERRIDES_V1_1_ORDER = ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo"];
const HOST_ORDER = ["Runtimes", "DesktopFormFactor", "MobileFormFactor"];

/** Extension point types as spelled in the manifest reference (mail add-ins). */
export const MAIL_EXTENSION_POINTS = [
  "MessageReadCommandSurface",
  "MessageComposeCommandSurface",
  "AppointmentOrganizerCommandSurface",
  "AppointmentAttendeeCommandSurface",
  "Module",
  "MobileMessageReadCommandSurface",
  "MobileOnlineMeetingCommandSurface",
  "MobileLogEventAppointmentAttendee",
  "LaunchEvent",
  "Events",
  "DetectedEntity",
];
/** Canonical XML event names for appointments and messages (event-based activation table). */
export const LAUNCH_EVENT_TYPES = [
  "OnNewMessageCompose",
  "OnNewAppointmentOrganizer",
  "OnMessageAttachmentsChanged",
  "OnAppointmentAttachmentsChanged",
  "OnMessageRecipientsChanged",
  "OnAppointmentAttendeesChanged",
  "OnAppointmentTimeChanged",
  "OnAppointmentRecurrenceChanged",
  "OnInfoBarDismissClicked",
  "OnMessageSend",
  "OnAppointmentSend",
  "OnMessageCompose",
  "OnAppointmentOrganizer",
  "OnMessageFromChanged",
  "OnAppointmentFromChanged",
  "OnSensitivityLabelChanged",
  "OnMessageReadWithCustomAttachment",
  "OnMessageReadWithCustomHeader",
  "OnMessageRead",
];

export function checkXmlManifest(
  xml: string,
  options: { addinOrigin: string; handlerNames: string[] },
): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed: ${valid.err.msg} (line ${valid.err.line})`];
  const root = toNodes(
    new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: "",
      parseTagValue: false,
      commentPropName: "#comment",
    }).parse(xml),
  ).find((n) => n.name === "OfficeApp");
  if (!root) return ["root element OfficeApp missing"];
  if (root.attrs["xsi:type"] !== "MailApp") problems.push('OfficeApp xsi:type must be "MailApp"');

  checkOrder(root, MAIL_APP_ORDER, "OfficeApp", problems);
  for (const name of MAIL_APP_REQUIRED)
    if (!child(root, name)) problems.push(`OfficeApp lacks required <${name}>`);

  const v10 = child(root, "VersionOverrides");
  if (v10?.attrs["xsi:type"] !== "VersionOverridesV1_0") problems.push("VersionOverrides V1_0 missing");
  const v11 = v10 && child(v10, "VersionOverrides");
  if (v11?.attrs["xsi:type"] !== "VersionOverridesV1_1")
    problems.push("VersionOverrides V1_1 (nested last in V1_0) missing");
  for (const [overrides, order, label] of [
    [v10, OVERRIDES_V1_0_ORDER, "V1_0"],
    [v11, OVERRIDES_V1_1_ORDER, "V1_1"],
  ] as const) {
    if (!overrides) continue;
    checkOrder(overrides, order, `VersionOverrides ${label}`, problems);
    const host = child(child(overrides, "Hosts"), "Host");
    if (host?.attrs["xsi:type"] !== "MailHost") problems.push(`${label}: Host xsi:type must be MailHost`);
    if (host) checkOrder(host, HOST_ORDER, `${label} Host`, problems);
    const points = descendants(host, "ExtensionPoint").map((p) => p.attrs["xsi:type"] ?? "");
    for (const p of points)
      if (!MAIL_EXTENSION_POINTS.includes(p)) problems.push(`${label}: unknown ExtensionPoint type "${p}"`);
    for (const needed of ["AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"])
      if (!points.includes(needed)) problems.push(`${label}: no ${needed} task pane`);
    checkResources(overrides, label, problems);
  }

  if (v11) checkLaunchEvents(v11, options.handlerNames, problems);
  for (const url of urls(root))
    if (!url.startsWith(`${options.addinOrigin}/`)) problems.push(`URL not on the add-in host: ${url}`);
  return problems;
}

function checkLaunchEvents(v11: Node, handlerNames: string[], problems: string[]): void {
  const launch = descendants(v11, "ExtensionPoint").find((p) => p.attrs["xsi:type"] === "LaunchEvent");
  if (!launch) return void problems.push("V1_1: no LaunchEvent extension point");
  const events = descendants(launch, "LaunchEvent");
  for (const e of events) {
    if (!LAUNCH_EVENT_TYPES.includes(e.attrs.Type ?? ""))
      problems.push(`unknown LaunchEvent Type "${e.attrs.Type}"`);
    if (!handlerNames.includes(e.attrs.FunctionName ?? ""))
      problems.push(`LaunchEvent handler "${e.attrs.FunctionName}" is not registered by commands.ts`);
  }
  if (!events.some((e) => e.attrs.Type === "OnAppointmentAttendeesChanged"))
    problems.push("OnAppointmentAttendeesChanged is not declared");
  const runtime = descendants(v11, "Runtime")[0];
  if (!runtime) return void problems.push("V1_1: no Runtime for event-based activation");
  if (!descendants(runtime, "Override").some((o) => o.attrs.type === "javascript"))
    problems.push("Runtime lacks the JavaScript override for classic Outlook");
  if (child(launch, "SourceLocation")?.attrs.resid !== runtime.attrs.resid)
    problems.push("LaunchEvent SourceLocation must name the Runtime's resid");
}

function checkResources(overrides: Node, label: string, problems: string[]): void {
  const resources = child(overrides, "Resources");
  const defined = new Set(
    descendants(resources, "*")
      .map((n) => n.attrs.id)
      .filter((id): id is string => Boolean(id)),
  );
  for (const id of defined)
    if (id.length > 32) problems.push(`${label}: resource id longer than 32 characters: ${id}`);
  const referenced = descendants(overrides, "*").filter((n) => n.attrs.resid && !isInside(n, resources));
  for (const n of referenced)
    if (!defined.has(n.attrs.resid ?? ""))
      problems.push(`${label}: resid "${n.attrs.resid}" is not defined in Resources`);
}

function checkOrder(parent: Node, order: string[], label: string, problems: string[]): void {
  let last = -1;
  for (const c of parent.children) {
    const index = order.indexOf(c.name);
    if (index === -1) problems.push(`${label}: <${c.name}> is not a documented child`);
    else if (index < last) problems.push(`${label}: <${c.name}> is out of the documented order`);
    else last = index;
  }
}

function urls(node: Node): string[] {
  const found: string[] = [];
  for (const n of [node, ...descendants(node, "*")]) {
    for (const [name, value] of Object.entries(n.attrs))
      if (!name.startsWith("xmlns") && /^https?:/.test(value)) found.push(value);
    if (/^https?:/.test(n.text.trim())) found.push(n.text.trim());
  }
  return found;
}

const parents = new WeakMap<Node, Node>();

function isInside(node: Node, ancestor: Node | undefined): boolean {
  for (let p = parents.get(node); p; p = parents.get(p)) if (p === ancestor) return true;
  return false;
}

function child(node: Node | undefined, name: string): Node | undefined {
  return node?.children.find((c) => c.name === name);
}

function descendants(node: Node | undefined, name: string): Node[] {
  if (!node) return [];
  return node.children.flatMap((c) => [
    ...(name === "*" || c.name === name ? [c] : []),
    ...descendants(c, name),
  ]);
}

/** fast-xml-parser's ordered output to a plain tree; namespace prefixes (bt:) dropped from names. */
function toNodes(items: unknown[], parent?: Node): Node[] {
  const nodes: Node[] = [];
  for (const item of items as Record<string, unknown>[]) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#comment" || name === "?xml") continue;
    if (name === "#text") {
      if (parent) parent.text += String(item[name]);
      continue;
    }
    const node: Node = {
      name: name.replace(/^\w+:/, ""),
      attrs: (item[":@"] as Record<string, string>) ?? {},
      children: [],
      text: "",
    };
    if (parent) parents.set(node, parent);
    node.children = toNodes(item[name] as unknown[], node);
    nodes.push(node);
  }
  return nodes;
}
