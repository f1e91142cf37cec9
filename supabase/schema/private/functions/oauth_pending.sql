CREATE OR REPLACE FUNCTION private.oauth_pending(p_state_hash text, p_provider public.integration_provider)
 RETURNS TABLE(user_id uuid, workspace_id uuid, redirect_to text, shop text, account_id text, code_verifier_ciphertext text, browser_hash text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select s.user_id, s.workspace_id, s.redirect_to, s.shop, s.account_id, s.code_verifier_ciphertext, s.browser_hash
    from private.oauth_states s
    where s.state_hash = p_state_hash and s.provider = p_provider and s.consumed_at is null and s.expires_at > now();
  if not found then
    raise exception 'the OAuth state is unknown, expired, used or for another provider' using errcode = 'PT404';
  end if;
end $function$;
comment on function private.oauth_pending(text,public.integration_provider) is 'What an unexpired, unused OAuth state is bound to; PT404 otherwise. Does not consume it.';
grant execute on function private.oauth_pending(text,public.integration_provider) to service_role;
