import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../src/codebook/load.js";
import { detectLanguage as detectIn } from "../../src/document/language.js";

const detectLanguage = (text: string) => detectIn(text, activeCodebook());

test("English news is recognised by its function words", () => {
  const text = "The army said on Monday that it had retaken the town from the militants after three days of fighting, and that the road to the coast was open again.";
  assert.equal(detectLanguage(text), "eng");
});

test("other languages are named by franc", () => {
  const german =
    "Bewaffnete haben am Dienstag einen Kontrollpunkt der Polizei am Rand der Küstenstadt angegriffen und drei Beamte getötet, wie ein Sprecher der Sicherheitskräfte mitteilte. Die Angreifer flohen in zwei Fahrzeugen nach Süden.";
  assert.equal(detectLanguage(german), "deu");
});

test("a short text gets no language", () => {
  assert.equal(detectLanguage("Bomb kills three"), undefined);
  assert.equal(detectLanguage(""), undefined);
});

test("accented and non-Latin-1 characters leave the English count alone", () => {
  const text = "The army said on Monday that it had retaken the town from the militants after three days of fighting, and that the road to the coast was open again.";
  assert.equal(detectLanguage(`${text} Café Pérez.`), "eng");
  assert.equal(detectLanguage(`${text} — Παρίσι, İstanbul.`), "eng");
});
