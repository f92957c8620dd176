//! The rules, in files by family. A family file declares its rules with `declare_rule!`
//! (metadata, documentation, phase, dependencies, patterns and hooks, see [`crate::rule`]);
//! phrase lists and word sets live in `lexicons/<lang>.txt` (word sets read through
//! [`crate::vocabulary`]), and `registry.rs` lists the rules in order.

pub(crate) mod ads;
pub(crate) mod boilerplate;
pub(crate) mod byline;
pub(crate) mod layout;
pub(crate) mod legal;
pub(crate) mod media;
pub(crate) mod navigation;
pub(crate) mod promo;
pub(crate) mod related;
pub(crate) mod share;
pub(crate) mod source;
pub(crate) mod timestamp;
