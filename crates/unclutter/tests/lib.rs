//! The integration suite: one binary, one module per concern.

mod corpus;
mod devset;
mod hostile;
mod html;
mod layers;
mod metadata;
mod props;
mod registry;
mod rules;
mod seeds;
