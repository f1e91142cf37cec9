CREATE OR REPLACE FUNCTION private.oauth_begin(p_workspace_id uuid, p_provider public.integration_provider, p_state_hash text, p_browser_hash text, p_redirect_to text, p_shop text, p_account_id text, p_code_verifier_ciphertext text)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  exp timestamptz;
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  delete from private.oauth_states where expires_at < now() - interval '1 day';
  insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, shop, account_id,
                                    code_verifier_ciphertext, browser_hash)
  values (p_state_hash, (select auth.uid()), p_workspace_id, p_provider, p_redirect_to, p_shop, p_account_id,
          p_code_verifier_ciphertext, p_browser_hash)
  returning expires_at into exp;
  return exp;
end $function$;
comment on function private.oauth_begin(uuid,public.integration_provider,text,text,text,text,text,text) is 'Called as the signed-in admin: records a new OAuth state bound to them, the workspace and their browser; returns its expiry.';
grant execute on function private.oauth_begin(uuid,public.integration_provider,text,text,text,text,text,text) to authenticated;
