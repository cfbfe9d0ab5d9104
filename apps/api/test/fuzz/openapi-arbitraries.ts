import fc from "fast-check";

/** A JSON Schema node of the OpenAPI document (the subset zod's conversion produces). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  format?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** Code units one by one: lone surrogates and NUL included. */
const anyCodeUnits = fc.string({ unit: fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });

/** Text that has broken servers: NUL, lone surrogates, invisible-only, very long, SQL and path tricks. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "a\ud800b",
    "\udc00",
    "\u200b\u200c\u200d",
    "\ufeff",
    "",
    " ",
    "'; DROP TABLE project; --",
    "%00",
    "../../etc/passwd",
    "x".repeat(5_000),
    "0000-01-01",
    "9999-12-31",
    "2147483648",
    "1e400",
    "-1",
    "NaN",
    "สำนักงานเขต\u0e4d\u0e32",
  ),
  anyCodeUnits,
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Numbers at the edges of what columns hold and of what two decimals mean. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.005, 1e-10, 100.001, 999_999_999_999.99, 1e12, 1e15, 2_147_483_648, 1e308, -1e308, 0.1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const plausibleDate = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export interface Known {
  /** Values that exist in the database, by property or parameter name (codes, ids, user names). */
  [name: string]: unknown[];
}

/** Arbitrary JSON values shaped like (and often just off) a schema of the document. */
export function arbitraryFor(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  known: Known,
  name = "",
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = components[schema.$ref.replace("#/components/schemas/", "")];
    return target ? arbitraryFor(target, components, known, name, depth) : fc.jsonValue({ maxDepth: 1 });
  }
  const values = known[name];
  const withKnown = (arb: fc.Arbitrary<unknown>) =>
    values?.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: arb })
      : arb;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    return withKnown(fc.oneof(...alternatives.map((s) => arbitraryFor(s, components, known, name, depth))));
  }
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], components, known, name, depth);
  if (schema.enum)
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: hostileString });
  if ("const" in schema)
    return fc.oneof({ weight: 9, arbitrary: fc.constant(schema.const) }, { weight: 1, arbitrary: hostileString });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      const plausible =
        schema.format === "date"
          ? plausibleDate
          : schema.pattern
            ? fc.stringMatching(new RegExp(schema.pattern))
            : fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("โครงการทดสอบ", "ถนน ซอย ๑๒", "ร้อยละ"));
      const example = schema.example === undefined ? [] : [fc.constant(schema.example)];
      return withKnown(
        fc.oneof({ weight: 3, arbitrary: fc.oneof(plausible, ...example) }, { weight: 2, arbitrary: hostileString }),
      );
    }
    case "number":
    case "integer": {
      const lo = schema.minimum ?? 0;
      const hi = Math.min(schema.maximum ?? 10_000, 1e9);
      const inRange =
        type === "integer"
          ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
          : fc.double({ min: lo, max: hi, noNaN: true }).map((v) => Math.round(v * 100) / 100);
      return withKnown(
        fc.oneof(
          { weight: 16, arbitrary: inRange },
          { weight: 2, arbitrary: hostileNumber },
          { weight: 1, arbitrary: hostileString },
        ),
      );
    }
    case "boolean":
      return fc.oneof(
        { weight: 4, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constantFrom("true", 0, null) },
      );
    case "null":
      return fc.constant(null);
    case "array": {
      const item =
        schema.items && depth < 3
          ? arbitraryFor(schema.items, components, known, name, depth + 1)
          : fc.jsonValue({ maxDepth: 1 });
      return withKnown(fc.array(item, { maxLength: 4 }));
    }
    case "object": {
      if (!schema.properties || depth >= 3)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, s]) => [key, arbitraryFor(s, components, known, key, depth + 1)]),
      );
      const required = (schema.required ?? []).filter((key) => key in properties);
      const record = fc.record(properties, { requiredKeys: required });
      return fc.oneof(
        { weight: 8, arbitrary: record },
        // a required field missing, or a field the schema does not know
        { weight: 1, arbitrary: fc.record(properties, { requiredKeys: [] }) },
        { weight: 1, arbitrary: record.map((value) => ({ ...(value as object), unexpected: "x" })) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
