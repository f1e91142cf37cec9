CREATE OR REPLACE FUNCTION private.mask_foreign_contacts(p_doc jsonb, p_email_hashes text[], p_phone_hashes text[])
 RETURNS jsonb
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  t text := p_doc::text;
  m text;
begin
  for m in select distinct x[1] from regexp_matches(t, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', 'g') x loop
    if not coalesce(private.email_sha256(m) = any (coalesce(p_email_hashes, '{}')), false) then
      t := replace(t, m, '[redacted]');
    end if;
  end loop;
  for m in select distinct x[1] from regexp_matches(t, '(\+\d[\d ().-]{6,}\d)', 'g') x loop
    if not coalesce(private.phone_sha256(m) = any (coalesce(p_phone_hashes, '{}')), false) then
      t := replace(t, m, '[redacted]');
    end if;
  end loop;
  return t::jsonb;
end $function$;
comment on function private.mask_foreign_contacts(jsonb,text[],text[]) is 'Export step: replaces email addresses and international phone numbers in a document by [redacted] unless their SHA-256 is one of the subject''s.';
