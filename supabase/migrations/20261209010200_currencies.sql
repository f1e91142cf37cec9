-- Currencies: ISO 4217 codes with their minor-unit exponent, and exact conversions of provider
-- amounts into integer minor units (what every *_cents column holds: cents for USD, yen for JPY,
-- fils for KWD). Providers send decimal strings in major units (Meta spend "12.34", TikTok),
-- whole minor units (Meta budgets "5000") or micros (Google "12340000"); all are converted with
-- numeric arithmetic, never floats, rounding half away from zero where a provider is more
-- precise than the currency.

create table private.currencies (
  code char(3) primary key check (code ~ '^[A-Z]{3}$'),
  exponent smallint not null check (exponent between 0 and 4)
);
comment on table private.currencies is 'ISO 4217 currencies and their minor-unit exponent (2 for USD: cents; 0 for JPY; 3 for KWD). A code not listed here is not a currency the backend accepts from a provider.';
alter table private.currencies enable row level security;

insert into private.currencies (code, exponent)
select c, case
    when c in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF',
               'XOF', 'XPF') then 0
    when c in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') then 3
    when c in ('CLF', 'UYW') then 4
    else 2 end
from unnest(array[
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD',
  'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLF', 'CLP', 'CNY', 'COP', 'CRC', 'CUP',
  'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD',
  'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES',
  'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA',
  'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD',
  'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG',
  'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY',
  'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYI', 'UYU', 'UYW', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XOF',
  'XPF', 'YER', 'ZAR', 'ZMW', 'ZWL']) c;

-- The hot helpers below are PL/pgSQL: a sync page calls them for every row, and PL/pgSQL plans
-- its statements once per session, where a SQL function with a fixed search_path (never inlined)
-- is planned on every call (an ad row's four amounts cost ~0.5 ms as SQL, ~15 us as PL/pgSQL).

-- A currency's minor-unit exponent, or null when it is not an ISO 4217 currency.
create function private.currency_exponent(p_currency text) returns integer
language plpgsql stable set search_path = '' as $$
begin
  return (select c.exponent from private.currencies c where c.code = upper(p_currency));
end $$;
comment on function private.currency_exponent(text) is 'The minor-unit exponent of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD); null for a code that is not one.';

-- What is wrong with an amount, or null: a decimal number, not negative, whole where the unit
-- is whole (minor units, micros), and small enough for its unit.
create function private.amount_problem(p_amount jsonb, p_unit text) returns text
language plpgsql immutable set search_path = '' as $$
declare
  t text;
begin
  if p_amount is null or p_amount = 'null'::jsonb then
    return null;
  end if;
  t := p_amount #>> '{}';
  if jsonb_typeof(p_amount) not in ('string', 'number') or t !~ '^-?\d{1,21}(\.\d{1,12})?$' then
    return 'must be a decimal number';
  end if;
  if t ~ ('^-?\d{' || (case p_unit when 'major' then 15 when 'minor' then 18 else 21 end + 1) || '}') then
    return 'is too large';
  end if;
  if t ~ '^-' and t::numeric <> 0 then
    return 'must not be negative';
  end if;
  if p_unit in ('minor', 'micros') and t ~ '\.\d*[1-9]' then
    return 'must be a whole number';
  end if;
  return null;
end $$;
comment on function private.amount_problem(jsonb, text) is 'Checks a provider amount (a JSON string or number) in the unit named (major, minor, micros): null when it is a non-negative decimal number (whole for minor units and micros) that fits its unit, else what is wrong.';

-- An amount in integer minor units of a currency with the given exponent; null when absent or not a valid amount.
create function private.minor_units(p_amount jsonb, p_unit text, p_exponent integer) returns bigint
language plpgsql immutable set search_path = '' as $$
begin
  if p_exponent is null or private.amount_problem(p_amount, p_unit) is not null or p_amount is null or p_amount = 'null'::jsonb then
    return null;
  end if;
  return case p_unit
    when 'major' then round((p_amount #>> '{}')::numeric * power(10::numeric, p_exponent))
    when 'minor' then round((p_amount #>> '{}')::numeric)
    when 'micros' then round((p_amount #>> '{}')::numeric / power(10::numeric, 6 - p_exponent))
  end::bigint;
end $$;
comment on function private.minor_units(jsonb, text, integer) is 'Converts a provider amount to integer minor units of a currency with exponent p_exponent (private.currency_exponent) with numeric arithmetic: major ("12.345" at 2 -> 1235, half away from zero), minor ("5000" -> 5000), micros ("12340000" at 2 -> 1234). Null when absent or not a valid amount.';

revoke all on function private.currency_exponent(text) from public;
revoke all on function private.amount_problem(jsonb, text) from public;
revoke all on function private.minor_units(jsonb, text, integer) from public;
grant execute on function private.currency_exponent(text), private.amount_problem(jsonb, text),
  private.minor_units(jsonb, text, integer) to service_role;
grant select on private.currencies to service_role;
