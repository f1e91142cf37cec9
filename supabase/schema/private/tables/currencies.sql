create table private.currencies (
  code character(3) not null,
  exponent smallint not null,
  constraint "currencies_pkey" PRIMARY KEY (code),
  constraint "currencies_code_check" CHECK ((code ~ '^[A-Z]{3}$'::text)),
  constraint "currencies_exponent_check" CHECK (((exponent >= 0) AND (exponent <= 4)))
);
comment on table private.currencies is 'ISO 4217 currencies and their minor-unit exponent (2 for USD: cents; 0 for JPY; 3 for KWD). A code not listed here is not a currency the backend accepts from a provider.';

alter table private.currencies enable row level security;
grant select on private.currencies to service_role;
