import type { DemoPerson } from "./types.ts";

/** The demo organization's people: the user, 40 contacts in 6 organizations, one room. */

export const DEMO_TIME_ZONE = "Europe/London";

export const MORGAN = "morgan@northwind.example";
export const JORDAN = "jordan@northwind.example";

const NORTHWIND = "Northwind Traders";
const CONTOSO = "Contoso";
const FABRIKAM = "Fabrikam";
const ADATUM = "Adatum";
const LITWARE = "Litware";
const TAILSPIN = "Tailspin Toys";

function person(email: string, name: string, organization: string, role?: string): DemoPerson {
  return role === undefined ? { email, name, organization } : { email, name, organization, role };
}

export const demoPeople: readonly DemoPerson[] = [
  person(MORGAN, "Morgan Avery", NORTHWIND, "Head of Client Partnerships"),
  person(JORDAN, "Jordan Lee", NORTHWIND, "Account Director"),
  person("ellie.grant@northwind.example", "Ellie Grant", NORTHWIND, "Executive Assistant to Morgan Avery"),
  person("sam.patel@northwind.example", "Sam Patel", NORTHWIND, "Solutions Engineer"),
  person("claire.north@northwind.example", "Claire North", NORTHWIND, "Chief Executive"),
  person("ben.osei@northwind.example", "Ben Osei", NORTHWIND, "Chief Financial Officer"),
  person("hannah.wright@northwind.example", "Hannah Wright", NORTHWIND, "Head of Product"),
  person("oliver.brooks@northwind.example", "Oliver Brooks", NORTHWIND, "Engineering Lead"),
  person("grace.kim@northwind.example", "Grace Kim", NORTHWIND, "Marketing Manager"),
  person("leo.martin@northwind.example", "Leo Martin", NORTHWIND, "Customer Success Manager"),
  person("isla.murray@northwind.example", "Isla Murray", NORTHWIND, "Legal Counsel"),
  person("noah.evans@northwind.example", "Noah Evans", NORTHWIND, "Sales Operations"),
  person("amelia.hughes@northwind.example", "Amelia Hughes", NORTHWIND, "Designer"),
  person("ethan.clarke@northwind.example", "Ethan Clarke", NORTHWIND, "Data Analyst"),
  person("sophie.turner@northwind.example", "Sophie Turner", NORTHWIND, "People Partner"),
  person("lucas.green@northwind.example", "Lucas Green", NORTHWIND, "Support Lead"),
  person("freya.walsh@northwind.example", "Freya Walsh", NORTHWIND, "Finance Analyst"),
  { email: "room.thames@northwind.example", name: "Thames Room", organization: NORTHWIND, isResource: true },

  person("ana.lopez@contoso.example", "Ana López", CONTOSO, "VP Operations"),
  person("carlos.ruiz@contoso.example", "Carlos Ruiz", CONTOSO, "Executive Assistant to Ana López"),
  person("mei.tanaka@contoso.example", "Mei Tanaka", CONTOSO, "Procurement Manager"),
  person("james.oconnor@contoso.example", "James O'Connor", CONTOSO, "IT Director"),
  person("sara.holm@contoso.example", "Sara Holm", CONTOSO, "Project Manager"),
  person("li.wei@contoso.example", "Li Wei", CONTOSO, "Legal Counsel"),

  person("dana.kim@fabrikam.example", "Dana Kim", FABRIKAM, "Head of Digital"),
  person("felix.wagner@fabrikam.example", "Felix Wagner", FABRIKAM, "Product Owner"),
  person("nina.petrova@fabrikam.example", "Nina Petrova", FABRIKAM, "Finance Director"),
  person("omar.haddad@fabrikam.example", "Omar Haddad", FABRIKAM, "Platform Engineer"),
  person("paula.costa@fabrikam.example", "Paula Costa", FABRIKAM, "Programme Manager"),

  person("david.chen@adatum.example", "David Chen", ADATUM, "Operations Manager"),
  person("helen.park@adatum.example", "Helen Park", ADATUM, "Chief Financial Officer"),
  person("lucy.adams@adatum.example", "Lucy Adams", ADATUM, "Buyer"),
  person("marcus.reed@adatum.example", "Marcus Reed", ADATUM, "Chief Technology Officer"),
  person("george.hill@adatum.example", "George Hill", ADATUM, "Service Manager"),

  person("tom.baker@litware.example", "Tom Baker", LITWARE, "Partner Manager"),
  person("rosa.diaz@litware.example", "Rosa Díaz", LITWARE, "Account Manager"),
  person("kenji.sato@litware.example", "Kenji Sato", LITWARE, "Analyst"),
  person("ivan.novak@litware.example", "Ivan Novak", LITWARE, "Delivery Lead"),

  person("raj.mehta@tailspin.example", "Raj Mehta", TAILSPIN, "Partnerships Director"),
  person("emma.stone@tailspin.example", "Emma Stone", TAILSPIN, "Alliance Manager"),
  person("victor.lang@tailspin.example", "Victor Lang", TAILSPIN, "Solutions Architect"),
  person("zoe.bell@tailspin.example", "Zoe Bell", TAILSPIN, "Marketing Lead"),
];

/** Northwind people other than `exclude`, rooms left out. */
export function northwindColleagues(exclude: string[]): string[] {
  return demoPeople
    .filter((p) => p.email.endsWith("@northwind.example") && !p.isResource && !exclude.includes(p.email))
    .map((p) => p.email);
}

export function findDemoPerson(email: string): DemoPerson | undefined {
  const wanted = email.toLowerCase();
  return demoPeople.find((p) => p.email === wanted);
}
