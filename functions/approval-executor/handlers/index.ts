// The registry: every approval action kind and the one handler that executes it. `other` has
// none: the database refuses it before anything runs (it is carried out by hand).
import type { ActionKind } from "../../_shared/actions/payloads.ts";
import { adsHandler } from "./ads.ts";
import { databaseHandler } from "./database.ts";
import { slackHandler } from "./messaging.ts";
import { shopifyHandler } from "./shopify.ts";
import type { ActionHandler } from "./types.ts";

export const HANDLERS: readonly ActionHandler[] = [
  adsHandler,
  databaseHandler,
  slackHandler,
  shopifyHandler,
];

export const HANDLER_BY_KIND: ReadonlyMap<ActionKind, ActionHandler> = new Map(
  HANDLERS.flatMap((h) => h.kinds.map((k) => [k, h] as const)),
);
