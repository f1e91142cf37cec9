// One interface for every action handler:
//   prepare    the database re-checks the approval and resolves what it acts on
//              (private.begin_approval_execution); the handler reads the payload with its schema
//   call       makes the change, passing the idempotency key where the provider takes one
//   reconcile  after a crash or a lost answer (the approval is already executing): asks the
//              provider whether the change was made, and returns its result if so (null: call)
//   apply      private.complete_approval_execution records the result and changes our tables,
//              in the transaction that finishes the job
// Actions on our own tables have no call: they happen whole inside apply.
import type { z } from "zod";
import type { Sql } from "../../_shared/db.ts";
import type { Settings } from "../../_shared/env.ts";
import type { Credentials } from "../../_shared/providers/credentials.ts";
import type { ProviderHttp } from "../../_shared/providers/http.ts";
import type { ActionKind } from "../../_shared/actions/payloads.ts";

export interface Execution {
  approvalId: string;
  workspaceId: string;
  action: ActionKind;
  payload: Record<string, unknown>;
  /** What the database resolved at preparation (target, account, connection, the value replaced). */
  // deno-lint-ignore no-explicit-any
  prepared: Record<string, any>;
  /** The idempotency key recorded before any call: approval:<id>. */
  key: string;
  /** True when an earlier attempt may have reached the provider. */
  reconcile: boolean;
  /** The job's saved progress (multi-step actions). */
  progress: Record<string, unknown>;
  beganAt: Date;
}

export interface HandlerDeps {
  sql: Sql;
  settings: Settings;
  http: ProviderHttp;
  creds: Credentials;
  now: () => number;
  /** Saves progress on the job under its lease (multi-step actions resume there). */
  saveProgress(p: Record<string, unknown>): Promise<void>;
}

/** What the provider did: its ids, and optionally the live value the change replaced. */
export type Result = Record<string, unknown>;

export interface ActionHandler {
  readonly kinds: readonly ActionKind[];
  /** "database" for actions on our own tables; else the provider it calls. */
  readonly provider: string;
  /** The payload's schema, per kind (a payload it refuses fails the approval). */
  schema?(kind: ActionKind): z.ZodType | undefined;
  reconcile?(e: Execution, d: HandlerDeps): Promise<Result | null>;
  call?(e: Execution, d: HandlerDeps): Promise<Result>;
}
