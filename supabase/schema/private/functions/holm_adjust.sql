CREATE OR REPLACE FUNCTION private.holm_adjust(p_values double precision[])
 RETURNS double precision[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  with v as (
    select u.p, u.i, row_number() over (order by u.p, u.i) as r, count(u.p) over () as m
    from unnest(p_values) with ordinality as u (p, i)
    where u.p is not null
  ), adj as (
    select v.i, least(1, max(v.p * (v.m - v.r + 1)) over (order by v.r)) as p from v
  )
  select array_agg(adj.p order by u.i)
  from unnest(p_values) with ordinality as u (p, i)
  left join adj on adj.i = u.i
$function$;
comment on function private.holm_adjust(double precision[]) is 'Holm-Bonferroni adjusted p-values (family-wise error control across the variants of one experiment), in input order.';
grant execute on function private.holm_adjust(double precision[]) to authenticated;
grant execute on function private.holm_adjust(double precision[]) to service_role;
