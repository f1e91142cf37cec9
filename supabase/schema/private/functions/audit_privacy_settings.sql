CREATE OR REPLACE FUNCTION private.audit_privacy_settings()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  consents text[] := array['data_processing_consent', 'marketing_consent', 'analytics_consent', 'third_party_consent'];
  before_j jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else '{}'::jsonb end;
  after_j jsonb := to_jsonb(new);
  changed jsonb;
begin
  select coalesce(jsonb_object_agg(k, jsonb_build_object('from', before_j -> k, 'to', after_j -> k)), '{}')
  into changed
  from jsonb_object_keys(after_j) k
  where k not in ('user_id', 'created_at', 'updated_at', 'consent_updated_at')
    and before_j -> k is distinct from after_j -> k;
  if changed = '{}'::jsonb then
    return null;
  end if;
  perform private.log_privacy_event(
    case when exists (select 1 from jsonb_object_keys(changed) k where k = any (consents))
         then 'consent_changed' else 'settings_changed' end::public.privacy_event,
    new.user_id, null, null, changed);
  return null;
end $function$;
comment on function private.audit_privacy_settings() is 'AFTER INSERT/UPDATE on user_privacy_settings: logs what changed (from/to) to privacy_audit_log.';
