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

-- What is wrong with an amount, or null: a decimal number, not negative, whole where the unit
-- is whole (minor units, micros).
create function private.amount_problem(p_amount jsonb, p_unit text) returns text
language sql immutable set search_path = '' as $$
  select case
    when p_amount is null or p_amount = 'null'::jsonb then null
    when jsonb_typeof(p_amount) not in ('string', 'number') or p_amount #>> '{}' !~ '^-?\d{1,21}(\.\d{1,12})?$'
      then 'must be a decimal number'
    when p_amount #>> '{}' ~ ('^-?\d{' || case p_unit when 'major' then 15 when 'minor' then 18 else 21 end + 1 || '}')
      then 'is too large'
    when p_amount #>> '{}' ~ '^-' and (p_amount #>> '{}')::numeric <> 0 then 'must not be negative'
    when p_unit in ('minor', 'micros') and p_amount #>> '{}' ~ '\.\d*[1-9]' then 'must be a whole number'
  end
$$;
comment on function private.amount_problem(jsonb, text) is 'Checks a provider amount (a JSON string or number) in the unit named (major, minor, micros): null when it is a non-negative decimal number (whole for minor units and micros), else what is wrong.';

-- An amount in integer minor units of the currency; null when absent, malformed or the currency unknown.
create function private.minor_units(p_amount jsonb, p_unit text, p_currency text) returns bigint
language sql stable set search_path = '' as $$
  select case when private.amount_problem(p_amount, p_unit) is null and p_amount is not null and p_amount <> 'null'::jsonb then
    case p_unit
      when 'major' then round((p_amount #>> '{}')::numeric * power(10::numeric, c.exponent))
      when 'minor' then round((p_amount #>> '{}')::numeric)
      when 'micros' then round((p_amount #>> '{}')::numeric / power(10::numeric, 6 - c.exponent))
    end::bigint end
  from private.currencies c where c.code = upper(p_currency)
$$;
comment on function private.minor_units(jsonb, text, text) is 'Converts a provider amount to integer minor units of p_currency with numeric arithmetic: major ("12.345" USD -> 1235, half away from zero), minor ("5000" -> 5000), micros ("12340000" USD -> 1234). Null when absent, malformed, negative or the currency is not ISO 4217.';

revoke all on function private.amount_problem(jsonb, text) from public;
revoke all on function private.minor_units(jsonb, text, text) from public;
grant execute on function private.amount_problem(jsonb, text), private.minor_units(jsonb, text, text) to service_role;
grant select on private.currencies to service_role;
