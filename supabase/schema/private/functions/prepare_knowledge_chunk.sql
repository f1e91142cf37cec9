CREATE OR REPLACE FUNCTION private.prepare_knowledge_chunk()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  d record;
begin
  if tg_op = 'INSERT' then
    select kd.workspace_id, kd.collection_id, kd.is_current into d
    from public.knowledge_documents kd where kd.id = new.document_id;
    if not found then
      raise exception 'document % not found', new.document_id using errcode = 'PT404';
    end if;
    if not d.is_current then
      raise exception 'this document version is no longer current; add chunks to the current version'
        using errcode = 'PT409';
    end if;
    if new.collection_id is not null and new.collection_id <> d.collection_id then
      raise exception 'collection_id does not match the document''s collection' using errcode = '22023';
    end if;
    new.workspace_id := coalesce(new.workspace_id, d.workspace_id);
    new.collection_id := d.collection_id;
  end if;
  if new.content is null or btrim(new.content) = '' then
    raise exception 'a chunk needs text' using errcode = '22023';
  end if;
  new.content_sha256 := private.sha256_hex(new.content);
  -- (an update that writes a vector also sets embedded_at; vectors are not compared here)
  if tg_op = 'UPDATE' and new.content_sha256 is distinct from old.content_sha256
     and new.embedded_at is not distinct from old.embedded_at then
    new.embedding := null;
    new.embedding_model := null;
    new.embedded_at := null;
  end if;
  if new.embedding is null then
    new.embedding_model := null;
    new.embedded_at := null;
  elsif new.embedded_at is null then
    new.embedded_at := now();
  end if;
  return new;
end $function$;
comment on function private.prepare_knowledge_chunk() is 'BEFORE INSERT/UPDATE on knowledge_chunks: tenant keys from the document, content hash, stale embedding cleared.';
