//! The geoparser's integration tests, one test binary: each binary embeds
//! the gazetteer index (about 150 MB), so one binary instead of one per
//! file saves CI disk and links. Each module is one concern.

mod common;

mod acled_afghanistan;
mod discourse;
mod import;
mod matcher_cost;
mod seed_places;
