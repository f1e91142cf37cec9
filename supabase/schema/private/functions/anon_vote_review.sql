CREATE OR REPLACE FUNCTION private.anon_vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
 RETURNS TABLE(review_id uuid, helpful_count integer, unhelpful_count integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  ws uuid;
begin
  select r.workspace_id into ws from public.reviews r where r.id = p_review_id and r.status = 'published';
  if not found then
    raise exception 'review % not found', p_review_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_vote', ws::text);
  insert into public.review_votes (workspace_id, review_id, voter_id, kind) values (ws, p_review_id, p_voter_id, p_kind)
  on conflict (review_id, workspace_id, voter_id) do nothing;
  if not found then
    raise exception 'you have already voted on this review' using errcode = 'PT409';
  end if;
  return query select r.id, r.helpful_count, r.unhelpful_count from public.reviews r where r.id = p_review_id;
end $function$;
comment on function private.anon_vote_review(uuid,uuid,public.review_vote_kind) is 'Definer half of public.vote_review: one vote per voter per published review, rate limited per address.';
grant execute on function private.anon_vote_review(uuid,uuid,public.review_vote_kind) to anon;
grant execute on function private.anon_vote_review(uuid,uuid,public.review_vote_kind) to authenticated;
grant execute on function private.anon_vote_review(uuid,uuid,public.review_vote_kind) to service_role;
