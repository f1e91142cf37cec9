CREATE OR REPLACE FUNCTION public.moderate_reviews(p_workspace_id uuid, p_review_ids uuid[], p_status public.review_status, p_note text DEFAULT NULL::text)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
  wanted integer;
begin
  if p_workspace_id is null or p_review_ids is null or cardinality(p_review_ids) = 0 or p_status is null then
    raise exception 'p_workspace_id, p_review_ids and p_status are required' using errcode = '22023';
  end if;
  if p_status = 'pending' then
    raise exception 'reviews can be published, rejected or marked spam, not sent back to pending' using errcode = '22023';
  end if;
  if char_length(p_note) > 2000 then
    raise exception 'the moderation note may be at most 2000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', cardinality(p_review_ids), 500);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  select count(distinct x) into wanted from unnest(p_review_ids) x;
  update public.reviews set status = p_status, moderation_note = coalesce(p_note, moderation_note)
  where workspace_id = p_workspace_id and id = any (p_review_ids);
  get diagnostics n = row_count;
  if n < wanted then
    raise exception '% of the % reviews were not found in this workspace; nothing was changed', wanted - n, wanted
      using errcode = 'PT404';
  end if;
  return n;
end $function$;
comment on function public.moderate_reviews(uuid,uuid[],public.review_status,text) is 'Members: publish, reject or mark spam up to 500 reviews at once (all or nothing), with an optional note; each change is audited. 22023 bad input, 42501 not a member, PT404 an id is not a review of the workspace, PT413 over 500.';
grant execute on function public.moderate_reviews(uuid,uuid[],public.review_status,text) to authenticated;
grant execute on function public.moderate_reviews(uuid,uuid[],public.review_status,text) to service_role;
