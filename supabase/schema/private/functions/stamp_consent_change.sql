CREATE OR REPLACE FUNCTION private.stamp_consent_change()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' or (new.data_processing_consent, new.marketing_consent, new.analytics_consent, new.third_party_consent)
     is distinct from (old.data_processing_consent, old.marketing_consent, old.analytics_consent, old.third_party_consent) then
    new.consent_updated_at := now();
  end if;
  return new;
end $function$;
comment on function private.stamp_consent_change() is 'BEFORE INSERT/UPDATE on user_privacy_settings: consent_updated_at follows consent changes.';
