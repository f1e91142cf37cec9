CREATE OR REPLACE FUNCTION public.vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
 RETURNS TABLE(review_id uuid, helpful_count integer, unhelpful_count integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
#variable_conflict use_column
begin
  if p_review_id is null or p_voter_id is null or p_kind is null then
    raise exception 'p_review_id, p_voter_id and p_kind are required' using errcode = '22023';
  end if;
  return query select * from private.anon_vote_review(p_review_id, p_voter_id, p_kind);
end $function$;
comment on function public.vote_review(uuid,uuid,public.review_vote_kind) is 'Storefront (anon): vote a published review helpful or unhelpful, once per voter; returns the new counts. PT404 unknown review, PT409 already voted, PT429 rate limited (60 per hour per address and shop).';
grant execute on function public.vote_review(uuid,uuid,public.review_vote_kind) to anon;
grant execute on function public.vote_review(uuid,uuid,public.review_vote_kind) to authenticated;
grant execute on function public.vote_review(uuid,uuid,public.review_vote_kind) to service_role;
