import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateUnifiedManifest } from "../src/manifest/json-schema-check.ts";
import { manifestFor, manifestTemplates, PLACEHOLDER_ORIGIN } from "../src/manifest/manifest-for.ts";
import { checkXmlManifest, LAUNCH_EVENT_TYPES } from "../src/manifest/xml-rules.ts";

const commandsSource = readFileSync(new URL("../src/commands/commands.ts", import.meta.url), "utf8");
const handlerNames = [...commandsSource.matchAll(/associate\(\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
const { xml, json } = manifestTemplates();
const check = (text: string, origin = PLACEHOLDER_ORIGIN) =>
  checkXmlManifest(text, { addinOrigin: origin, handlerNames });

describe("XML manifest (documented rules, offline)", () => {
  it("passes every rule as checked in", () => {
    expect(handlerNames).toContain("onAppointmentAttendeesChangedHandler");
    expect(check(xml)).toEqual([]);
  });

  it("rejects a manifest that is not well-formed", () => {
    expect(check(xml.replace("</Permissions>", "</Permission>"))[0]).toMatch(/not well-formed/);
  });

  it("rejects elements out of the documented order", () => {
    const swapped = xml
      .replace("<Permissions>ReadWriteItem</Permissions>", "")
      .replace("<FormSettings>", "<Permissions>ReadWriteItem</Permissions>\n  <FormSettings>");
    expect(check(swapped)).toContain("OfficeApp: <FormSettings> is out of the documented order");
  });

  it("rejects a missing required element", () => {
    expect(check(xml.replace(/<ProviderName>.*<\/ProviderName>/, ""))).toContain(
      "OfficeApp lacks required <ProviderName>",
    );
  });

  it("rejects a misspelt surface or event name", () => {
    expect(
      check(xml.replaceAll("AppointmentAttendeeCommandSurface", "AppointmentAttendeesCommandSurface")),
    ).toEqual(
      expect.arrayContaining(['V1_0: unknown ExtensionPoint type "AppointmentAttendeesCommandSurface"']),
    );
    expect(
      check(xml.replace('Type="OnAppointmentAttendeesChanged"', 'Type="OnAppointmentAttendeeChanged"')),
    ).toEqual(expect.arrayContaining(['unknown LaunchEvent Type "OnAppointmentAttendeeChanged"']));
  });

  it("rejects a handler name the event script does not register, and an undefined resource", () => {
    expect(
      check(xml.replace('FunctionName="onAppointmentAttendeesChangedHandler"', 'FunctionName="onAttendees"')),
    ).toEqual(expect.arrayContaining(['LaunchEvent handler "onAttendees" is not registered by commands.ts']));
    expect(check(xml.replace('resid="Taskpane.Url"', 'resid="Taskpane.Uri"'))).toEqual(
      expect.arrayContaining(['V1_0: resid "Taskpane.Uri" is not defined in Resources']),
    );
  });

  it("rejects a URL off the add-in host", () => {
    expect(
      check(xml.replace(`${PLACEHOLDER_ORIGIN}/support.html`, "https://elsewhere.example/support.html")),
    ).toContain("URL not on the add-in host: https://elsewhere.example/support.html");
  });

  it("manifestFor moves every URL to the deployment's host and stays valid", () => {
    const built = manifestFor("https://app.example.org/addin");
    expect(built.xml).not.toContain(PLACEHOLDER_ORIGIN);
    expect(check(built.xml, "https://app.example.org/addin")).toEqual([]);
    expect(JSON.parse(built.json).validDomains).toEqual(["app.example.org"]);
    expect(() => manifestFor("http://app.example.org")).toThrow(/https/);
  });
});

describe("unified JSON manifest (schema bundled by @microsoft/app-manifest)", () => {
  const manifest = JSON.parse(json);

  it("validates against its schema offline", () => {
    expect(validateUnifiedManifest(manifest)).toEqual([]);
    expect(validateUnifiedManifest(JSON.parse(manifestFor("https://app.example.org").json))).toEqual([]);
  });

  it("the schema check catches violations", () => {
    expect(
      validateUnifiedManifest({ ...manifest, name: { ...manifest.name, short: "x".repeat(40) } }).length,
    ).toBeGreaterThan(0);
    const badContext = structuredClone(manifest);
    badContext.extensions[0].ribbons[0].contexts = ["meetingDetailsOrganiser"];
    expect(validateUnifiedManifest(badContext).length).toBeGreaterThan(0);
  });

  it("uses documented event names (the schema accepts any string) mapped to the same handlers as the XML", () => {
    const unifiedToXml: Record<string, string> = {
      appointmentAttendeesChanged: "OnAppointmentAttendeesChanged",
      appointmentOrganizerOpened: "OnAppointmentOrganizer",
    };
    const events = manifest.extensions[0].autoRunEvents[0].events as { type: string; actionId: string }[];
    for (const e of events) {
      expect(LAUNCH_EVENT_TYPES).toContain(unifiedToXml[e.type]);
      expect(handlerNames).toContain(e.actionId);
      expect(xml).toContain(`Type="${unifiedToXml[e.type]}" FunctionName="${e.actionId}"`);
    }
    expect(manifest.extensions[0].ribbons[0].contexts).toEqual([
      "meetingDetailsOrganizer",
      "meetingDetailsAttendee",
    ]);
    expect(manifest.id).toBe(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]);
  });
});
