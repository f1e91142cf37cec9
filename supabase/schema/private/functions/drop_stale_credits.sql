CREATE OR REPLACE FUNCTION private.drop_stale_credits()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.attribution_credits where conversion_id = new.id;
  return null;
end $function$;
comment on function private.drop_stale_credits() is 'AFTER UPDATE on conversions when credited_at becomes null: removes its credits so the next credit round recomputes them.';
