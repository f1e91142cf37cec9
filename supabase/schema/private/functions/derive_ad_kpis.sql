CREATE OR REPLACE FUNCTION private.derive_ad_kpis()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.cpc_cents := case when new.clicks > 0 then round(new.spend_cents::numeric / new.clicks, 2) end;
  new.cpa_cents := case when new.conversions > 0 then round(new.spend_cents / new.conversions, 2) end;
  new.cpm_cents := case when new.impressions > 0 then round(new.spend_cents * 1000::numeric / new.impressions, 2) end;
  new.roas := case when new.spend_cents > 0 then round(new.revenue_cents::numeric / new.spend_cents, 4) end;
  new.ctr := case when new.impressions > 0 then round(new.clicks::numeric / new.impressions, 6) end;
  new.cvr := case when new.clicks > 0 then round(new.conversions / new.clicks, 6) end;
  return new;
end $function$;
comment on function private.derive_ad_kpis() is 'BEFORE INSERT/UPDATE on ad_metrics_daily: CPC, CPA, CPM, ROAS, CTR, CVR (NULL on a zero denominator).';
