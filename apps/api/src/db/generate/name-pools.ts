import { base, en, Faker, th } from "@faker-js/faker";

/** People and places, drawn once from faker's Thai locale (seeded), then picked from by the fast PRNG. */
export interface NamePools {
  /** "นางอรวรรณ ขุมบางลี่" */
  officers: string[];
  /** Thai place names for communities (ชุมชน…) and generated district offices. */
  places: string[];
}

export function buildNamePools(seed: number): NamePools {
  const faker = new Faker({ locale: [th, en, base] });
  faker.seed(seed);
  const officers = Array.from({ length: 4_000 }, () => {
    const sex = faker.helpers.arrayElement(["male", "female"] as const);
    const title = sex === "male" ? "นาย" : faker.helpers.arrayElement(["นาง", "นางสาว"]);
    return `${title}${faker.person.firstName(sex)} ${faker.person.lastName()}`;
  });
  const places = new Set<string>();
  for (let i = 0; i < 5_000 && places.size < 600; i++) {
    const place = faker.location.street();
    // only plain Thai names: no spaces, digits or Latin letters
    if (/^[\u0E00-\u0E7F]+$/.test(place)) places.add(place);
  }
  return { officers, places: [...places] };
}
