import { once } from "node:events";
import { createWriteStream } from "node:fs";

const crockford = "0123456789abcdefghjkmnpqrstvwxyz";

/** A valid ROR id (format and checksum) made from a number, e.g. for synthetic dumps. */
export function syntheticRorId(n: number): string {
  let body = "";
  let rest = n;
  for (let i = 0; i < 6; i++) {
    body = crockford[rest % 32] + body;
    rest = Math.floor(rest / 32);
  }
  body = `0${body}`;
  let value = 0n;
  for (const char of body) value = value * 32n + BigInt(crockford.indexOf(char));
  const check = String(98n - ((value * 100n) % 97n)).padStart(2, "0");
  return `https://ror.org/${body}${check}`;
}

const kinds = [
  "University",
  "Institute",
  "Centre",
  "Laboratory",
  "Hospital",
  "Foundation",
  "Agency",
  "Observatory",
  "School",
  "Museum",
];
const topics = [
  "Marine Biology",
  "Applied Physics",
  "Computer Science",
  "Public Health",
  "Earth Sciences",
  "Chemistry",
  "Mathematics",
  "Economics",
  "Linguistics",
  "Neuroscience",
  "Agronomy",
  "Astronomy",
  "Ecology",
  "History",
  "Materials",
  "Oncology",
  "Genomics",
  "Climate",
  "Energy",
  "Robotics",
  "Archaeology",
  "Law",
  "Philosophy",
  "Veterinary Medicine",
  "Oceanography",
  "Statistics",
  "Immunology",
  "Hydrology",
  "Sociology",
  "Music",
];
const cities = [
  "Paris",
  "Lyon",
  "Marseille",
  "Toulouse",
  "Nantes",
  "Lille",
  "Rennes",
  "Grenoble",
  "Montpellier",
  "Strasbourg",
  "Bordeaux",
  "Nice",
  "Dijon",
  "Brest",
  "Tours",
  "Berlin",
  "Madrid",
  "Lisbon",
  "Rome",
  "Vienna",
  "Oslo",
  "Kyoto",
  "Boston",
  "Toronto",
  "Sydney",
  "Nairobi",
  "Lima",
  "Seoul",
  "Dublin",
  "Prague",
  "Quebec",
  "Geneva",
  "Leuven",
];

/** Name of synthetic organisation `n` (deterministic), e.g. "Institute of Climate Lyon 12". */
export function syntheticName(n: number): string {
  const kind = kinds[n % kinds.length];
  const topic = topics[Math.floor(n / kinds.length) % topics.length];
  const city = cities[Math.floor(n / (kinds.length * topics.length)) % cities.length];
  const series = Math.floor(n / (kinds.length * topics.length * cities.length));
  return `${kind} of ${topic} ${city}${series > 0 ? ` ${series}` : ""}`;
}

/** One ROR schema v2 record for organisation `n`. */
export function syntheticRorRecord(n: number): Record<string, unknown> {
  const name = syntheticName(n);
  const acronym = `${name
    .split(" ")
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("")}${n}`;
  const city = cities[Math.floor(n / (kinds.length * topics.length)) % cities.length];
  return {
    id: syntheticRorId(n),
    status: n % 50 === 0 ? "inactive" : "active",
    types: n % 7 === 0 ? ["funder", "government"] : ["education"],
    established: 1900 + (n % 120),
    domains: [],
    names: [
      { value: name, types: ["ror_display", "label"], lang: "en" },
      { value: `${name} (fr)`, types: ["label"], lang: "fr" },
      { value: acronym, types: ["acronym"], lang: null },
    ],
    external_ids: [
      { type: "fundref", all: [String(100000000 + n)], preferred: null },
      { type: "wikidata", all: [`Q${1000 + n}`], preferred: null },
    ],
    links: [{ type: "website", value: `https://org${n}.example.org` }],
    locations: [
      {
        geonames_id: 1000 + (n % 500),
        geonames_details: { name: city, country_code: "FR", country_name: "France", lat: 45, lng: 3 },
      },
    ],
    relationships: n > 0 ? [{ id: syntheticRorId(n - 1), label: syntheticName(n - 1), type: "related" }] : [],
    admin: {
      created: { date: "2020-01-01", schema_version: "1.0" },
      last_modified: { date: "2025-01-01", schema_version: "2.1" },
    },
  };
}

/**
 * Write a ROR-v2-shaped dump of `count` records (a JSON array) to `file`, streaming. Records at
 * `badPositions` (1-based) are unusable: a wrong ROR checksum, or no names.
 */
export async function writeRorDump(file: string, count: number, badPositions: number[] = []): Promise<void> {
  const out = createWriteStream(file);
  const bad = new Set(badPositions);
  out.write("[\n");
  for (let i = 0; i < count; i++) {
    const position = i + 1;
    let record = syntheticRorRecord(i);
    if (bad.has(position)) {
      record =
        position % 2 === 0
          ? { ...record, id: `${String(record.id).slice(0, -2)}00` }
          : { ...record, names: "none" };
    }
    const chunk = `${i > 0 ? ",\n" : ""}${JSON.stringify(record)}`;
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.write("\n]\n");
  out.end();
  await once(out, "finish");
}
