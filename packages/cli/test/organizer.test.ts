// `--organizer`: a name and an address, or an address alone.
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { organizer } from "../src/commands/shared.js";

describe("--organizer", () => {
  it("reads a name and an address, or an address alone (which then names itself)", () => {
    expect(organizer("Confindustria Lombardia <eventi@example.it>")).toEqual({ name: "Confindustria Lombardia", email: "eventi@example.it" });
    expect(organizer("  Ufficio Estero   < estero@assolombarda.it >  ")).toEqual({ name: "Ufficio Estero", email: "estero@assolombarda.it" });
    expect(organizer("eventi@example.it")).toEqual({ name: "eventi@example.it", email: "eventi@example.it" });
    expect(organizer("<eventi@example.it>")).toEqual({ name: "eventi@example.it", email: "eventi@example.it" });
  });

  it.each(["", "eventi", "eventi@example", "eventi at example.it", "Name <eventi@example.it", "a@b@c.it", "Name <a b@c.it>"])(
    "rejects %j with the form it expects",
    (value) => {
      expect(() => organizer(value)).toThrow(InvalidArgumentError);
      expect(() => organizer(value)).toThrow(/Name <email>/);
    },
  );
});
