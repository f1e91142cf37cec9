CREATE OR REPLACE FUNCTION private.check_approval_proposer()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() and new.proposer not in ('user', 'system') then
    raise exception 'proposer must be ''user'' for a signed-in member (agents and automations propose through the service)'
      using errcode = '42501', hint = 'send proposer: ''user'' or leave it out';
  end if;
  return new;
end $function$;
comment on function private.check_approval_proposer() is 'BEFORE INSERT on agent_approvals, before the guard: a signed-in caller proposes as ''user'' (the column default ''system'' is taken as not sent); anything else is 42501 naming the column.';
