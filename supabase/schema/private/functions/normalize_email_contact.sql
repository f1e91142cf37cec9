CREATE OR REPLACE FUNCTION private.normalize_email_contact()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.email := lower(btrim(new.email));
  if new.status = 'subscribed' and (tg_op = 'INSERT' or old.status <> 'subscribed') then
    new.subscribed_at := coalesce(new.subscribed_at, now());
    new.unsubscribed_at := null;
  elsif new.status <> 'subscribed' and (tg_op = 'INSERT' or old.status = 'subscribed') then
    new.unsubscribed_at := now();
  end if;
  return new;
end $function$;
comment on function private.normalize_email_contact() is 'BEFORE INSERT/UPDATE on email_contacts: lowercase email, subscription timestamps.';
