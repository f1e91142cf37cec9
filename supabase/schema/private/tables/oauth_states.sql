create table private.oauth_states (
  state_hash text not null,
  user_id uuid not null,
  workspace_id uuid not null,
  provider public.integration_provider not null,
  redirect_to text not null,
  shop text,
  account_id text,
  code_verifier_ciphertext text,
  expires_at timestamp with time zone default (now() + '00:10:00'::interval) not null,
  consumed_at timestamp with time zone,
  browser_hash text,
  created_at timestamp with time zone default now() not null,
  constraint "oauth_states_pkey" PRIMARY KEY (state_hash),
  constraint "oauth_states_account_id_check" CHECK (((char_length(account_id) >= 1) AND (char_length(account_id) <= 255))),
  constraint "oauth_states_browser_hash_check" CHECK ((browser_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint "oauth_states_redirect_to_check" CHECK ((char_length(redirect_to) <= 2000)),
  constraint "oauth_states_shop_check" CHECK ((shop ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'::text)),
  constraint "oauth_states_state_hash_check" CHECK ((state_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint "oauth_states_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "oauth_states_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.oauth_states is 'OAuth state for one authorization attempt: SHA-256 of the state (never the state), bound to user, workspace, provider and redirect; single use, 10 minutes.';
comment on column private.oauth_states.account_id is 'The ad account (Meta act_..., Google Ads customer id) the admin chose to connect.';
comment on column private.oauth_states.browser_hash is 'SHA-256 of the nonce cookie set on the browser that started the flow; the callback must present it.';

alter table private.oauth_states enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.oauth_states to service_role;

CREATE INDEX oauth_states_user_id_idx ON private.oauth_states USING btree (user_id);
CREATE INDEX oauth_states_workspace_id_idx ON private.oauth_states USING btree (workspace_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.oauth_states FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
