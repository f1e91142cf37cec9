CREATE OR REPLACE FUNCTION private.srm_p_value(p_observed bigint[], p_weights numeric[])
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  with o as (
    select x.obs::double precision as obs, x.w::double precision as w
    from unnest(p_observed, p_weights) as x (obs, w)
  ), tot as (select sum(obs) as n, sum(w) as w, count(*) as k from o)
  select case when tot.n > 0 and tot.w > 0 and tot.k > 1 and cardinality(p_observed) = cardinality(p_weights)
              then private.chi2_sf(sum((o.obs - tot.n * o.w / tot.w) ^ 2 / (tot.n * o.w / tot.w)), tot.k - 1) end
  from o, tot
  where o.w > 0
  group by tot.n, tot.w, tot.k
$function$;
comment on function private.srm_p_value(bigint[],numeric[]) is 'Sample-ratio-mismatch p-value: Pearson chi-square of observed counts against the shares their weights give (k - 1 df). Null without data.';
grant execute on function private.srm_p_value(bigint[],numeric[]) to authenticated;
grant execute on function private.srm_p_value(bigint[],numeric[]) to service_role;
