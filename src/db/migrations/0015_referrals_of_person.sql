-- A person's referrals at a site, found by the person: the participant timeline shows the hand-offs
-- of every referral of the person (a re-entry on a new referral keeps the one that first brought
-- them in), on each page it loads.
create index referrals_person on referrals (site_id, person_id);
