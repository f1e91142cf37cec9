CREATE OR REPLACE FUNCTION public.requeue_knowledge_document(p_document_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_document_id is null then
    raise exception 'document id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.knowledge_documents d where d.id = p_document_id) then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  return private.requeue_knowledge_document(p_document_id);
end $function$;
comment on function public.requeue_knowledge_document(uuid) is 'Members: embed a document''s unembedded chunks again (e.g. after it failed); returns how many chunks were queued.';
grant execute on function public.requeue_knowledge_document(uuid) to authenticated;
grant execute on function public.requeue_knowledge_document(uuid) to service_role;
