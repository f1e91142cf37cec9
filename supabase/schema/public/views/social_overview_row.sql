create view public.social_overview_row with (security_invoker=true) as
 SELECT NULL::public.social_platform::private.social_platform_not_null AS platform,
    NULL::integer::private.integer_not_null AS accounts,
    NULL::bigint AS followers,
    NULL::bigint AS followers_change,
    NULL::bigint AS reach,
    NULL::bigint AS profile_views,
    NULL::integer::private.integer_not_null AS posts_published,
    NULL::bigint::private.bigint_not_null AS post_views,
    NULL::bigint::private.bigint_not_null AS post_engagements,
    NULL::bigint AS post_reach,
    NULL::numeric AS engagement_rate,
    NULL::integer::private.integer_not_null AS scheduled_waiting
  WHERE false;
comment on view public.social_overview_row is 'One platform of social_overview. Never null: platform, accounts, posts_published, post_views, post_engagements, scheduled_waiting. NULL without data: followers (latest known), followers_change (over the range), reach and profile_views (sums of the accounts'' days), post_reach, engagement_rate (post engagements / post reach). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.social_overview_row to service_role;
grant select on public.social_overview_row to authenticated;
