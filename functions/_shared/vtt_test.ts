import { parseVtt } from "./vtt.ts";
import { assertEquals } from "./assert.ts";

Deno.test("parses cues with hours or without, settings, identifiers, tags and entities", () => {
  const cues = parseVtt([
    "WEBVTT - generated",
    "",
    "NOTE made by Mux",
    "",
    "1",
    "00:00:00.000 --> 00:00:02.500 align:start position:10%",
    "<v Ann>Welcome to the</v>",
    "Glow &amp; Co demo.",
    "",
    "00:02.500 --> 00:06.250",
    "It costs <i>twenty</i> dollars.",
    "",
    "01:00:00.000 --> 01:00:01.000",
    "",
  ].join("\r\n"));
  assertEquals(cues, [
    { start: 0, end: 2.5, text: "Welcome to the Glow & Co demo." },
    { start: 2.5, end: 6.25, text: "It costs twenty dollars." },
  ]);
});

Deno.test("refuses what is not WebVTT", () => {
  let err = "";
  try {
    parseVtt("1\n00:00:00,000 --> 00:00:01,000\nSRT");
  } catch (e) {
    err = (e as Error).message;
  }
  assertEquals(err, "not a WebVTT file");
});
