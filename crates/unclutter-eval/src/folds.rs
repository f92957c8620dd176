//! The out-of-fold models: for each of [`FOLDS`] folds of sites, the content scorers trained
//! without them (`scripts/train` writes `fold-K.lgb.gz` for plain text and `html-fold-K.lgb.gz`
//! for HTML pages to [`fold_models_dir`]). Cleaning each
//! page with the model of its fold ([`crate::Entry::fold`]) gives the numbers that count as
//! quality: measured on sites the model was not fitted to.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Folds of sites the devset is split into.
pub const FOLDS: usize = 5;

/// Where the repository keeps the fold models: `crates/unclutter-eval/models/oof`.
pub fn fold_models_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join("oof")
}

/// The text of each fold's model, in fold order, from `dir/<name>-K.lgb.gz` (or an
/// uncompressed `dir/<name>-K.lgb`); `name` is `fold` for plain text, `html-fold` for HTML. An
/// error names the file that is missing or unreadable.
///
/// ```
/// let dir = unclutter_eval::fold_models_dir();
/// for name in ["fold", "html-fold"] {
///     let models = unclutter_eval::fold_models(&dir, name).unwrap();
///     assert_eq!(models.len(), unclutter_eval::FOLDS);
///     assert!(models.iter().all(|m| m.starts_with("# ")));
/// }
/// assert!(unclutter_eval::fold_models("no/such/dir", "fold").is_err());
/// ```
pub fn fold_models(dir: impl AsRef<Path>, name: &str) -> Result<Vec<String>, String> {
    let dir = dir.as_ref();
    (0..FOLDS)
        .map(|k| {
            let plain = dir.join(format!("{name}-{k}.lgb"));
            let gz = dir.join(format!("{name}-{k}.lgb.gz"));
            if !gz.exists() {
                return std::fs::read_to_string(&plain).map_err(|e| format!("{}: {e}", plain.display()));
            }
            let mut text = String::new();
            std::fs::File::open(&gz)
                .and_then(|f| flate2::read::GzDecoder::new(f).read_to_string(&mut text))
                .map(|_| text)
                .map_err(|e| format!("{}: {e}", gz.display()))
        })
        .collect()
}
