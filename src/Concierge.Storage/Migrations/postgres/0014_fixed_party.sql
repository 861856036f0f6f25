-- A barbershop or salon books one person per appointment: the demo shops' services fix the party
-- size at 1 (min_party = max_party), so the booking conversation no longer asks "for how many
-- people?". Only services still as seeded (1..3) change; an operator's edits stay.
UPDATE services SET max_party = 1
WHERE id IN ('00000000-0000-7000-8000-000000000410', '00000000-0000-7000-8000-000000000411', '00000000-0000-7000-8000-000000000420',
             '00000000-0000-7000-8000-000000000430', '00000000-0000-7000-8000-000000000431', '00000000-0000-7000-8000-000000000440',
             '00000000-0000-7000-8000-000000000450')
  AND min_party = 1 AND max_party = 3;
