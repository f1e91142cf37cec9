CREATE OR REPLACE FUNCTION private.ingest_ad_sync_rows(p_workspace_id uuid, p_rows jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  total integer := 0;
  done integer := 0;
  size integer := jsonb_array_length(coalesce(p_rows, '[]'));
  chunk jsonb;
  r record;
begin
  while done < size loop
    select jsonb_agg(e.value order by e.ordinality) into chunk
    from jsonb_array_elements(p_rows) with ordinality e where e.ordinality > done and e.ordinality <= done + 5000;
    select * into r from public.ingest_ad_metrics(p_workspace_id, chunk);
    total := total + r.inserted + r.updated;
    done := done + 5000;
  end loop;
  return total;
end $function$;
comment on function private.ingest_ad_sync_rows(uuid,jsonb) is 'The ads sync''s daily rows (already checked, in minor units) through public.ingest_ad_metrics, the ads domain''s one write path, in batches within its cap; returns rows written.';
