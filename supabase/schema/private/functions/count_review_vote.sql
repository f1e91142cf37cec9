CREATE OR REPLACE FUNCTION private.count_review_vote()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.reviews set helpful_count = helpful_count - (old.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count - (old.kind = 'unhelpful')::integer
    where id = old.review_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.reviews set helpful_count = helpful_count + (new.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count + (new.kind = 'unhelpful')::integer
    where id = new.review_id;
  end if;
  return null;
end $function$;
comment on function private.count_review_vote() is 'AFTER INSERT/UPDATE/DELETE on review_votes: keeps reviews.helpful_count and unhelpful_count equal to the votes.';
