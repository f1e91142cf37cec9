CREATE OR REPLACE FUNCTION private.apply_mux_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d jsonb := new.payload -> 'data';
  vid uuid := case when d ->> 'passthrough' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   then (d ->> 'passthrough')::uuid end;
  playback text;
begin
  if new.provider <> 'mux' then
    return null;
  end if;
  begin
    select pb ->> 'id' into playback
    from jsonb_array_elements(case when jsonb_typeof(d -> 'playback_ids') = 'array' then d -> 'playback_ids' else '[]' end) pb
    order by (pb ->> 'policy' = 'signed') desc nulls last
    limit 1;
    if new.topic = 'video.upload.asset_created' then
      update public.videos set mux_asset_id = coalesce(mux_asset_id, d ->> 'asset_id'), status = 'processing'
      where mux_upload_id = d ->> 'id' and status = 'uploading';
    elsif new.topic = 'video.upload.errored' or new.topic = 'video.upload.cancelled' then
      update public.videos set status = 'errored',
        error = left(coalesce(d #>> '{error,message}', 'the upload was ' || split_part(new.topic, '.', 3)), 2000)
      where mux_upload_id = d ->> 'id' and status = 'uploading';
    elsif new.topic = 'video.asset.created' then
      update public.videos set status = 'processing', mux_asset_id = coalesce(mux_asset_id, d ->> 'id'),
        mux_playback_id = coalesce(mux_playback_id, playback)
      where status = 'uploading'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.ready' then
      update public.videos set status = 'ready', error = null,
        duration_seconds = case when (d ->> 'duration') ~ '^\d+(\.\d+)?$' and (d ->> 'duration')::numeric > 0
                                then round((d ->> 'duration')::numeric, 3) else duration_seconds end,
        mux_playback_id = coalesce(playback, mux_playback_id),
        mux_asset_id = coalesce(mux_asset_id, d ->> 'id')
      where status <> 'errored'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.errored' then
      update public.videos set status = 'errored',
        error = left(coalesce(d #>> '{errors,messages,0}', d #>> '{errors,type}', 'Mux could not process the video'), 2000)
      where status <> 'ready'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.deleted' then
      update public.videos set deleted_at = coalesce(deleted_at, now()) where mux_asset_id = d ->> 'id';
    end if;
  exception when others then
    update private.webhook_events set status = 'failed', error = left('videos: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $function$;
comment on function private.apply_mux_event() is 'AFTER INSERT on private.webhook_events (Mux): upload linked to its asset (processing), upload errored or cancelled, asset created, ready (duration, signed playback id) or errored, deleted; videos found by upload id, asset id or passthrough (the video id); a ready video is never errored again nor an errored one made ready. A failure marks the event failed and never loses it.';

CREATE OR REPLACE FUNCTION private.apply_mux_event(p_type text, p_data jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer := 0;
  asset text := p_data ->> 'id';
  upload text := p_data ->> 'upload_id';
  media_id uuid := case when p_data ->> 'passthrough' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        then (p_data ->> 'passthrough')::uuid end;
  playback text;
begin
  if p_type = 'video.upload.asset_created' then
    update public.review_media m set mux_asset_id = p_data ->> 'asset_id'
    where m.mux_upload_id = asset and p_data ->> 'asset_id' is not null
      and m.mux_asset_id is distinct from p_data ->> 'asset_id';
    get diagnostics n = row_count;
  elsif p_type in ('video.asset.created', 'video.asset.ready', 'video.asset.errored', 'video.asset.deleted') then
    select pb ->> 'id' into playback
    from jsonb_array_elements(case when jsonb_typeof(p_data -> 'playback_ids') = 'array' then p_data -> 'playback_ids' else '[]' end) pb
    order by (pb ->> 'policy' = 'public') desc nulls last
    limit 1;
    update public.review_media m set
      mux_asset_id = coalesce(m.mux_asset_id, asset),
      status = case when m.status = 'deleted' or p_type = 'video.asset.deleted' then 'deleted'
                    when p_type = 'video.asset.ready' then 'ready'
                    when p_type = 'video.asset.errored' then 'errored'
                    else m.status end::public.review_media_status,
      mux_playback_id = coalesce(left(playback, 128), m.mux_playback_id),
      duration_seconds = case when jsonb_typeof(p_data -> 'duration') = 'number'
                              then round((p_data ->> 'duration')::numeric, 3) else m.duration_seconds end,
      aspect_ratio = case when p_data ->> 'aspect_ratio' ~ '^\d{1,5}:\d{1,5}$' then p_data ->> 'aspect_ratio' else m.aspect_ratio end,
      error = case when p_type = 'video.asset.errored'
                   then left(coalesce((select string_agg(e, '; ') from jsonb_array_elements_text(
                          case when jsonb_typeof(p_data #> '{errors,messages}') = 'array' then p_data #> '{errors,messages}' else '[]' end) e),
                          p_data #>> '{errors,type}', 'Mux could not process the video'), 2000)
                   else m.error end,
      ready_at = case when p_type = 'video.asset.ready' then coalesce(m.ready_at, now()) else m.ready_at end
    where m.mux_asset_id = asset or (upload is not null and m.mux_upload_id = upload) or m.id = media_id;
    get diagnostics n = row_count;
  end if;
  return n;
end $function$;
comment on function private.apply_mux_event(text,jsonb) is 'Applies one Mux webhook event (type and data) to review_media: links uploads to assets, marks assets ready (playback id, duration, aspect ratio), errored or deleted. Returns the rows changed.';
grant execute on function private.apply_mux_event(text,jsonb) to service_role;
