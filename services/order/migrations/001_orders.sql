-- Orders, their lines, every state transition, processed payment events and the outbox.
CREATE TABLE orders (
  id                     uuid PRIMARY KEY,
  number                 text NOT NULL UNIQUE,
  owner_id               text NOT NULL,
  owner_role             text NOT NULL CHECK (owner_role IN ('guest', 'customer', 'admin')),
  email                  text NOT NULL,
  state                  text NOT NULL CHECK (state IN ('pending_payment', 'paid', 'preparing', 'shipped', 'delivered', 'cancelled', 'refunded')),
  idempotency_key        text NOT NULL,
  request_hash           text NOT NULL,
  shipping_method        text NOT NULL CHECK (shipping_method IN ('standard', 'express')),
  shipping_address       jsonb NOT NULL,
  items_total            integer NOT NULL CHECK (items_total >= 0),
  discount_total         integer NOT NULL CHECK (discount_total >= 0),
  subtotal               integer NOT NULL CHECK (subtotal >= 0),
  shipping_fee           integer NOT NULL CHECK (shipping_fee >= 0),
  grand_total            integer NOT NULL CHECK (grand_total >= 0),
  currency               text NOT NULL DEFAULT 'KRW',
  reservation_id         text NOT NULL,
  reservation_expires_at timestamptz NOT NULL,
  payment_id             text,
  payment_status         text NOT NULL DEFAULT 'none',
  card_brand             text,
  card_last4             text,
  -- running: the saga owns the order; awaiting_payment: a webhook will settle it;
  -- completed / failed: the checkout answered (failed keeps the problem to replay).
  checkout_status        text NOT NULL DEFAULT 'running' CHECK (checkout_status IN ('running', 'awaiting_payment', 'completed', 'failed')),
  checkout_problem       jsonb,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orders_owner_idempotency_key UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX orders_owner_created ON orders (owner_id, created_at DESC);
CREATE INDEX orders_state_created ON orders (state, created_at DESC);
CREATE INDEX orders_created ON orders (created_at DESC);
CREATE INDEX orders_unpaid_expiry ON orders (reservation_expires_at) WHERE state = 'pending_payment';

CREATE TABLE order_lines (
  order_id       uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no        integer NOT NULL,
  product_id     text NOT NULL,
  option_id      text,
  name           text NOT NULL,
  slug           text,
  brand          text,
  image_url      text,
  option_label   text,
  quantity       integer NOT NULL CHECK (quantity > 0),
  unit_price     integer NOT NULL CHECK (unit_price >= 0),
  original_price integer NOT NULL CHECK (original_price >= 0),
  line_total     integer NOT NULL CHECK (line_total >= 0),
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_transitions (
  id         bigserial PRIMARY KEY,
  order_id   uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  from_state text,
  to_state   text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('guest', 'customer', 'admin', 'system', 'payment')),
  actor_id   text,
  reason     text,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_transitions_order ON order_transitions (order_id, id);

CREATE TABLE processed_payment_events (
  event_id    text PRIMARY KEY,
  order_id    text NOT NULL,
  type        text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  event_id     uuid NOT NULL UNIQUE,
  type         text NOT NULL,
  aggregate_id uuid NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
