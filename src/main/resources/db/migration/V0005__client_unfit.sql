-- DOMAIN §1 R3: a client recorded as permanently unfit for work ("moins valide définitivement
-- inapte") is social activation only, whatever its age. Null when not recorded.
ALTER TABLE client ADD COLUMN permanently_unfit_since DATE NULL;
