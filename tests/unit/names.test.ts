import { describe, expect, it } from "vitest";
import {
  checkName,
  cleanName,
  isRudeName,
  NAME_MAX,
  NAME_MIN,
  nameKey,
} from "../../shared/src/protocol/names.ts";

/** Ordinary names, several of which hide a short rude word (B-asu-ki, Dick-son, Ma-shit-ah, S-cunt-horpe …). */
const ORDINARY_NAMES = [
  "Sari",
  "Budi Santoso",
  "Siti Nur'aini",
  "I Gusti Ayu",
  "Putu",
  "Made",
  "Ketut",
  "Wayan",
  "Dewi",
  "Agus",
  "Bambang",
  "Hassan",
  "Cassandra",
  "Ashari",
  "Dickson",
  "Titik",
  "Basuki",
  "Anjani",
  "Anjasmara",
  "Bagas",
  "Ucok",
  "Kasih",
  "Asih",
  "Dimas",
  "Tiara",
  "Kevin",
  "Jessica",
  "Grace",
  "Nathan",
  "Michael",
  "Mashitah",
  "Scunthorpe",
  "Shittu",
  "Kontinental",
  "Tahir",
  "Nazira",
  "Colin",
  "Ganjar",
  "Asuka",
  "Hancock",
  "Nigeria",
  "Bang Satria",
  "Sundari",
  "Budi-2",
  "Ahmad_R",
  "Putu.",
  "Sari 2",
  "Dewi 5",
  "Ni Luh Putu",
  "Abbas",
  "Bobby",
];

describe("cleanName", () => {
  it("trims, collapses whitespace and drops control and format characters", () => {
    expect(cleanName("  Budi   Santoso  ")).toBe("Budi Santoso");
    expect(cleanName("Budi\tSantoso\n")).toBe("Budi Santoso");
    expect(cleanName("Sa\u200Bri")).toBe("Sari");
    expect(cleanName("\u202ESari\u202C\u0007")).toBe("Sari");
    expect(cleanName("Sari \u200B Dewi")).toBe("Sari Dewi");
    expect(cleanName("\uFEFFDewi\u00AD")).toBe("Dewi");
  });

  it("composes to NFC and keeps the length", () => {
    expect(cleanName("Rene\u0301")).toBe("René");
    expect(cleanName("Rene\u0301")).toHaveLength(4);
    expect(cleanName("a".repeat(40))).toHaveLength(40);
  });

  it("drops invisible filler letters, so a name cannot be blank", () => {
    expect(cleanName("\u3164\u3164\u3164")).toBe("");
    expect(checkName("\u3164\u3164\u3164")).toEqual({ ok: false, error: "nameTooShort" });
  });
});

describe("nameKey", () => {
  it("ignores case, spaces and stray whitespace", () => {
    expect(nameKey("Sari")).toBe("sari");
    expect(nameKey(" sari ")).toBe("sari");
    expect(nameKey("S ari")).toBe("sari");
    expect(nameKey("SARI\u200B")).toBe("sari");
    expect(nameKey("Budi  Santoso")).toBe("budisantoso");
  });

  it("lower-cases without a locale (I stays i, not the Turkish dotless ı)", () => {
    expect(nameKey("I Gusti Ayu")).toBe("igustiayu");
  });
});

describe("checkName: length and characters", () => {
  it("counts characters after cleaning", () => {
    expect(NAME_MIN).toBe(2);
    expect(NAME_MAX).toBe(20);
    expect(checkName("")).toEqual({ ok: false, error: "nameTooShort" });
    expect(checkName("A")).toEqual({ ok: false, error: "nameTooShort" });
    expect(checkName("   A   ")).toEqual({ ok: false, error: "nameTooShort" });
    expect(checkName("Al")).toEqual({ ok: true, name: "Al" });
    expect(checkName("a".repeat(20))).toEqual({ ok: true, name: "a".repeat(20) });
    expect(checkName("a".repeat(21))).toEqual({ ok: false, error: "nameTooLong" });
    // Spaces collapse before counting: 20 characters after cleaning.
    expect(checkName(`  ${"a".repeat(9)}     ${"b".repeat(10)}  `)).toEqual({
      ok: true,
      name: `${"a".repeat(9)} ${"b".repeat(10)}`,
    });
  });

  it("counts a character outside the BMP once", () => {
    // 𝓐 (U+1D4D0) is one letter but two UTF-16 units.
    expect(checkName(`${"𝓐".repeat(10)}${"b".repeat(10)}`)).toEqual({
      ok: true,
      name: `${"𝓐".repeat(10)}${"b".repeat(10)}`,
    });
  });

  it("returns the cleaned name", () => {
    expect(checkName("  Siti\u200B   Nur'aini ")).toEqual({ ok: true, name: "Siti Nur'aini" });
  });

  it("accepts letters of any script, marks, digits and . - _ '", () => {
    for (const name of [
      "Siti Nur'aini",
      "Made",
      "I Gusti Ayu",
      "Budi-2",
      "Ahmad_R",
      "Putu.",
      "Zoë",
      "Nguyễn Văn",
      "Ğül",
      "محمد",
      "王小明",
    ])
      expect(checkName(name)).toEqual({ ok: true, name });
  });

  it("refuses emoji, markup, quotes, slashes and other symbols", () => {
    for (const name of [
      "Sari 😀",
      "😀😀",
      "<img src=x>",
      "Budi & Sari",
      'Budi "B"',
      "Budi/Sari",
      "Budi\\Sari",
      "Sari@home",
      "Bud$",
      "Sari!",
      "Sari #1",
      "Sari’s",
    ])
      expect(checkName(name)).toEqual({ ok: false, error: "nameBadCharacters" });
  });

  it("refuses a name made only of separators", () => {
    expect(checkName("..")).toEqual({ ok: false, error: "nameBadCharacters" });
    expect(checkName("- _ '")).toEqual({ ok: false, error: "nameBadCharacters" });
  });

  it("checks length before characters", () => {
    expect(checkName("😀")).toEqual({ ok: false, error: "nameTooShort" });
    expect(checkName("<".repeat(21))).toEqual({ ok: false, error: "nameTooLong" });
  });
});

describe("checkName: uniqueness", () => {
  it("refuses a name a classmate already has, whatever the case and spaces", () => {
    const taken = [nameKey("Sari"), nameKey("Budi Santoso")];
    expect(checkName(" sari ", { taken })).toEqual({ ok: false, error: "nameTaken" });
    expect(checkName("SARI", { taken })).toEqual({ ok: false, error: "nameTaken" });
    expect(checkName("S ari", { taken })).toEqual({ ok: false, error: "nameTaken" });
    expect(checkName("budisantoso", { taken })).toEqual({ ok: false, error: "nameTaken" });
    expect(checkName("Sari 2", { taken })).toEqual({ ok: true, name: "Sari 2" });
    expect(checkName("Sarie", { taken })).toEqual({ ok: true, name: "Sarie" });
  });

  it("accepts any iterable of keys", () => {
    expect(checkName("Sari", { taken: new Set(["sari"]) })).toEqual({ ok: false, error: "nameTaken" });
    expect(checkName("Sari", { taken: new Map([["sari", 1]]).keys() })).toEqual({
      ok: false,
      error: "nameTaken",
    });
  });
});

describe("checkName: rude names", () => {
  it("refuses plain rude words in Bahasa Indonesia", () => {
    for (const name of [
      "anjing",
      "bangsat",
      "bajingan",
      "kontol",
      "memek",
      "ngentot",
      "jancok",
      "jancuk",
      "goblok",
      "tolol",
      "bego",
      "kampret",
      "tai",
      "tahi",
      "lonte",
      "pelacur",
      "asu",
      "brengsek",
      "keparat",
      "bokep",
      "narkoba",
      "teroris",
    ])
      expect(checkName(name), name).toEqual({ ok: false, error: "nameRude" });
  });

  it("refuses plain rude words in English", () => {
    for (const name of [
      "fuck",
      "shit",
      "bitch",
      "cunt",
      "dick",
      "asshole",
      "bastard",
      "pussy",
      "whore",
      "porn",
      "nazi",
      "hitler",
      "retard",
    ])
      expect(checkName(name), name).toEqual({ ok: false, error: "nameRude" });
  });

  it("finds long words inside a longer word or next to a real name", () => {
    for (const name of ["Budi Anjing", "Anjingmu", "Kontolnya", "motherfucker", "Si Bangsat", "Sari Goblok"])
      expect(checkName(name), name).toEqual({ ok: false, error: "nameRude" });
  });

  it("sees through case, leetspeak, spacing, separators and repeated letters", () => {
    for (const name of [
      "ANJING",
      "AnJiNg",
      "4nj1ng",
      "b4ngs4t",
      "sh1t",
      "5h17",
      "k0nt0l",
      "1onte",
      "fvck",
      "a n j i n g",
      "a.n.j.i.n.g",
      "a-n-j-i-n-g",
      "a_njing",
      "f.u.c.k",
      "F U C K",
      "a s u",
      "as_u",
      "Bang Sat",
      "kurang ajar",
      "anjiiing",
      "fuuuck",
      "b a n g s s s a t",
      "4 n j 1 1 n g",
    ])
      expect(checkName(name), name).toEqual({ ok: false, error: "nameRude" });
  });

  it("sees through diacritics and look-alike letters of other scripts", () => {
    for (const name of [
      "\u0430njing", // Cyrillic а
      "b\u0430ngs\u0430t",
      "\u0441\u043E\u0441k", // Cyrillic с о с + Latin k
      "ánjíng",
      "fück",
      "\u0274\u1D00\u1D22\u026A", // small capitals ɴᴀᴢɪ
    ])
      expect(checkName(name), name).toEqual({ ok: false, error: "nameRude" });
  });

  it("lets ordinary names pass, including those that hide a short rude word", () => {
    for (const name of ORDINARY_NAMES) expect(checkName(name), name).toEqual({ ok: true, name });
  });

  it("matches short risky words only as whole tokens", () => {
    expect(isRudeName("Basuki")).toBe(false);
    expect(isRudeName("Asu")).toBe(true);
    expect(isRudeName("Dickson")).toBe(false);
    expect(isRudeName("Dick")).toBe(true);
    expect(isRudeName("Mashitah")).toBe(false);
    expect(isRudeName("Shit Happens")).toBe(true);
    expect(isRudeName("Tahir")).toBe(false);
    expect(isRudeName("Tahi Lalat")).toBe(true);
    expect(isRudeName("Nazira")).toBe(false);
    expect(isRudeName("Nazi 88")).toBe(true);
  });

  it("does not search long words across a space", () => {
    expect(isRudeName("Bang Satria")).toBe(false);
    expect(isRudeName("Bang Sat")).toBe(true);
    expect(isRudeName("BangSat")).toBe(true);
  });

  it("keeps a double letter of a listed word double, so Nigeria is not a slur", () => {
    expect(isRudeName("Nigeria")).toBe(false);
    expect(isRudeName("Niger")).toBe(false);
    expect(isRudeName("Nigger")).toBe(true);
  });

  it("lets allow-listed real words through", () => {
    expect(isRudeName("Pantekosta")).toBe(false);
    expect(isRudeName("Pantek")).toBe(true);
  });

  it("reads digits as numbers next to a real name", () => {
    expect(checkName("Budi 2")).toEqual({ ok: true, name: "Budi 2" });
    expect(checkName("Sari 13")).toEqual({ ok: true, name: "Sari 13" });
    expect(checkName("Putu 2010")).toEqual({ ok: true, name: "Putu 2010" });
  });

  it("is rude before taken", () => {
    expect(checkName("Anjing", { taken: ["anjing"] })).toEqual({ ok: false, error: "nameRude" });
  });
});

describe("checkName: the teacher's override", () => {
  it("accepts a refused name once its key is allowed", () => {
    expect(checkName("Tai Lung")).toEqual({ ok: false, error: "nameRude" });
    expect(checkName("Tai Lung", { allowed: [nameKey("Tai Lung")] })).toEqual({ ok: true, name: "Tai Lung" });
    expect(checkName(" tai  lung ", { allowed: [nameKey("Tai Lung")] })).toEqual({
      ok: true,
      name: "tai lung",
    });
  });

  it("only allows the exact key", () => {
    expect(checkName("Tai Lung 2", { allowed: [nameKey("Tai Lung")] })).toEqual({
      ok: false,
      error: "nameRude",
    });
  });

  it("does not bypass length, characters or uniqueness", () => {
    const long = "Anjing".repeat(4);
    expect(checkName(long, { allowed: [nameKey(long)] })).toEqual({ ok: false, error: "nameTooLong" });
    expect(checkName("A", { allowed: ["a"] })).toEqual({ ok: false, error: "nameTooShort" });
    expect(checkName("<tai>", { allowed: ["<tai>"] })).toEqual({ ok: false, error: "nameBadCharacters" });
    expect(checkName("Tai Lung", { allowed: ["tailung"], taken: ["tailung"] })).toEqual({
      ok: false,
      error: "nameTaken",
    });
  });
});

describe("isRudeName", () => {
  it("gives the same answer every time", () => {
    const names = [...ORDINARY_NAMES, "a n j i n g", "4nj1ng", "I Gusti Ayu Kadek 12", "a.b.c.d.e.f.g.h.i.j"];
    const first = names.map(isRudeName);
    for (let i = 0; i < 20; i++) expect(names.map(isRudeName)).toEqual(first);
  });
});
