// WebVTT, as Mux serves text tracks: cues of "start --> end" (hh:mm:ss.mmm or mm:ss.mmm, cue
// settings after the end time ignored) followed by text lines; cue identifiers, NOTE, STYLE and
// REGION blocks skipped; tags (<v Speaker>, <c>, <i>) stripped, entities of the spec decoded.
export interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIME = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;

function seconds(t: string): number | null {
  const m = TIME.exec(t.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&nbsp;": " ",
  "&lrm;": "",
  "&rlm;": "",
};

function clean(line: string): string {
  return line.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e]).trim();
}

/** The cues of a WebVTT file; throws when it does not start with WEBVTT. */
export function parseVtt(text: string): Cue[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!/^WEBVTT(\s|$)/.test(lines[0] ?? "")) throw new Error("not a WebVTT file");
  const cues: Cue[] = [];
  for (let i = 1; i < lines.length; i++) {
    const arrow = lines[i].indexOf("-->");
    if (arrow < 0) continue;
    const start = seconds(lines[i].slice(0, arrow));
    const end = seconds(lines[i].slice(arrow + 3).trim().split(/\s+/)[0] ?? "");
    const body: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].trim() !== "") body.push(clean(lines[++i]));
    const t = body.filter(Boolean).join(" ");
    if (start !== null && end !== null && t) cues.push({ start, end: Math.max(end, start), text: t });
  }
  return cues;
}
