-- 我的待办 and the supervision list read the orders of one state by reply deadline (the earliest,
-- and the late ones, first) within a scope: the state, the deadline and the school in one index,
-- so neither reads the whole table nor sorts it.
CREATE INDEX supervision_orders_state_deadline ON supervision_orders(state, deadline, school_id);
