CREATE OR REPLACE FUNCTION private.enable_audit(p_table regclass, p_omit text[] DEFAULT '{}'::text[], p_events text DEFAULT 'insert or update or delete'::text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  execute format('create trigger audit after %s on %s for each row execute function private.audit_row(%s)',
                 p_events, p_table, (select string_agg(quote_literal(c), ', ') from unnest(p_omit) c));
end $function$;
comment on function private.enable_audit(regclass,text[],text) is 'Migration helper: installs the audit trigger (private.audit_row) for the given events, leaving out the named columns.';
