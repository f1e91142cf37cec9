CREATE OR REPLACE FUNCTION private.require_batch_size(p_what text, p_count bigint, p_max bigint)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  if p_count > p_max then
    raise exception 'too many %: % given, at most % per call', p_what, p_count, p_max
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
end $function$;
comment on function private.require_batch_size(text,bigint,bigint) is 'For batch RPCs: raises PT413 (HTTP 413) when p_count exceeds the documented cap p_max.';
grant execute on function private.require_batch_size(text,bigint,bigint) to authenticated;
grant execute on function private.require_batch_size(text,bigint,bigint) to service_role;
